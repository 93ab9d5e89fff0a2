/** Per-node subscriptions: each node reads only its own slice, by id (docs/decisions.md#animation). */
import { useSimulation, useTraffic, useView } from '../../../store/react.ts';

export function useIsSelected(id: string): boolean {
  return useView((s) => s.selection === id);
}

/**
 * How many requests this pod served. `live` false (a zoomed-out card whose full face is hidden) reads
 * 0 and never re-renders for a count: a crowd's arrival batches then touch no hidden card
 * (docs/performance.md#packets-in-flight).
 */
export function useHits(id: string, live = true): number {
  return useTraffic((s) => (live ? (s.hits[id] ?? 0) : 0));
}

/** Why the latest edit of this object was refused (it keeps its last accepted version), if it was. */
export function useRejectedChange(id: string): string | undefined {
  return useSimulation((s) => s.sim?.rejected?.find((r) => r.id === id)?.message);
}
