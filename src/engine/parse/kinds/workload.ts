/**
 * ReplicationController, ReplicaSet, Deployment, DaemonSet. Defaults: replicas 1; an RC's selector is
 * its template's labels (core/v1 defaults.go SetDefaults_ReplicationController), and so is the selector
 * of the old extensions/v1beta1 and apps/v1beta1 controllers; apps/v1 and apps/v1beta2 require one.
 */
import type {
  LabelSelector,
  LabelSelectorRequirement,
  WorkloadKind,
  WorkloadManifest,
} from '../../model/objects.ts';
import {
  getArray,
  getIntOrString,
  getMap,
  getNumber,
  getString,
  getStringArray,
  getStringMap,
  has,
  isPlainMap,
} from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';
import { buildPodTemplate } from './pod.ts';

const OPERATORS: readonly LabelSelectorRequirement['operator'][] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function buildLabelSelector(raw: PlainMap | undefined): LabelSelector {
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const e of getArray(raw, 'matchExpressions')) {
    if (!isPlainMap(e)) continue;
    const op = getString(e, 'operator');
    const operator = OPERATORS.find((o) => o === op);
    if (!operator) continue;
    matchExpressions.push({ key: getString(e, 'key') ?? '', operator, values: getStringArray(e, 'values') });
  }
  return { matchLabels: getStringMap(raw, 'matchLabels'), matchExpressions };
}

/** Versions whose defaulting copies the template labels into a missing selector. */
export function selectorDefaultsFromTemplate(kind: WorkloadKind, apiVersion: string): boolean {
  return (
    kind === 'ReplicationController' || apiVersion === 'extensions/v1beta1' || apiVersion === 'apps/v1beta1'
  );
}

export function buildWorkload(raw: PlainMap, kind: WorkloadKind, apiVersion: string): WorkloadManifest {
  const spec = getMap(raw, 'spec');
  const template = buildPodTemplate(getMap(spec, 'template'));
  let selector: LabelSelector;
  if (kind === 'ReplicationController') {
    const map = getStringMap(spec, 'selector');
    selector = {
      matchLabels: Object.keys(map).length > 0 ? map : { ...template.labels },
      matchExpressions: [],
    };
  } else if (!has(spec, 'selector') && selectorDefaultsFromTemplate(kind, apiVersion)) {
    selector = { matchLabels: { ...template.labels }, matchExpressions: [] };
  } else {
    selector = buildLabelSelector(getMap(spec, 'selector'));
  }
  const metadata = buildMeta(raw, true);
  // The same defaulting copies the template labels onto a controller without labels of its own.
  if (
    selectorDefaultsFromTemplate(kind, apiVersion) &&
    Object.keys(metadata.labels).length === 0 &&
    has(getMap(getMap(spec, 'template'), 'metadata'), 'labels')
  ) {
    metadata.labels = { ...template.labels };
  }
  return {
    kind,
    apiVersion,
    metadata,
    replicas: getNumber(spec, 'replicas') ?? 1,
    selector,
    template,
    ...(kind === 'Deployment' ? deploymentFields(spec) : {}),
  };
}

/** spec.strategy, minReadySeconds and revisionHistoryLimit, only when written (defaults: rollingUpdate.ts). */
function deploymentFields(
  spec: PlainMap | undefined,
): Pick<WorkloadManifest, 'strategy' | 'minReadySeconds' | 'revisionHistoryLimit'> {
  const out: Pick<WorkloadManifest, 'strategy' | 'minReadySeconds' | 'revisionHistoryLimit'> = {};
  const strategy = getMap(spec, 'strategy');
  if (strategy) {
    const rolling = getMap(strategy, 'rollingUpdate');
    const maxSurge = getIntOrString(rolling, 'maxSurge');
    const maxUnavailable = getIntOrString(rolling, 'maxUnavailable');
    out.strategy = {
      type: getString(strategy, 'type') === 'Recreate' ? 'Recreate' : 'RollingUpdate',
      ...(maxSurge !== undefined ? { maxSurge } : {}),
      ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
    };
  }
  const minReadySeconds = getNumber(spec, 'minReadySeconds');
  if (minReadySeconds !== undefined) out.minReadySeconds = minReadySeconds;
  const revisionHistoryLimit = getNumber(spec, 'revisionHistoryLimit');
  if (revisionHistoryLimit !== undefined) out.revisionHistoryLimit = revisionHistoryLimit;
  return out;
}
