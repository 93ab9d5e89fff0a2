/**
 * Round-robin cursors (IPVS virtual servers, load balancers, an ingress controller's upstreams) kept
 * in ClusterState as a persistent table (model/state.ts CursorTable). A request returns a new state
 * and must leave the old one as it was, so moving a cursor copies what it changes: with one record of
 * every key, that was the whole record, and past a few properties V8 copies an object property by
 * property (`{ ...record }` of the 49 load balancers' cursors cost about 1.2 us, more than the rest of
 * a replayed request). Here a request copies at most the bucket list and the one bucket that holds
 * its key (docs/performance.md#routing).
 *
 * A bucket lists keys and positions alternately. A small table is one bucket (the flat list itself);
 * once a bucket would hold more than MAX_KEYS_PER_BUCKET keys and more keys than there are buckets,
 * the table doubles its buckets, so the copies stay about the square root of the number of keys long.
 * The table is plain data (it crosses the Worker boundary and tests compare it); nothing edits a table
 * or a bucket a state holds, and the same writes in the same order give the same table.
 */
import type { CursorBucket, CursorTable } from '../model/state.ts';

/** Keys a bucket may hold before the table grows (more, once there are more buckets than this). */
const MAX_KEYS_PER_BUCKET = 8;

/** A key's hash (FNV-1a over its UTF-16 code units): its bucket is the low bits. Plans record it. */
export function cursorHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A table of several buckets (a list of lists); a table of one bucket is that bucket. */
function isBucketed(table: CursorTable): table is readonly CursorBucket[] {
  return table.length > 0 && typeof table[0] !== 'string';
}

function bucketOf(table: CursorTable, hash: number): CursorBucket {
  return isBucketed(table) ? table[hash & (table.length - 1)]! : (table as CursorBucket);
}

/** The position stored for `key` (whose cursorHash is `hash`), or undefined if it never moved. */
export function readCursor(table: CursorTable, key: string, hash: number): number | undefined {
  const entries = bucketOf(table, hash);
  for (let i = 0; i < entries.length; i += 2) if (entries[i] === key) return entries[i + 1] as number;
  return undefined;
}

/** The same entries over `size` buckets. */
function rebucketed(buckets: readonly CursorBucket[], size: number): (string | number)[][] {
  const next = Array.from({ length: size }, (): (string | number)[] => []);
  for (const entries of buckets) {
    for (let i = 0; i < entries.length; i += 2) {
      const key = entries[i] as string;
      next[cursorHash(key) & (size - 1)]!.push(key, entries[i + 1]!);
    }
  }
  return next;
}

/**
 * The cursors one request moves: the table it started from, copied on its first write, and each
 * bucket copied on its first write to it. `table` is the one to hand on in the request's new state.
 */
export class CursorWrites {
  table: CursorTable;
  /** The table (a flat one, or a bucketed one's list) is this request's own copy. */
  private ownTable = false;
  /**
   * Buckets of a bucketed table this request copied: a request moves one or two cursors, so two are
   * remembered (a bucket copied and forgotten is copied again, which is only slower); after a growth
   * it owns them all.
   */
  private ownA: CursorBucket | undefined = undefined;
  private ownB: CursorBucket | undefined = undefined;
  private ownAll = false;

  constructor(table: CursorTable) {
    this.table = table;
  }

  write(key: string, hash: number, position: number): void {
    const entries = this.writable(hash);
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] === key) {
        entries[i + 1] = position;
        return;
      }
    }
    this.append(entries, key, position);
  }

  /**
   * A round robin over `n` by `key`: the position to use now (the stored one, or 0 for a key never
   * moved, wrapped into 0..n-1) and the next one stored in its place. The same as `read` then `write`
   * of the position after it, in one pass over the key's bucket.
   */
  advance(key: string, hash: number, n: number): number {
    const entries = this.writable(hash);
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] === key) {
        const current = (entries[i + 1] as number) % Math.max(1, n);
        entries[i + 1] = current + 1;
        return current;
      }
    }
    this.append(entries, key, 1);
    return 0;
  }

  /** The bucket that holds `hash`, copied on this request's first write to it (and the table with it). */
  private writable(hash: number): (string | number)[] {
    if (!this.ownTable) {
      this.table = this.table.slice();
      this.ownTable = true;
    }
    const table = this.table;
    if (!isBucketed(table)) return table as (string | number)[];
    const list = table as CursorBucket[];
    const at = hash & (list.length - 1);
    let entries = list[at] as (string | number)[];
    if (!this.ownAll && entries !== this.ownA && entries !== this.ownB) {
      entries = entries.slice();
      list[at] = entries;
      if (this.ownA === undefined) this.ownA = entries;
      else this.ownB = entries;
    }
    return entries;
  }

  /** Adds a key not in its bucket yet, growing the table when the bucket is full. */
  private append(entries: (string | number)[], key: string, position: number): void {
    entries.push(key, position);
    const table = this.table;
    const buckets = isBucketed(table) ? table : [table as CursorBucket];
    if (entries.length / 2 > Math.max(MAX_KEYS_PER_BUCKET, buckets.length)) {
      // Every bucket of the grown table is new: this request owns them all.
      this.table = rebucketed(buckets, buckets.length * 2);
      this.ownAll = true;
    }
  }
}
