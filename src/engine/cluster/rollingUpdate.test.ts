/**
 * The rollout arithmetic against Kubernetes' own rules (pkg/controller/deployment/util/deployment_util.go,
 * ResolveFenceposts and NewRSNewReplicas; intstr.GetScaledValueFromIntOrPercent;
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-surge and #max-unavailable).
 */
import { describe, expect, it } from 'vitest';
import { scaledValue } from '../model/deploymentStrategy.ts';
import { newReplicaSetTarget, oldScaleDownBudget, resolveFenceposts } from './rollingUpdate.ts';

describe('rolling update arithmetic', () => {
  it('rounds a percentage of maxSurge up and of maxUnavailable down (the docs: 25 % of 10 is 3 and 2)', () => {
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(scaledValue('25%', 3, true)).toBe(1);
    expect(scaledValue('25%', 3, false)).toBe(0);
    expect(scaledValue(2, 10, true)).toBe(2);
    expect(scaledValue('100%', 7, false)).toBe(7);
  });

  it('resolves both fenceposts; when both come out 0 maxUnavailable becomes 1', () => {
    expect(resolveFenceposts('25%', '25%', 3)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
    // 0% surge and 10% of 3 (0.3, rounded down): the controller still lets one pod go at a time
    expect(resolveFenceposts('0%', '10%', 3)).toEqual({ surge: 0, unavailable: 1 });
  });

  it('grows the new ReplicaSet to at most replicas + maxSurge pods in all', () => {
    // 3 replicas, surge 1: three old pods leave room for one new
    expect(newReplicaSetTarget(3, 1, 3, 0)).toBe(1);
    expect(newReplicaSetTarget(3, 1, 4, 1)).toBe(1);
    expect(newReplicaSetTarget(3, 1, 3, 1)).toBe(2);
    // never beyond the replicas themselves
    expect(newReplicaSetTarget(3, 5, 0, 0)).toBe(3);
  });

  it('lets old pods go only while replicas − maxUnavailable stay available', () => {
    // 4 pods wanted, 3 needed available, the new pod not yet available: nothing may go
    expect(oldScaleDownBudget(3, 0, 4, 1)).toBe(0);
    // once it is available one old pod may go
    expect(oldScaleDownBudget(3, 0, 4, 0)).toBe(1);
  });
});
