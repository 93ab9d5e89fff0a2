import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './formatDiagnostic.ts';

describe('formatDiagnostic', () => {
  it('escapes bidirectional overrides and control characters from the user text', () => {
    const line = formatDiagnostic({
      file: 'a.yaml',
      line: 4,
      column: 9,
      severity: 'error',
      path: 'metadata.name',
      message: 'Invalid value: "ab\u202ecd\u0007\u2066"',
      code: 'name-invalid',
    });
    expect(line).toBe('a.yaml:4:9 error metadata.name: Invalid value: "ab\\u202ecd\\u0007\\u2066"');
    expect([...line].some((c) => '\u202e\u0007\u2066'.includes(c))).toBe(false);
  });
});
