/**
 * The arithmetic of a Deployment rollout (pkg/controller/deployment/util/deployment_util.go in
 * https://github.com/kubernetes/kubernetes), as pure functions of numbers:
 *
 * - defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment): strategy RollingUpdate with
 *   maxSurge 25 % and maxUnavailable 25 %, revisionHistoryLimit 10, progressDeadlineSeconds 600;
 * - ResolveFenceposts: a percentage of replicas is rounded **up** for maxSurge and **down** for
 *   maxUnavailable (intstr.GetScaledValueFromIntOrPercent); when both come out 0, maxUnavailable is 1
 *   so the rollout can move;
 * - NewRSNewReplicas: the new ReplicaSet grows to at most replicas + maxSurge pods in all;
 * - reconcileOldReplicaSets (rolling.go): old ReplicaSets shrink while at least replicas − maxUnavailable
 *   pods stay available, counting the new ReplicaSet's unavailable pods against it.
 *
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment
 */
import type { IntOrPercent, WorkloadManifest } from '../model/objects.ts';
import { scaledValue, strategyOf } from '../model/deploymentStrategy.ts';

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both 0 makes maxUnavailable 1. */
export function resolveFenceposts(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  replicas: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, replicas, true);
  const unavailable = scaledValue(maxUnavailable, replicas, false);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

/** MaxUnavailable: never more than the replicas themselves (0 for Recreate, which has no such bound). */
export function maxUnavailableOf(d: WorkloadManifest, replicas: number): number {
  const s = strategyOf(d);
  if (s.type !== 'RollingUpdate' || replicas === 0) return 0;
  return Math.min(resolveFenceposts(s.maxSurge, s.maxUnavailable, replicas).unavailable, replicas);
}

/** MaxSurge (0 for Recreate). */
export function maxSurgeOf(d: WorkloadManifest, replicas: number): number {
  const s = strategyOf(d);
  if (s.type !== 'RollingUpdate') return 0;
  return resolveFenceposts(s.maxSurge, s.maxUnavailable, replicas).surge;
}

/**
 * NewRSNewReplicas for RollingUpdate: how many pods the new ReplicaSet may have now, given the
 * replicas all the Deployment's ReplicaSets want together (`allPods`, spec.replicas of each).
 */
export function newReplicaSetTarget(
  replicas: number,
  surge: number,
  allPods: number,
  newReplicaSetPods: number,
): number {
  const maxTotal = replicas + surge;
  if (allPods >= maxTotal) return newReplicaSetPods;
  const scaleUpCount = Math.min(maxTotal - allPods, replicas - newReplicaSetPods);
  return newReplicaSetPods + Math.max(0, scaleUpCount);
}

/**
 * reconcileOldReplicaSets' bound: how many old pods may go now. `allPods` counts every ReplicaSet's
 * spec.replicas; the new ReplicaSet's pods that are not yet available count against the budget.
 */
export function oldScaleDownBudget(
  replicas: number,
  maxUnavailable: number,
  allPods: number,
  newUnavailable: number,
): number {
  const minAvailable = replicas - maxUnavailable;
  return allPods - minAvailable - newUnavailable;
}

/** scaleDownOldReplicaSetsForRollingUpdate's count: available pods above the minimum. */
export function availableAboveMinimum(replicas: number, maxUnavailable: number, available: number): number {
  return Math.max(0, available - (replicas - maxUnavailable));
}
