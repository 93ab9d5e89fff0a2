/**
 * The held-out manifests (testdata/held-out/, see its README) are realistic and valid: each loads in the
 * engine without an error diagnostic, so `bench:share` measures links to clusters that work, and none
 * of them is stored in the dictionary.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/index.ts';
import { DICTIONARY_V1 } from './dictionaries/v1.ts';

const heldOut = import.meta.glob<string>('./testdata/held-out/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('held-out manifests', () => {
  it('are at least twenty', () => {
    expect(Object.keys(heldOut).length).toBeGreaterThanOrEqual(20);
  });

  it.each(Object.entries(heldOut))('%s loads without an error', (file, text) => {
    const sim = createSimulation({ files: [{ file, text }], seed: 1 });
    const errors = sim.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`)).toEqual([]);
  });

  it.each(Object.entries(heldOut))('%s is not in the dictionary', (_file, text) => {
    for (const doc of text.split(/^---\n/m).filter((d) => d.trim().length > 80)) {
      expect(DICTIONARY_V1.includes(doc.trim())).toBe(false);
    }
  });
});
