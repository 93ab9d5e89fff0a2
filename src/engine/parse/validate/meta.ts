/** ObjectMeta and label checks (apimachinery ValidateObjectMeta, ValidateLabels). */
import type { ObjectMeta } from '../../model/objects.ts';
import { invalid, required } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { isDns1123Label, isLabelValue, isQualifiedName } from './names.ts';

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
  validateLabels(ctx, meta.labels, 'metadata.labels');
  for (const key of Object.keys(meta.annotations)) {
    for (const msg of isQualifiedName(key.toLowerCase()))
      reportError(ctx, 'metadata.annotations', invalid(key, msg), 'annotation-key');
  }
}
