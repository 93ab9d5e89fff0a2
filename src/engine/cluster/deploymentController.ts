/**
 * The deployment controller (pkg/controller/deployment in https://github.com/kubernetes/kubernetes:
 * sync.go, rolling.go, recreate.go, util/deployment_util.go), stepping a rollout through simulated time:
 *
 * - one ReplicaSet per pod template, named `<deployment>-<pod-template-hash>`; a template seen before
 *   (`kubectl rollout undo`, an edit back) takes its old ReplicaSet back. Each carries
 *   `deployment.kubernetes.io/revision` (the newest gets the highest revision, also written on the
 *   Deployment), `desired-replicas` and `max-replicas`;
 * - RollingUpdate: the new ReplicaSet grows up to replicas + maxSurge pods in all, old ones shrink while
 *   replicas − maxUnavailable pods stay available (rollingUpdate.ts for the arithmetic); Recreate:
 *   old ReplicaSets go to 0 first, then the new one takes every replica;
 * - each sync either scales up or scales down, then the ReplicaSets make or delete their pods and the
 *   controller syncs again, until nothing moves: new pods are not Ready at once (podStartTiming.ts),
 *   so the rollout waits for the clock (timedChanges.ts) and takes its next step when they are;
 * - old ReplicaSets at 0 are kept for rollbacks, the oldest deleted beyond revisionHistoryLimit (10).
 *
 * Events are the controller's: `Scaled up replica set kubia-5d8f9 from 0 to 1` (reason ScalingReplicaSet).
 */
import type { WorkloadManifest } from '../model/objects.ts';
import type { ClusterState, WorkloadState } from '../model/state.ts';
import { DEFAULT_REVISION_HISTORY_LIMIT, strategyOf } from '../model/deploymentStrategy.ts';
import type { ControlPlane } from './controlPlane.ts';
import { recordEvent } from './events.ts';
import { computePodTemplateHash } from './podTemplateHash.ts';
import { isPodAvailable } from './podStartTiming.ts';
import { isTerminating } from './terminationState.ts';
import { podsOwnedBy, replicaSetsOf } from './ownerIndex.ts';
import {
  availableAboveMinimum,
  maxSurgeOf,
  maxUnavailableOf,
  newReplicaSetTarget,
  oldScaleDownBudget,
} from './rollingUpdate.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const DESIRED_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
const MAX_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export function ownedReplicaSets(state: ClusterState, d: WorkloadState): WorkloadState[] {
  return state.workloads.filter(
    (w) =>
      w.manifest.kind === 'ReplicaSet' &&
      w.manifest.metadata.namespace === d.manifest.metadata.namespace &&
      w.ownerRef?.kind === 'Deployment' &&
      w.ownerRef.name === d.manifest.metadata.name,
  );
}

export function revisionOf(rs: WorkloadState): number {
  const n = Number(rs.manifest.metadata.annotations[REVISION_ANNOTATION] ?? '0');
  return Number.isFinite(n) ? n : 0;
}

/**
 * Pods of a ReplicaSet that count as available (Ready for the Deployment's minReadySeconds); a pod
 * being deleted does not count, as the ReplicaSet controller's FilterActivePods leaves it out.
 */
function availablePods(cp: ControlPlane, rs: WorkloadState, minReadySeconds: number): number {
  const { namespace, name } = rs.manifest.metadata;
  let n = 0;
  for (const pod of podsOwnedBy(cp, namespace, 'ReplicaSet', name))
    if (!isTerminating(pod) && isPodAvailable(pod, minReadySeconds, cp.state.clock)) n++;
  return n;
}

/** The ReplicaSet a Deployment wants for a template. */
function replicaSetManifest(d: WorkloadManifest, hash: string, revision: number): WorkloadManifest {
  const labels = { ...d.template.labels, 'pod-template-hash': hash };
  return {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      // the Deployment's change-cause goes with the ReplicaSet, for `kubectl rollout history`
      annotations: {
        ...(d.metadata.annotations[CHANGE_CAUSE] !== undefined
          ? { [CHANGE_CAUSE]: d.metadata.annotations[CHANGE_CAUSE] }
          : {}),
        [REVISION_ANNOTATION]: String(revision),
      },
    },
    replicas: 0,
    selector: {
      matchLabels: { ...d.selector.matchLabels, 'pod-template-hash': hash },
      matchExpressions: d.selector.matchExpressions,
    },
    template: { ...d.template, labels },
    ...(d.minReadySeconds !== undefined ? { minReadySeconds: d.minReadySeconds } : {}),
  };
}

function setAnnotations(w: WorkloadState, changes: Record<string, string>): void {
  const current = w.manifest.metadata.annotations;
  if (Object.entries(changes).every(([k, v]) => current[k] === v)) return;
  // Replace, never edit: the manifest may be the parsed document the simulation also holds.
  w.manifest = {
    ...w.manifest,
    metadata: { ...w.manifest.metadata, annotations: { ...current, ...changes } },
  };
}

/** scaleReplicaSetAndRecordEvent. */
function scaleReplicaSet(state: ClusterState, d: WorkloadState, rs: WorkloadState, to: number): void {
  const from = rs.replicas;
  const surge = maxSurgeOf(d.manifest, d.replicas);
  setAnnotations(rs, {
    [DESIRED_ANNOTATION]: String(d.replicas),
    [MAX_ANNOTATION]: String(d.replicas + surge),
  });
  if (from === to) return;
  rs.replicas = to;
  rs.manifest = { ...rs.manifest, replicas: to };
  recordEvent(state, {
    reason: 'ScalingReplicaSet',
    object: `Deployment/${d.manifest.metadata.name}`,
    namespace: d.manifest.metadata.namespace,
    message: `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.manifest.metadata.name} from ${from} to ${to}`,
  });
}

/** The new ReplicaSet for the current template, made (or taken back) with the newest revision. */
function newReplicaSet(cp: ControlPlane, d: WorkloadState, owned: WorkloadState[]): WorkloadState {
  const { state } = cp;
  const hash = computePodTemplateHash(d.manifest.template);
  d.templateHash = hash;
  const maxOld = owned.filter((w) => w.templateHash !== hash).reduce((m, w) => Math.max(m, revisionOf(w)), 0);
  let rs = owned.find((w) => w.templateHash === hash);
  if (!rs) {
    rs = {
      manifest: replicaSetManifest(d.manifest, hash, maxOld + 1),
      replicas: 0,
      createdAt: state.clock,
      generation: 0,
      ownerRef: { kind: 'Deployment', name: d.manifest.metadata.name },
      templateHash: hash,
    };
    state.workloads.push(rs);
  } else if (revisionOf(rs) <= maxOld) {
    setAnnotations(rs, { [REVISION_ANNOTATION]: String(maxOld + 1) });
  }
  setAnnotations(d, { [REVISION_ANNOTATION]: String(revisionOf(rs)) });
  return rs;
}

const sumReplicas = (list: WorkloadState[]) => list.reduce((n, w) => n + w.replicas, 0);
const byAge = (a: WorkloadState, b: WorkloadState) =>
  a.createdAt - b.createdAt || (a.manifest.metadata.name < b.manifest.metadata.name ? -1 : 1);

/** One sync of rolloutRolling: scale up if it can, else scale down; true when something moved. */
function rollingStep(cp: ControlPlane, d: WorkloadState, rs: WorkloadState, old: WorkloadState[]): boolean {
  const { state } = cp;
  const replicas = d.replicas;
  const minReady = d.manifest.minReadySeconds ?? 0;
  if (rs.replicas > replicas) {
    scaleReplicaSet(state, d, rs, replicas);
    return true;
  }
  if (rs.replicas < replicas) {
    const all = rs.replicas + sumReplicas(old);
    const target = newReplicaSetTarget(replicas, maxSurgeOf(d.manifest, replicas), all, rs.replicas);
    if (target !== rs.replicas) {
      scaleReplicaSet(state, d, rs, target);
      return true;
    }
  }
  const active = old.filter((w) => w.replicas > 0).sort(byAge);
  if (active.length === 0) return false;
  const maxUnavailable = maxUnavailableOf(d.manifest, replicas);
  const newUnavailable = rs.replicas - availablePods(cp, rs, minReady);
  const budget = oldScaleDownBudget(replicas, maxUnavailable, rs.replicas + sumReplicas(old), newUnavailable);
  if (budget <= 0) return false;
  let scaledDown = 0;
  // cleanupUnhealthyReplicas: old pods that are not available go first, they cost no availability
  for (const w of active) {
    if (scaledDown >= budget) break;
    const unhealthy = w.replicas - availablePods(cp, w, minReady);
    if (unhealthy <= 0) continue;
    const by = Math.min(budget - scaledDown, unhealthy);
    scaleReplicaSet(state, d, w, w.replicas - by);
    scaledDown += by;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then available ones, while enough stay available
  const available = [rs, ...old].reduce(
    (n, w) => n + Math.min(w.replicas, availablePods(cp, w, minReady)),
    0,
  );
  let allowed = availableAboveMinimum(replicas, maxUnavailable, available);
  for (const w of active) {
    if (allowed <= 0) break;
    if (w.replicas === 0) continue;
    const by = Math.min(w.replicas, allowed);
    scaleReplicaSet(state, d, w, w.replicas - by);
    allowed -= by;
    scaledDown += by;
  }
  return scaledDown > 0;
}

/** One sync of rolloutRecreate: every old pod goes, then the new ReplicaSet takes all replicas. */
function recreateStep(
  state: ClusterState,
  d: WorkloadState,
  rs: WorkloadState,
  old: WorkloadState[],
): boolean {
  const active = old.filter((w) => w.replicas > 0);
  for (const w of active) scaleReplicaSet(state, d, w, 0);
  if (active.length > 0) return true;
  const oldPodsRunning = state.pods.some(
    (p) =>
      p.ownerRef?.kind === 'ReplicaSet' && old.some((w) => w.manifest.metadata.name === p.ownerRef?.name),
  );
  if (oldPodsRunning || rs.replicas === d.replicas) return false;
  scaleReplicaSet(state, d, rs, d.replicas);
  return true;
}

/**
 * cleanupDeployment: old ReplicaSets with no active pods (status.replicas 0: pods still terminating do
 * not count) beyond revisionHistoryLimit go, oldest revision first.
 */
function cleanupOldReplicaSets(cp: ControlPlane, d: WorkloadState, old: WorkloadState[]): void {
  const { state } = cp;
  const limit = d.manifest.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
  const idle = old
    .filter(
      (w) =>
        w.replicas === 0 &&
        !podsOwnedBy(cp, w.manifest.metadata.namespace, 'ReplicaSet', w.manifest.metadata.name).some(
          (p) => !isTerminating(p),
        ),
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  const extra = new Set(idle.slice(0, Math.max(0, idle.length - limit)));
  if (extra.size > 0) state.workloads = state.workloads.filter((w) => !extra.has(w));
}

/**
 * Syncs a Deployment until it settles at this second. `syncReplicaSet` makes or deletes the pods of one
 * ReplicaSet (the replica set controller, run between the deployment controller's syncs).
 */
export function syncDeployment(
  cp: ControlPlane,
  d: WorkloadState,
  syncReplicaSet: (rs: WorkloadState) => void,
): void {
  const { state } = cp;
  const rs = newReplicaSet(cp, d, replicaSetsOf(cp, d));
  // Each pass moves at least one replica, so this bound is never reached by a settling rollout.
  const maxPasses = 4 * (d.replicas + sumReplicas(replicaSetsOf(cp, d))) + 8;
  for (let pass = 0; pass < maxPasses; pass++) {
    const old = replicaSetsOf(cp, d).filter((w) => w !== rs);
    const moved =
      strategyOf(d.manifest).type === 'Recreate'
        ? recreateStep(state, d, rs, old)
        : rollingStep(cp, d, rs, old);
    for (const w of replicaSetsOf(cp, d)) syncReplicaSet(w);
    if (!moved) break;
  }
  cleanupOldReplicaSets(
    cp,
    d,
    replicaSetsOf(cp, d).filter((w) => w !== rs),
  );
}
