/**
 * A value sent over the Worker boundary as what changed since the value sent before it. The engine's
 * data is immutable with structural sharing (engine/sim/copyState.ts: an edit replaces what it changes
 * and shares the rest), so an unchanged part is found by identity and crosses as a one-element array
 * instead of being cloned: an edit of one Deployment in a 1,000-pod cluster sends that Deployment, its
 * pods and what refers to them, not 2.5 MB of state. The decoder rebuilds the value from the previous
 * one it holds, and keeps the previous object wherever nothing changed, so the page can skip work for
 * unchanged objects by identity (the graph's memoised nodes).
 *
 * The two sides must hold the same previous value: every encoded value is decoded, in order, and a new
 * Worker (after a restart) starts from nothing on both sides.
 */

/**
 * - `[0, value]`: the value itself;
 * - `[1]`: the same as the previous value;
 * - `[2, keys, deltas]`: an object; `keys` null means the previous object's keys, in its order; each
 *   key's delta is against the previous object's own value for that key;
 * - `[3, bases, deltas]`: an array; element i is encoded against the previous array's element
 *   `bases[i]` (-1: against nothing).
 */
export type Delta = [0, unknown] | [1] | [2, string[] | null, Delta[]] | [3, number[], Delta[]];

const SAME: Delta = [1];
const hasOwn = Object.prototype.hasOwnProperty;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function encodeObject(next: Record<string, unknown>, prev: Record<string, unknown>): Delta {
  const keys = Object.keys(next);
  const same = sameKeys(keys, Object.keys(prev));
  const deltas: Delta[] = [];
  let changed = !same;
  for (const key of keys) {
    const delta = encodeValue(next[key], hasOwn.call(prev, key) ? prev[key] : undefined);
    if (delta !== SAME) changed = true;
    deltas.push(delta);
  }
  return changed ? [2, same ? null : keys, deltas] : SAME;
}

/** Whether two objects share a field value by identity (one is a shallow copy of the other). */
function sharesField(value: unknown, other: unknown): boolean {
  if (typeof value !== 'object' || value === null || typeof other !== 'object' || other === null)
    return false;
  if (Array.isArray(value) || Array.isArray(other)) return false;
  const a = value as Record<string, unknown>;
  const b = other as Record<string, unknown>;
  for (const key in a) {
    const child = a[key];
    if (typeof child === 'object' && child !== null && hasOwn.call(b, key) && b[key] === child) return true;
  }
  return false;
}

/**
 * Which previous element each element is compared with: itself when it is still there, or the one it
 * is a shallow copy of (first where the last one was found, then by a look-up of every previous
 * element's fields), else the one at the same index.
 */
function baseIndexes(next: unknown[], prev: unknown[]): number[] {
  let owners: Map<unknown, number> | null = null;
  const ownerOf = (value: object): number | undefined => {
    if (!owners) {
      owners = new Map();
      prev.forEach((p, j) => {
        if (typeof p !== 'object' || p === null) return;
        if (!owners!.has(p)) owners!.set(p, j);
        if (Array.isArray(p)) return;
        for (const key in p) {
          const child = (p as Record<string, unknown>)[key];
          if (typeof child === 'object' && child !== null && !owners!.has(child)) owners!.set(child, j);
        }
      });
    }
    const whole = owners.get(value);
    if (whole !== undefined || Array.isArray(value)) return whole;
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child !== 'object' || child === null) continue;
      const j = owners.get(child);
      if (j !== undefined) return j;
    }
    return undefined;
  };
  // Where the previous element was found, relative to the index (an insertion shifts the rest by one).
  let shift = 0;
  return next.map((value, i) => {
    const guess = i + shift;
    if (guess >= 0 && guess < prev.length && (prev[guess] === value || sharesField(value, prev[guess])))
      return guess;
    if (typeof value !== 'object' || value === null) return i < prev.length ? i : -1;
    const found = ownerOf(value);
    if (found === undefined) return i < prev.length ? i : -1;
    shift = found - i;
    return found;
  });
}

function encodeArray(next: unknown[], prev: unknown[]): Delta {
  const bases = baseIndexes(next, prev);
  const deltas: Delta[] = [];
  let changed = next.length !== prev.length;
  next.forEach((value, i) => {
    const base = bases[i]!;
    const delta = encodeValue(value, base >= 0 ? prev[base] : undefined);
    if (delta !== SAME || base !== i) changed = true;
    deltas.push(delta);
  });
  return changed ? [3, bases, deltas] : SAME;
}

/** Thrown when a delta costs more to find than the clone it would save. */
class TooManyChanges extends Error {}
let budget = 0;

function encodeValue(next: unknown, prev: unknown): Delta {
  if (next === prev) return SAME;
  if (--budget < 0) throw new TooManyChanges();
  if (Array.isArray(next) && Array.isArray(prev)) return encodeArray(next, prev);
  if (isPlainObject(next) && isPlainObject(prev)) return encodeObject(next, prev);
  return [0, next];
}

/**
 * How many changed values a delta may visit before the whole value is sent instead: an edit that moves
 * every document (a line added at the top) changes every position, and walking all of them costs more
 * than cloning. A one-document edit of the 1,000-pod bench visits about 6,000.
 */
export const DELTA_BUDGET = 50_000;

/** `next` as a delta against `prev` (the value the other side decoded last; undefined: none). */
export function encodeDelta(next: unknown, prev: unknown, maxVisits = DELTA_BUDGET): Delta {
  budget = maxVisits;
  try {
    return encodeValue(next, prev);
  } catch (error) {
    if (error instanceof TooManyChanges) return [0, next];
    throw error;
  }
}

/** How many values encodeDelta visited last time (for the benches and tests). */
export function lastDeltaVisits(maxVisits = DELTA_BUDGET): number {
  return maxVisits - budget;
}

/** The value a delta stands for, rebuilt on `prev` (unchanged parts are `prev`'s own objects). */
export function decodeDelta(delta: Delta, prev: unknown): unknown {
  switch (delta[0]) {
    case 0:
      return delta[1];
    case 1:
      return prev;
    case 2: {
      const base = (isPlainObject(prev) ? prev : {}) as Record<string, unknown>;
      const keys = delta[1] ?? Object.keys(base);
      const deltas = delta[2];
      // fromEntries defines own properties, so a key such as `__proto__` stays a plain key.
      return Object.fromEntries(
        keys.map((key, i) => [key, decodeDelta(deltas[i]!, hasOwn.call(base, key) ? base[key] : undefined)]),
      );
    }
    case 3: {
      const base = Array.isArray(prev) ? prev : [];
      const deltas = delta[2];
      return delta[1].map((j, i) => decodeDelta(deltas[i]!, j >= 0 ? base[j] : undefined));
    }
  }
}
