import { describe, it, expect } from 'vitest';
import { drawRandom, seedRng } from '../rng.ts';
import { cursorHash, readCursor } from './cursorTable.ts';
import { getNetIndex } from './netIndex.ts';
import { RouteContext } from './routeContext.ts';
import { makeState } from './testing/fixtures.ts';

describe('RouteContext', () => {
  it('draws exactly the rng.ts sequence and hands the new rng state back', () => {
    const state = { ...makeState(), rng: seedRng(42) };
    const ctx = new RouteContext(state, getNetIndex(state));
    let ref = state.rng;
    for (let i = 0; i < 1000; i++) {
      const d = drawRandom(ref);
      ref = d.next;
      expect(ctx.random()).toBe(d.value);
    }
    expect(ctx.finish().rng).toBe(ref);
  });
  it('copies affinity and cursors on first write only, leaving the input state untouched', () => {
    const state = makeState();
    const ctx = new RouteContext(state, getNetIndex(state));
    expect(ctx.nextRoundRobin('ipvs', 'k', 3)).toBe(0);
    expect(ctx.nextRoundRobin('ipvs', 'k', 3)).toBe(1);
    ctx.setAffinity('a', { endpoint: 'x', lastUsed: 1 });
    const next = ctx.finish();
    expect(readCursor(next.ipvsCursor, 'k', cursorHash('k'))).toBe(2);
    expect(next.affinity).toEqual({ a: { endpoint: 'x', lastUsed: 1 } });
    expect(state.ipvsCursor).toEqual([]);
    expect(state.affinity).toEqual({});
    expect(next.lbCursor).toBe(state.lbCursor);
  });
});
