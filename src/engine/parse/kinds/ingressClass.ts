/** IngressClass: which controller implements the class, and whether it is the default (admission plugin DefaultIngressClass). */
import type { IngressClassManifest } from '../../model/objects.ts';
import { getMap, getString } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export function buildIngressClass(raw: PlainMap, apiVersion: string): IngressClassManifest {
  const metadata = buildMeta(raw, false);
  return {
    kind: 'IngressClass',
    apiVersion,
    metadata,
    controller: getString(getMap(raw, 'spec'), 'controller') ?? '',
    isDefault: metadata.annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
  };
}
