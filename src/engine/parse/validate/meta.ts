/** ObjectMeta and label checks (apimachinery ValidateObjectMeta, ValidateLabels). */
import type { ObjectMeta } from '../../model/objects.ts';
import { invalid, required } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { isDns1123Label, isLabelValue, isQualifiedName } from './names.ts';
import { MAX_METADATA_ENTRIES, metadataLimitMessage } from '../../limits.ts';

/**
 * More labels and annotations than the playground keeps (limits.ts): one error, and no per-entry checks
 * (50,000 labels would otherwise give 50,000 messages). Returns false when over the limit.
 */
export function checkMetadataCount(
  ctx: ObjectContext,
  labels: Record<string, string>,
  annotations: Record<string, string>,
  path: string,
): boolean {
  const count = Object.keys(labels).length + Object.keys(annotations).length;
  if (count <= MAX_METADATA_ENTRIES) return true;
  const at = Object.keys(labels).length > 0 ? `${path}.labels` : `${path}.annotations`;
  reportError(ctx, at, metadataLimitMessage(count), 'limit-metadata-entries');
  return false;
}

export type NameRule = (name: string) => string[];

export function validateLabels(ctx: ObjectContext, labels: Record<string, string>, path: string): void {
  for (const key of Object.keys(labels)) {
    const at = `${path}.${key}`;
    for (const msg of isQualifiedName(key)) reportError(ctx, path, invalid(key, msg), 'label-key', at);
    for (const msg of isLabelValue(labels[key] ?? ''))
      reportError(ctx, path, invalid(labels[key], msg), 'label-value', at);
  }
}

export function validateMeta(
  ctx: ObjectContext,
  meta: ObjectMeta,
  namespaced: boolean,
  nameRule: NameRule,
  generateName: string | undefined,
): void {
  if (meta.name === '') {
    // kubeplay loads manifests the way `kubectl apply` does, and apply needs a name (kubectl's apply.go).
    if (generateName)
      reportError(
        ctx,
        'metadata.generateName',
        `from ${generateName}: cannot use generate name with apply`,
        'generate-name',
      );
    else reportError(ctx, 'metadata.name', required('name or generateName is required'), 'name-required');
  } else {
    for (const msg of nameRule(meta.name))
      reportError(ctx, 'metadata.name', invalid(meta.name, msg), 'name-invalid');
  }
  if (namespaced) {
    for (const msg of isDns1123Label(meta.namespace))
      reportError(ctx, 'metadata.namespace', invalid(meta.namespace, msg), 'namespace-invalid');
  }
  if (!checkMetadataCount(ctx, meta.labels, meta.annotations, 'metadata')) return;
  validateLabels(ctx, meta.labels, 'metadata.labels');
  for (const key of Object.keys(meta.annotations)) {
    for (const msg of isQualifiedName(key.toLowerCase()))
      reportError(ctx, 'metadata.annotations', invalid(key, msg), 'annotation-key');
  }
}
