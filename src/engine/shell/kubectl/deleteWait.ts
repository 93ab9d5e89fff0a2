/**
 * `kubectl delete` waits for what it deleted to be gone (`--wait=true` is the default: "wait for
 * resources to be gone before returning",
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_delete/). A deleted pod is Terminating
 * for its grace period (cluster/termination.ts), so the command lets that much simulated time pass
 * (a `wait` action) before it returns; `--wait=false` returns at once and leaves the pod Terminating.
 * `kubectl run --rm` and leaving a `kubectl run -it --rm` shell delete the same way.
 */
import type { ShellContext } from '../context.ts';
import { performAction } from '../context.ts';

/** Seconds until the slowest of these pods is gone (0 when none is terminating). */
function remainingGrace(ctx: ShellContext, pods: { namespace: string; name: string }[]): number {
  let longest = 0;
  for (const { namespace, name } of pods) {
    const pod = ctx.sim.state.pods.find(
      (p) => p.metadata.namespace === namespace && p.metadata.name === name,
    );
    const since = pod?.metadata.deletionTimestamp;
    if (!pod || since === undefined) continue;
    const left = since + (pod.metadata.deletionGracePeriodSeconds ?? 0) - ctx.sim.state.clock;
    longest = Math.max(longest, left);
  }
  return longest;
}

/** After deleting these pods: let their grace period pass, as kubectl's default --wait does. */
export function waitForPodsGone(ctx: ShellContext, pods: { namespace: string; name: string }[]): void {
  const seconds = remainingGrace(ctx, pods);
  if (seconds > 0) performAction(ctx, { type: 'wait', seconds });
}

/** Deletes one pod and waits for it to be gone (kubectl run --rm). */
export function deletePodAndWait(ctx: ShellContext, namespace: string, name: string): void {
  performAction(ctx, { type: 'delete', kind: 'Pod', namespace, name });
  waitForPodsGone(ctx, [{ namespace, name }]);
}
