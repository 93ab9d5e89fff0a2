import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CursorBucket, CursorTable } from '../model/state.ts';
import { CursorWrites, cursorHash, readCursor } from './cursorTable.ts';

describe('cursor tables', () => {
  it('keep every position written, and leave the tables they came from as they were', () => {
    // A model: a plain record per table version. Keys are drawn from a few shapes so buckets collide.
    const key = fc.oneof(
      fc.constantFrom('default/kubia', 'ingress-nginx/ingress-nginx-controller', 'kind-worker|10.96.0.1:80'),
      fc.string({ maxLength: 12 }),
    );
    const request = fc.array(fc.tuple(key, fc.nat(50)), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const versions: { table: CursorTable; model: Map<string, number> }[] = [
          { table: [], model: new Map() },
        ];
        for (const writes of requests) {
          const before = versions.at(-1)!;
          const cursors = new CursorWrites(before.table);
          const model = new Map(before.model);
          for (const [k, position] of writes) {
            cursors.write(k, cursorHash(k), position);
            model.set(k, position);
            expect(readCursor(cursors.table, k, cursorHash(k))).toBe(position);
          }
          versions.push({ table: cursors.table, model });
        }
        // Every version still reads as it was written, later writes notwithstanding.
        for (const { table, model } of versions) {
          for (const [k, position] of model) expect(readCursor(table, k, cursorHash(k))).toBe(position);
          expect(readCursor(table, 'never-written', cursorHash('never-written'))).toBeUndefined();
        }
      }),
    );
  });

  it('advance is read-then-write of the next position, in the same table, over any mix of keys and sizes', () => {
    // Two writers from the same table, one advancing, one reading and writing as nextRoundRobin did.
    const key = fc.oneof(
      fc.constantFrom('default/kubia', 'kind-worker|10.96.0.1:80'),
      fc.string({ maxLength: 8 }),
    );
    const request = fc.array(fc.tuple(key, fc.nat(7)), { maxLength: 8 });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), (requests) => {
        let table: CursorTable = [];
        for (const moves of requests) {
          const advanced = new CursorWrites(table);
          const reference = new CursorWrites(table);
          for (const [k, n] of moves) {
            const h = cursorHash(k);
            const current = (readCursor(reference.table, k, h) ?? 0) % Math.max(1, n);
            reference.write(k, h, current + 1);
            expect(advanced.advance(k, h, n)).toBe(current);
          }
          expect(advanced.table).toEqual(reference.table);
          table = advanced.table;
        }
      }),
    );
  });

  it('grows with its keys and shares every bucket a request did not write', () => {
    let table: CursorTable = [];
    for (let i = 0; i < 200; i++) {
      const cursors = new CursorWrites(table);
      const key = `team-${i % 50}/app-${i}`;
      cursors.write(key, cursorHash(key), 1);
      table = cursors.table;
    }
    // 200 keys: 16 or 32 buckets (about the square root), none holding more keys than MAX_KEYS_PER_BUCKET
    // and the number of buckets.
    expect(table.every(Array.isArray)).toBe(true);
    const buckets = table as readonly CursorBucket[];
    expect([16, 32]).toContain(buckets.length);
    for (const entries of buckets) expect(entries.length / 2).toBeLessThanOrEqual(buckets.length);
    const cursors = new CursorWrites(table);
    cursors.write('team-3/app-3', cursorHash('team-3/app-3'), 2);
    const written = cursorHash('team-3/app-3') & (buckets.length - 1);
    const next = cursors.table as readonly CursorBucket[];
    expect(next).not.toBe(table);
    next.forEach((entries, b) =>
      b === written ? expect(entries).not.toBe(buckets[b]) : expect(entries).toBe(buckets[b]),
    );
  });
});
