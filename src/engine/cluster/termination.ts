/**
 * Graceful pod deletion. Deleting a running pod (`kubectl delete pod`, a controller scaling down or
 * replacing it, deleting its controller) does not remove it at once: the API server sets
 * `metadata.deletionTimestamp` and `deletionGracePeriodSeconds` (the pod's
 * `spec.terminationGracePeriodSeconds`, default 30), kubelet sends SIGTERM, and the pod is listed as
 * `Terminating` until the grace period has passed in simulated time (state.clock), when kubelet kills it
 * and it is removed (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 *
 * While it terminates: workload controllers no longer count it (controller.FilterActivePods skips pods
 * with a deletionTimestamp), so a replacement starts at once; the Endpoints object leaves it out and its
 * EndpointSlice keeps it with `terminating: true` (endpointsController.ts); kube-proxy sends traffic to it
 * only when no ready endpoint remains (KEP-1669, net/netIndex.ts getProxyBackends). Its container keeps
 * answering until it is killed (a process that ignores SIGTERM, like the book's kubia, runs the full
 * grace period).
 *
 * A pod that never started (no node, or Pending) is removed at once, as the API server does for an
 * unscheduled pod; so are pods evicted from a down node or removed with their node or namespace here
 * (controllers.ts, deleteObject.ts).
 */
import { DEFAULT_GRACE_SECONDS } from '../model/podDefaults.ts';
import type { PodState } from '../model/state.ts';
import type { ControlPlane } from './controlPlane.ts';
import { recordEvent } from './events.ts';
import { deletePod } from './podLifecycle.ts';
import { isTerminating } from './terminationState.ts';

export { DEFAULT_GRACE_SECONDS };

export { isTerminating };

/**
 * Starts a graceful deletion (or removes a pod that never ran). `gracePeriodSeconds` is the delete
 * request's (kubectl delete --grace-period, --now, --force), else the pod's own; 0 removes the pod at
 * once. Deleting a terminating pod again may only shorten its grace period, still counted from the
 * first deletion (BeforeDelete in
 * https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go
 * moves deletionTimestamp back by the old period and on by the new one); removeTerminatedPods then
 * removes it if that time has passed.
 */
export function terminatePod(cp: ControlPlane, pod: PodState, gracePeriodSeconds?: number): void {
  const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  if (isTerminating(pod)) {
    if (gracePeriodSeconds === undefined || grace >= (pod.metadata.deletionGracePeriodSeconds ?? 0)) return;
    pod.metadata = { ...pod.metadata, deletionGracePeriodSeconds: grace };
    return;
  }
  if (pod.status.phase !== 'Running' || pod.spec.nodeName === '' || grace <= 0) {
    deletePod(cp, pod);
    return;
  }
  pod.metadata = {
    ...pod.metadata,
    deletionTimestamp: cp.state.clock,
    deletionGracePeriodSeconds: grace,
  };
  for (const c of pod.spec.containers) {
    recordEvent(cp.state, {
      reason: 'Killing',
      object: `Pod/${pod.metadata.name}`,
      namespace: pod.metadata.namespace,
      message: `Stopping container ${c.name}`,
    });
  }
}

/** kubelet and the API server: pods whose grace period has run out are gone. */
export function removeTerminatedPods(cp: ControlPlane): void {
  const { state } = cp;
  const done = state.pods.filter(
    (p) =>
      p.metadata.deletionTimestamp !== undefined &&
      state.clock >= p.metadata.deletionTimestamp + (p.metadata.deletionGracePeriodSeconds ?? 0),
  );
  for (const pod of done) deletePod(cp, pod, { silent: true });
}
