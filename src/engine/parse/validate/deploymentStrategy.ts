/**
 * A Deployment's spec.strategy, minReadySeconds and revisionHistoryLimit, with the API server's
 * wording (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidatePositiveIntOrPercent,
 * IsNotMoreThan100Percent and ValidateDeploymentSpec in pkg/apis/apps/validation/validation.go,
 * https://github.com/kubernetes/kubernetes). The checks see the defaulted values: an unwritten
 * maxSurge or maxUnavailable is 25 %, so only both written as 0 (or 0%) are refused together.
 */
import type { IntOrPercent, WorkloadManifest } from '../../model/objects.ts';
import { forbidden, invalid, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { getMap, getString, has } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { percentOrInt, DEFAULT_MAX_SURGE, DEFAULT_MAX_UNAVAILABLE } from '../../model/deploymentStrategy.ts';

const PERCENT_HINT =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** ValidatePositiveIntOrPercent; returns the value as a number when it is one. */
function checkIntOrPercent(ctx: ObjectContext, value: IntOrPercent, path: string): number | undefined {
  const parsed = percentOrInt(value);
  if (!parsed) {
    reportError(ctx, path, invalid(value, PERCENT_HINT), 'deployment-strategy-percent');
    return undefined;
  }
  if (parsed.value < 0) {
    reportError(
      ctx,
      path,
      invalid(value, 'must be greater than or equal to 0'),
      'deployment-strategy-negative',
    );
    return undefined;
  }
  return parsed.value;
}

export function validateDeploymentStrategy(
  ctx: ObjectContext,
  w: WorkloadManifest,
  spec: PlainMap | undefined,
): void {
  if (w.kind !== 'Deployment') return;
  for (const field of ['minReadySeconds', 'revisionHistoryLimit'] as const) {
    const value = w[field];
    if (value !== undefined && value < 0)
      reportError(
        ctx,
        `spec.${field}`,
        invalid(value, 'must be greater than or equal to 0'),
        'deployment-negative',
      );
  }
  const raw = getMap(spec, 'strategy');
  if (!raw) return;
  const type = getString(raw, 'type');
  const path = 'spec.strategy';
  if (type !== undefined && type !== 'RollingUpdate' && type !== 'Recreate') {
    reportError(
      ctx,
      `${path}.type`,
      unsupported(type, ['Recreate', 'RollingUpdate']),
      'deployment-strategy-type',
    );
    return;
  }
  if (type === 'Recreate') {
    if (has(raw, 'rollingUpdate'))
      reportError(
        ctx,
        `${path}.rollingUpdate`,
        forbidden("may not be specified when strategy `type` is 'Recreate'"),
        'deployment-strategy-recreate',
      );
    return;
  }
  const maxUnavailable = w.strategy?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE;
  const maxSurge = w.strategy?.maxSurge ?? DEFAULT_MAX_SURGE;
  const unavailable = checkIntOrPercent(ctx, maxUnavailable, `${path}.rollingUpdate.maxUnavailable`);
  const surge = checkIntOrPercent(ctx, maxSurge, `${path}.rollingUpdate.maxSurge`);
  if (unavailable === 0 && surge === 0)
    reportError(
      ctx,
      `${path}.rollingUpdate.maxUnavailable`,
      invalid(maxUnavailable, 'may not be 0 when `maxSurge` is 0'),
      'deployment-strategy-both-zero',
    );
  if (typeof maxUnavailable === 'string' && unavailable !== undefined && unavailable > 100)
    reportError(
      ctx,
      `${path}.rollingUpdate.maxUnavailable`,
      invalid(maxUnavailable, 'must not be greater than 100%'),
      'deployment-strategy-over-100',
    );
}
