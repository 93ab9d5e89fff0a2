/** A Map-backed KeyValueStorage for tests, its map exposed to read what was saved. */
import type { KeyValueStorage } from '../persistence.ts';

export function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}
