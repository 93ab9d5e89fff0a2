/**
 * How kubectl shows a pod that is terminating (metadata.deletionTimestamp set; cluster/termination.ts):
 * - `get pods` STATUS is `Terminating` (printPod in
 *   https://github.com/kubernetes/kubernetes/blob/master/pkg/printers/internalversion/printers.go);
 * - `describe pod` prints `Status: Terminating (lasts <age>)` and `Termination Grace Period: <n>s`
 *   (describePod in https://github.com/kubernetes/kubectl/blob/master/pkg/describe/describe.go);
 * - `get -o yaml` carries deletionTimestamp and deletionGracePeriodSeconds in metadata.
 */
import type { ClusterState, PodState } from '../../model/state.ts';
import { formatAge } from '../format/age.ts';

export function podStatusColumn(pod: PodState): string {
  return pod.metadata.deletionTimestamp !== undefined ? 'Terminating' : pod.status.phase;
}

export function describePodStatusLines(pod: PodState, state: ClusterState): string[] {
  const since = pod.metadata.deletionTimestamp;
  if (since === undefined) return [`Status:\t${pod.status.phase}`];
  const grace = pod.metadata.deletionGracePeriodSeconds ?? 0;
  // translateTimestampSince(deletionTimestamp): the API server's deletionTimestamp is the deletion time
  // plus the grace period, so within the grace period kubectl itself prints `<invalid>`.
  return [
    `Status:\tTerminating (lasts ${formatAge(state.clock - (since + grace))})`,
    `Termination Grace Period:\t${grace}s`,
  ];
}

/** The metadata fields a terminating pod adds to `get -o yaml`. */
export function deletionMetadata(
  pod: PodState,
  formatTimestamp: (seconds: number) => string,
): Record<string, string | number> {
  const since = pod.metadata.deletionTimestamp;
  if (since === undefined) return {};
  const grace = pod.metadata.deletionGracePeriodSeconds ?? 0;
  return { deletionGracePeriodSeconds: grace, deletionTimestamp: formatTimestamp(since + grace) };
}
