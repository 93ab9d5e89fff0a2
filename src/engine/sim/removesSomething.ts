/**
 * Whether an edit of the files takes something away from the cluster: an object whose document is
 * gone (or renamed), or a running pod that is deleted or starts terminating (a scale-down, a rollout,
 * a controller removed). The page holds such an edit while the user is still typing
 * (docs/editing.md, "Held while typing"): half-typed text such as `replicas: ` on the way from 3 to 4
 * is a valid manifest (replicas defaults to 1), and applying it would terminate two pods for their
 * whole grace period although nobody meant to scale down.
 */
import { isTerminating } from '../cluster/terminationState.ts';
import type { Simulation } from './simulation.ts';

export function removesSomething(before: Simulation, after: Simulation): boolean {
  const keys = new Set((after.applied ?? []).map((a) => a.key));
  if ((before.applied ?? []).some((a) => !keys.has(a.key))) return true;
  const podsAfter = new Map(after.state.pods.map((pod) => [pod.metadata.uid, pod]));
  return before.state.pods.some((pod) => {
    if (isTerminating(pod)) return false;
    const now = podsAfter.get(pod.metadata.uid);
    return now === undefined || isTerminating(now);
  });
}
