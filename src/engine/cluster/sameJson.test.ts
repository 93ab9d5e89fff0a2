import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameJson } from './sameJson.ts';

/** Values as the engine's plain data holds them, plus what JSON prints oddly (undefined, NaN, -0). */
const leaf = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -0, 0, 1, '', 'a', '1', true, false),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 3 }),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'ip', '1'), tie('v'), { maxKeys: 3 }),
  ),
})).v;

describe('sameJson', () => {
  it('answers what comparing the JSON texts answers', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on a value and its copy with keys reordered or an undefined key added', () => {
    fc.assert(
      fc.property(value, (a) => {
        const copy: unknown = JSON.parse(JSON.stringify({ a }) ?? 'null');
        expect(sameJson({ a }, copy)).toBe(true);
        expect(sameJson({ a }, { a, extra: undefined })).toBe(true);
        expect(sameJson({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
      }),
    );
  });

  it('tells endpoint subsets apart by any field', () => {
    const subset = {
      addresses: [{ ip: '10.244.1.2', nodeName: 'w1' }],
      notReadyAddresses: [],
      ports: [{ port: 80, protocol: 'TCP' }],
    };
    expect(sameJson([subset], [structuredClone(subset)])).toBe(true);
    expect(sameJson([subset], [{ ...subset, ports: [{ port: 81, protocol: 'TCP' }] }])).toBe(false);
    expect(sameJson([subset], [{ ...subset, addresses: [{ ip: '10.244.1.2', nodeName: 'w2' }] }])).toBe(
      false,
    );
  });
});
