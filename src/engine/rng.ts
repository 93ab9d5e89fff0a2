/**
 * The seeded random source. Its whole state is one 32-bit number kept in ClusterState.rng, so a
 * simulation replays exactly from (yaml, seed, actions). mulberry32: tiny, fast, good enough
 * for uniform endpoint choice (the chi-square test in kubeProxy.test.ts checks it).
 */
export interface RandomDraw {
  /** A float in [0, 1). */
  value: number;
  /** The state to keep for the next draw. */
  next: number;
}

export function drawRandom(state: number): RandomDraw {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, next };
}

/** An integer in [0, n). */
export function drawIndex(state: number, n: number): { index: number; next: number } {
  const { value, next } = drawRandom(state);
  return { index: Math.floor(value * n), next };
}

/** Mixes a user seed into a starting state so that seeds 1 and 2 do not give similar sequences. */
export function seedRng(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A mutable cursor over the rng state for code that draws several times in one step;
 * read `.state` back into ClusterState when done.
 */
export class Rng {
  constructor(public state: number) {}
  next(): number {
    const d = drawRandom(this.state);
    this.state = d.next;
    return d.value;
  }
  index(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** kube's rand.String alphabet (no vowels, no 0/1/3 lookalikes): `bcdfghjklmnpqrstvwxz2456789`. */
  suffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.index(alphabet.length)];
    return s;
  }
}
