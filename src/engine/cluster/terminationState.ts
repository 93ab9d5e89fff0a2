/**
 * Whether a pod is terminating (deleted, within its grace period: cluster/termination.ts). Alone in its
 * file, importing nothing, so the graph (src/ui) can ask without pulling the pod lifecycle into the
 * page's first script.
 */
import type { PodState } from '../model/state.ts';

export function isTerminating(pod: PodState): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}
