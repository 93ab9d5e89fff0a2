/**
 * A Deployment's status as the deployment controller computes it (calculateStatus in
 * pkg/controller/deployment/sync.go, https://github.com/kubernetes/kubernetes), derived from the state:
 * what `kubectl get deploy` (READY, UP-TO-DATE, AVAILABLE), `describe` and `rollout status` read.
 */
import type { ClusterState, PodState, WorkloadState } from '../model/state.ts';
import { isPodAvailable } from './podStartTiming.ts';
import { isTerminating } from './terminationState.ts';
import { ownedReplicaSets, revisionOf } from './deploymentController.ts';
import { computePodTemplateHash } from './podTemplateHash.ts';

export interface DeploymentStatus {
  /** spec.replicas */
  desired: number;
  /** status.replicas: pods of every ReplicaSet of the Deployment. */
  total: number;
  /** status.updatedReplicas: pods of the ReplicaSet for the current template. */
  updated: number;
  ready: number;
  available: number;
  /** status.unavailableReplicas: desired − available, never below 0. */
  unavailable: number;
  newReplicaSet?: WorkloadState;
  /** ReplicaSets of older templates, newest revision first. */
  oldReplicaSets: WorkloadState[];
  /** true when the rollout is complete (all updated, no old pods left, all available). */
  complete: boolean;
}

/** A ReplicaSet's active pods (FilterActivePods: one being deleted is no longer counted). */
function podsOf(state: ClusterState, rs: WorkloadState): PodState[] {
  const ns = rs.manifest.metadata.namespace;
  const name = rs.manifest.metadata.name;
  return state.pods.filter(
    (p) =>
      p.metadata.namespace === ns &&
      p.ownerRef?.kind === 'ReplicaSet' &&
      p.ownerRef.name === name &&
      !isTerminating(p),
  );
}

export function deploymentStatus(state: ClusterState, d: WorkloadState): DeploymentStatus {
  const hash = d.templateHash ?? computePodTemplateHash(d.manifest.template);
  const owned = ownedReplicaSets(state, d);
  const newReplicaSet = owned.find((w) => w.templateHash === hash);
  const oldReplicaSets = owned
    .filter((w) => w !== newReplicaSet)
    .sort((a, b) => revisionOf(b) - revisionOf(a));
  const minReady = d.manifest.minReadySeconds ?? 0;
  let total = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const rs of owned) {
    const pods = podsOf(state, rs);
    total += pods.length;
    if (rs === newReplicaSet) updated = pods.length;
    for (const p of pods) {
      if (p.status.ready) ready++;
      if (isPodAvailable(p, minReady, state.clock)) available++;
    }
  }
  const desired = d.replicas;
  return {
    desired,
    total,
    updated,
    ready,
    available,
    unavailable: Math.max(0, desired - available),
    ...(newReplicaSet ? { newReplicaSet } : {}),
    oldReplicaSets,
    complete: updated >= desired && total <= updated && available >= updated,
  };
}

/** The pods of one of the Deployment's ReplicaSets (status.replicas of that ReplicaSet). */
export function replicaSetPodCount(state: ClusterState, rs: WorkloadState): number {
  return podsOf(state, rs).length;
}
