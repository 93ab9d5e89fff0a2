/**
 * When the cluster next changes by itself. Simulated time (state.clock) only passes with actions
 * (docs/decisions.md#pure-engine), so something a real cluster does after a delay (a new pod turning
 * Ready once its containers started, a Ready pod turning available after minReadySeconds and a
 * Deployment's rollout taking its next step then, kubelet killing a pod at the end of its grace period,
 * the taint manager evicting the pods of a node that went down) waits for the next action. The page
 * asks this function when that is and, once as many real seconds have passed, takes an ordinary `wait`
 * action (src/store/pageClock.ts, docs/architecture.md#page-clock); every action moves the clock with
 * `advanceClock`, which stops at each of these times on its way, so what a long wait shows does not
 * depend on how it was split (a `kubeplay wait 10` during a rollout takes every step).
 *
 * Each source lists the simulated times at which it will change the cluster; add a source to the
 * array for another delayed behaviour. Nothing here imports a value, so the page's clock (src/store)
 * does not pull the controllers into its first script.
 */
import type { ClusterState, PodState } from '../model/state.ts';
import type { ControlPlane } from './controlPlane.ts';

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

/** The minReadySeconds that applies to a pod: its ReplicaSet's Deployment's, or the ReplicaSet's own. */
export function minReadySecondsOf(state: ClusterState, pod: PodState): number {
  const owner = pod.ownerRef;
  if (owner?.kind !== 'ReplicaSet') return 0;
  const ns = pod.metadata.namespace;
  const rs = state.workloads.find(
    (w) =>
      w.manifest.kind === 'ReplicaSet' &&
      w.manifest.metadata.namespace === ns &&
      w.manifest.metadata.name === owner.name,
  );
  if (!rs) return 0;
  const deploymentName = rs.ownerRef?.kind === 'Deployment' ? rs.ownerRef.name : undefined;
  const d =
    deploymentName === undefined
      ? undefined
      : state.workloads.find(
          (w) =>
            w.manifest.kind === 'Deployment' &&
            w.manifest.metadata.namespace === ns &&
            w.manifest.metadata.name === deploymentName,
        );
  return (d ?? rs).manifest.minReadySeconds ?? 0;
}

/** A starting pod turns Ready; a Ready pod of a controller with minReadySeconds turns available. */
export const podReadinessChange: TimedChangeSource = (state) => {
  const out: number[] = [];
  const consider = (t: number) => {
    if (t > state.clock) out.push(t);
  };
  for (const pod of state.pods) {
    if (pod.status.phase !== 'Running' || pod.metadata.deletionTimestamp !== undefined) continue;
    if (!pod.status.ready && pod.readyAt !== undefined) consider(pod.readyAt);
    else if (pod.status.ready && pod.status.readySince !== undefined && pod.ownerRef?.kind === 'ReplicaSet') {
      const minReady = minReadySecondsOf(state, pod);
      if (minReady > 0) consider(pod.status.readySince + minReady);
    }
  }
  return out;
};

export const TIMED_CHANGE_SOURCES: readonly TimedChangeSource[] = [
  podReadinessChange,
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

/** Guards a runaway: more steps than this in one wait means a source that keeps moving. */
const MAX_STEPS = 10_000;

/**
 * Moves the clock to `target`, running the controllers at each timed change on the way (not at
 * `target` itself: the caller runs them once the action is applied).
 */
export function advanceClock(
  cp: ControlPlane,
  target: number,
  runControllers: (cp: ControlPlane) => void,
): void {
  const { state } = cp;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const next = nextTimedChange(state);
    if (next === undefined || next >= target) break;
    state.clock = next;
    runControllers(cp);
  }
  state.clock = Math.max(state.clock, target);
}
