/** What `kubectl label|annotate` does to a stored manifest, shared by the kind modules' `relabel` hooks. */
import type { ObjectMeta } from '../model/objects.ts';
import type { LabelField } from './kindModule.ts';

/** A copy of `manifest` whose labels or annotations are `edit` of the old ones (the stored one is not changed). */
export function relabelled<M extends { metadata: ObjectMeta }>(
  manifest: M,
  field: LabelField,
  edit: (map: Record<string, string>) => Record<string, string>,
): M {
  return { ...manifest, metadata: { ...manifest.metadata, [field]: edit(manifest.metadata[field]) } };
}
