/**
 * A Deployment's strategy with the API server's defaults (pkg/apis/apps/v1/defaults.go
 * SetDefaults_Deployment in https://github.com/kubernetes/kubernetes: RollingUpdate, maxSurge and
 * maxUnavailable 25 %, revisionHistoryLimit 10, progressDeadlineSeconds 600) and the int-or-percent
 * reading the validator and the controller share (k8s.io/apimachinery intstr).
 */
import type { DeploymentStrategy, IntOrPercent, WorkloadManifest } from './objects.ts';

export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_MAX_UNAVAILABLE = '25%';
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

/** The strategy with the API server's defaults filled in. */
export function strategyOf(d: WorkloadManifest): Required<DeploymentStrategy> | { type: 'Recreate' } {
  const s = d.strategy;
  if (s?.type === 'Recreate') return { type: 'Recreate' };
  return {
    type: 'RollingUpdate',
    maxSurge: s?.maxSurge ?? DEFAULT_MAX_SURGE,
    maxUnavailable: s?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE,
  };
}

/** `25%` → 25; a number stays; anything else is undefined (validation reports it). */
export function percentOrInt(value: IntOrPercent): { percent: boolean; value: number } | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? { percent: false, value } : undefined;
  const match = /^([0-9]+)%$/.exec(value);
  return match ? { percent: true, value: Number(match[1]) } : undefined;
}

/** intstr.GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down. */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  const parsed = percentOrInt(value);
  if (!parsed) return 0;
  if (!parsed.percent) return parsed.value;
  const exact = (parsed.value * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
