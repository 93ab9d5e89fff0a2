import { describe, it, expect } from 'vitest';
import type { Diagnostic } from '../../engine/index.ts';
import { toMarkers } from './toMarkers.ts';

const base: Diagnostic = {
  file: 'manifest.yaml',
  line: 4,
  column: 3,
  severity: 'error',
  path: 'spec.ports[0].nodePort',
  message: 'Invalid value: 29999: provided port is not in the valid range',
  code: 'svc-nodeport-range',
};

describe('toMarkers', () => {
  it('maps severity, position and the API server wording with its field path', () => {
    const [marker] = toMarkers([base], 'manifest.yaml', () => 20);
    expect(marker).toEqual({
      severity: 8,
      message: 'spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range',
      startLineNumber: 4,
      startColumn: 3,
      endLineNumber: 4,
      endColumn: 21,
      source: 'kubeplay',
      code: 'svc-nodeport-range',
    });
  });

  it('keeps an explicit end, skips other files, and maps warnings', () => {
    const markers = toMarkers(
      [
        { ...base, severity: 'warning', endLine: 5, endColumn: 2 },
        { ...base, file: 'other.yaml' },
      ],
      'manifest.yaml',
      () => 0,
    );
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ severity: 4, endLineNumber: 5, endColumn: 2 });
  });
});
