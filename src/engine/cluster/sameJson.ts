/**
 * Whether two plain values would print alike as JSON (`JSON.stringify(a) === JSON.stringify(b)`: key
 * order included, undefined properties left out), without building the two strings. The endpoints
 * controller compares every Service's subsets with the stored ones on each controller pass, so that
 * unchanged Endpoints keep their objects; stringifying both sides was a quarter of a one-document edit at
 * 1,000 pods (docs/performance.md#a-keystroke-at-1000-pods). Anything but plain objects, arrays,
 * strings, booleans, null and finite numbers (NaN, a string against a number…) is compared by
 * JSON.stringify itself. For plain data the answer is the one the strings give (sameJson.test.ts);
 * an object with `toJSON` is not plain data here and is compared by its JSON as a whole.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true; // one value prints one way
  // Two different strings, booleans or finite numbers print differently (-0 === 0 prints "0" too).
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean')) return false;
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b))
    return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inArray(a[i]), inArray(b[i]))) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = printedKeys(a);
    const kb = printedKeys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) {
      const key = ka[i] as string;
      if (key !== kb[i] || !sameJson(a[key], b[key])) return false;
    }
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An array prints undefined, functions and symbols as null. */
function inArray(v: unknown): unknown {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (
    (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** The keys JSON.stringify prints, in its order (own enumerable string keys, not undefined, functions or symbols). */
function printedKeys(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') keys.push(key);
  }
  return keys;
}
