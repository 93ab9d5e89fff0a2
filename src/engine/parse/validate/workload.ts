/**
 * Controller checks (pkg/apis/apps/validation/validation.go and core ValidateReplicationController):
 * the selector must be there (apps/v1) and non-empty, must match the template's labels, replicas may
 * not be negative, and a controller's pods may only restart Always.
 */
import type { WorkloadManifest } from '../../model/objects.ts';
import { forbidden, formatValue, invalid, required, SELECTOR_MISMATCH } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { isEmptySelector, matchesLabelSelector } from '../../model/labelSelector.ts';
import { getArray, getMap, getString, has, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { selectorDefaultsFromTemplate } from '../kinds/workload.ts';
import { checkMetadataCount, validateLabels } from './meta.ts';
import { checkReplicasLimit } from './replicasLimit.ts';
import { validatePodSpec } from './pod.ts';
import { validateDeploymentStrategy } from './deploymentStrategy.ts';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Reports malformed expressions; false when the selector cannot be evaluated at all. */
function validateSelectorExpressions(ctx: ObjectContext, selector: PlainMap | undefined): boolean {
  let ok = true;
  getArray(selector, 'matchExpressions').forEach((e, i) => {
    if (!isPlainMap(e)) return;
    const path = `spec.selector.matchExpressions[${i}]`;
    const op = getString(e, 'operator') ?? '';
    const values = getArray(e, 'values');
    if (!OPERATORS.includes(op)) {
      reportError(ctx, `${path}.operator`, invalid(op, 'not a valid selector operator'), 'selector-operator');
      ok = false;
    } else if ((op === 'In' || op === 'NotIn') && values.length === 0) {
      reportError(
        ctx,
        `${path}.values`,
        required("must be specified when `operator` is 'In' or 'NotIn'"),
        'selector-values-required',
      );
    } else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
      reportError(
        ctx,
        `${path}.values`,
        forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        'selector-values-forbidden',
      );
    }
  });
  return ok;
}

export function validateWorkload(ctx: ObjectContext, w: WorkloadManifest, raw: PlainMap): void {
  const spec = getMap(raw, 'spec');
  const rawTemplate = getMap(spec, 'template');
  const kindLower = w.kind.toLowerCase();

  // Refused here, before any controller allocates a pod: `check` and `apply` answer at once.
  checkReplicasLimit(ctx, spec);
  if (typeof spec?.['replicas'] === 'number' && spec['replicas'] < 0) {
    reportError(
      ctx,
      'spec.replicas',
      invalid(spec['replicas'], 'must be greater than or equal to 0'),
      'workload-replicas-negative',
    );
  }
  const selectorUsable = validateSelectorExpressions(ctx, getMap(spec, 'selector'));
  if (!selectorUsable) {
    // The API server cannot turn the selector into a matcher, so only the expression errors stand.
  } else if (
    w.kind !== 'ReplicationController' &&
    !has(spec, 'selector') &&
    !selectorDefaultsFromTemplate(w.kind, w.apiVersion)
  ) {
    reportError(ctx, 'spec.selector', required(), 'workload-selector-required');
  } else if (isEmptySelector(w.selector)) {
    if (w.kind === 'ReplicationController')
      reportError(ctx, 'spec.selector', required(), 'workload-selector-required');
    else
      reportError(
        ctx,
        'spec.selector',
        `Invalid value: ${formatSelector(w)}: empty selector is invalid for ${kindLower === 'replicaset' ? 'deployment' : kindLower}`,
        'workload-selector-empty',
      );
  } else if (!matchesLabelSelector(w.template.labels, w.selector)) {
    reportError(
      ctx,
      'spec.template.metadata.labels',
      // Go prints a nil map (no labels written) as map[string]string(nil).
      `Invalid value: ${Object.keys(w.template.labels).length === 0 ? 'map[string]string(nil)' : formatValue(w.template.labels)}: ${SELECTOR_MISMATCH}`,
      'workload-selector-mismatch',
    );
  }
  validateDeploymentStrategy(ctx, w, spec);
  if (w.kind !== 'ReplicationController')
    validateLabels(ctx, w.selector.matchLabels, 'spec.selector.matchLabels');
  else validateLabels(ctx, w.selector.matchLabels, 'spec.selector');

  if (!rawTemplate) {
    reportError(ctx, 'spec.template', required(), 'workload-template-required');
    return;
  }
  if (checkMetadataCount(ctx, w.template.labels, w.template.annotations, 'spec.template.metadata'))
    validateLabels(ctx, w.template.labels, 'spec.template.metadata.labels');
  validatePodSpec(ctx, getMap(rawTemplate, 'spec'), w.template.spec, 'spec.template.spec', ['Always']);
}

/** Go's %#v of a v1.LabelSelector, as the API server prints it in "empty selector" errors. */
function formatSelector(w: WorkloadManifest): string {
  const labels =
    Object.keys(w.selector.matchLabels).length === 0
      ? 'map[string]string(nil)'
      : formatValue(w.selector.matchLabels);
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}
