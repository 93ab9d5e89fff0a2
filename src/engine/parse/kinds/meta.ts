/** ObjectMeta with the API server's defaults: namespace `default` for namespaced kinds, '' for cluster-scoped ones. */
import type { ObjectMeta } from '../../model/objects.ts';
import { getMap, getString, getStringMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';

export function buildMeta(raw: PlainMap, namespaced: boolean): ObjectMeta {
  const meta = getMap(raw, 'metadata');
  return {
    name: getString(meta, 'name') ?? '',
    namespace: namespaced ? getString(meta, 'namespace') || 'default' : '',
    labels: getStringMap(meta, 'labels'),
    annotations: getStringMap(meta, 'annotations'),
  };
}
