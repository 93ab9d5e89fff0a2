/**
 * Events for `kubectl get events`, with the reasons and messages the real components write:
 * scheduler `Scheduled` / `FailedScheduling`, ReplicaSet/RC controller `SuccessfulCreate` /
 * `SuccessfulDelete`, Deployment controller `ScalingReplicaSet`, kubelet `Killing`, etc.
 */
import type { ClusterEvent, ClusterState } from '../model/state.ts';

export function recordEvent(
  state: ClusterState,
  event: Omit<ClusterEvent, 'time' | 'type'> & { type?: ClusterEvent['type'] },
): void {
  state.events.push({
    time: state.clock,
    type: event.type ?? 'Normal',
    reason: event.reason,
    object: event.object,
    namespace: event.namespace,
    message: event.message,
  });
}
