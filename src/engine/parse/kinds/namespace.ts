/** Namespace: cluster-scoped, nothing but metadata. */
import type { NamespaceManifest } from '../../model/objects.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

export function buildNamespace(raw: PlainMap, apiVersion: string): NamespaceManifest {
  return { kind: 'Namespace', apiVersion, metadata: buildMeta(raw, false) };
}
