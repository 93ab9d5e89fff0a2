/** Per-node subscriptions: each node reads only its own slice, by id (STYLE.md 2.5). */
import { useTraffic, useView } from '../../../store/react.ts';

export function useIsSelected(id: string): boolean {
  return useView((s) => s.selection === id);
}

export function useHits(id: string): number {
  return useTraffic((s) => s.hits[id] ?? 0);
}
