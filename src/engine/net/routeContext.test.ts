import { describe, it, expect } from 'vitest';
import { drawRandom, seedRng } from '../rng.ts';
import { cursorHash, readCursor } from './cursorTable.ts';
import { getNetIndex } from './netIndex.ts';
import { RequestDraws, RouteContext } from './routeContext.ts';
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
  it("picks as kube-proxy's rules read (iptables rule i with probability 1/(n-i), nftables mod n), drawing as many numbers", () => {
    // The rules as proxier.go writes them, tried in order: the reference the per-n tables must match.
    const reference = (mode: string, n: number, rng: number): { position: number; rng: number } => {
      const next = () => {
        const d = drawRandom(rng);
        rng = d.next;
        return d.value;
      };
      if (mode === 'nftables') return { position: Math.floor(next() * n), rng };
      for (let i = 0; i < n - 1; i++) if (next() < 1 / (n - i)) return { position: i, rng };
      return { position: n - 1, rng };
    };
    const seen = new Set<string>();
    for (const mode of ['iptables', 'nftables'])
      for (let n = 0; n <= 40; n++)
        for (let seed = 1; seed <= 60; seed++) {
          const state = { ...makeState(), rng: seedRng(seed * 7919 + n) };
          const draws = new RequestDraws(state);
          const want = reference(mode, n, state.rng);
          expect(draws.randomPosition(mode, n)).toBe(want.position);
          expect(draws.finish().rng).toBe(want.rng);
          seen.add(`${mode} ${want.position === n - 1 ? 'last' : 'earlier'}`);
        }
    // Both the early exits and the last rule were taken, in both modes.
    expect(seen.size).toBe(4);
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
