import { describe, expect, it } from 'vitest';
import { sameValue } from './flowIdentity.ts';

describe('sameValue', () => {
  it('compares plain data field by field', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({ position: { x: 0, y: 10 } }, { position: { x: 0, y: 11 } })).toBe(false);
  });
});
