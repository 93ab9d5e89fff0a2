/**
 * The cluster changes by itself as simulated time passes: a new pod turns Ready when its containers
 * have started, a Ready pod turns available after minReadySeconds, and a Deployment's rollout takes its
 * next step then. `nextTimedChange` is the earliest such moment after `state.clock`, the minimum over
 * one array of sources (each `(state) => number | undefined`), so that a page clock can wait for it
 * with an ordinary `wait` action and other timed behaviour adds a source here.
 *
 * `advanceClock` moves the clock to a later time, stopping at every timed change on the way so each
 * controller step happens at its own second (a `kubeplay wait 10` during a rollout takes every step).
 */
import type { ClusterState, PodState } from '../model/state.ts';
import type { ControlPlane } from './controlPlane.ts';

export type TimedChangeSource = (state: ClusterState) => number | undefined;

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
  let next: number | undefined;
  const consider = (t: number) => {
    if (t > state.clock && (next === undefined || t < next)) next = t;
  };
  for (const pod of state.pods) {
    if (pod.status.phase !== 'Running') continue;
    if (!pod.status.ready && pod.readyAt !== undefined) consider(pod.readyAt);
    else if (pod.status.ready && pod.status.readySince !== undefined && pod.ownerRef?.kind === 'ReplicaSet') {
      const minReady = minReadySecondsOf(state, pod);
      if (minReady > 0) consider(pod.status.readySince + minReady);
    }
  }
  return next;
};

/** Every source of change over time; add one here (e.g. termination grace periods). */
export const TIMED_CHANGE_SOURCES: readonly TimedChangeSource[] = [podReadinessChange];

/** The earliest simulation time after `state.clock` at which the cluster changes by itself, if any. */
export function nextTimedChange(state: ClusterState): number | undefined {
  let next: number | undefined;
  for (const source of TIMED_CHANGE_SOURCES) {
    const t = source(state);
    if (t !== undefined && t > state.clock && (next === undefined || t < next)) next = t;
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
