/** Per-node subscriptions: each node reads only its own slice, by id (docs/decisions.md#animation). */
import { useSimulation, useTraffic, useView } from '../../../store/react.ts';

export function useIsSelected(id: string): boolean {
  return useView((s) => s.selection === id);
}

export function useHits(id: string): number {
  return useTraffic((s) => s.hits[id] ?? 0);
}

/** Why the latest edit of this object was refused (it keeps its last accepted version), if it was. */
export function useRejectedChange(id: string): string | undefined {
  return useSimulation((s) => s.sim?.rejected?.find((r) => r.id === id)?.message);
}
