/**
 * When the cluster next changes by itself. Simulated time (state.clock) only passes with actions
 * (docs/decisions.md#pure-engine), so something a real cluster does after a delay (kubelet killing a
 * pod at the end of its grace period, the taint manager evicting the pods of a node that went down)
 * waits for the next action. The page asks this function when that is and, once as many real seconds
 * have passed, takes an ordinary `wait` action (src/store/pageClock.ts, docs/architecture.md#page-clock);
 * a `wait` action itself stops at each of these times on its way (runAction.ts), so what a long wait
 * shows does not depend on how it was split.
 *
 * Each source lists the simulated times at which it will change the cluster; add a source to the
 * array for another delayed behaviour (a Deployment's rollout steps, say).
 */
import type { ClusterState } from '../model/state.ts';

/**
 * The default toleration of node.kubernetes.io/unreachable:NoExecute (DefaultTolerationSeconds
 * admission): a down node's pods are evicted 300 s after it went down (controllers.ts
 * evictFromDownNodes). Kept here, with nothing imported, so the page's clock (src/store) does not pull
 * the controllers into its first script.
 */
export const EVICTION_SECONDS = 300;

/** One kind of delayed change: the times (seconds of state.clock) it is due, in any order. */
export type TimedChangeSource = (state: ClusterState) => Iterable<number>;

/** kubelet kills a terminating pod when its grace period is over (termination.ts removeTerminatedPods). */
function terminatingPodDeadlines(state: ClusterState): number[] {
  const out: number[] = [];
  for (const pod of state.pods) {
    const since = pod.metadata.deletionTimestamp;
    if (since !== undefined) out.push(since + (pod.metadata.deletionGracePeriodSeconds ?? 0));
  }
  return out;
}

/** The taint manager evicts a down node's pods after their 300 s toleration (controllers.ts evictFromDownNodes). */
function nodeEvictionTimes(state: ClusterState): number[] {
  const out: number[] = [];
  for (const node of state.nodes) {
    if (node.up || node.downSince === undefined) continue;
    const evictable = state.pods.some(
      (p) => p.spec.nodeName === node.name && p.ownerRef?.kind !== 'DaemonSet',
    );
    if (evictable) out.push(node.downSince + EVICTION_SECONDS);
  }
  return out;
}

export const TIMED_CHANGE_SOURCES: readonly TimedChangeSource[] = [
  terminatingPodDeadlines,
  nodeEvictionTimes,
];

/** The earliest simulated time after `state.clock` at which the cluster changes by itself, if any. */
export function nextTimedChange(state: ClusterState): number | undefined {
  let next: number | undefined;
  for (const source of TIMED_CHANGE_SOURCES) {
    for (const time of source(state)) {
      if (time > state.clock && (next === undefined || time < next)) next = time;
    }
  }
  return next;
}
