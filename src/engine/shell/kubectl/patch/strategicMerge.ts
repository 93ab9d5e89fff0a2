/**
 * Strategic merge patch, Kubernetes' default for `kubectl patch` on its own types
 * (https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/,
 * https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md):
 * maps merge as in a merge patch, `null` deletes; a list whose Go field carries `patchStrategy:"merge"`
 * merges item by item on its `patchMergeKey` (Service ports by `port`, containers by `name`, container
 * ports by `containerPort`, env by `name`, …), an item with `$patch: delete` removes the one with its
 * key; `$patch: replace` in a map replaces it whole; any other list is replaced.
 */
import type { Json, JsonMap } from './jsonValue.ts';
import { clone, isMap } from './jsonValue.ts';

/** The merge keys of the lists kubeplay simulates, by field name (from k8s.io/api/core/v1/types.go tags). */
const MERGE_KEYS: Record<string, string> = {
  ports: 'port', // ServiceSpec.Ports; ContainerPort lists are told apart below
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  tolerations: 'key',
  hostAliases: 'ip',
};

function mergeKeyFor(field: string, items: Json[]): string | undefined {
  const key = MERGE_KEYS[field];
  // a container's ports are keyed by containerPort (ContainerPort's tag), a Service's by port
  if (field === 'ports' && items.some((i) => isMap(i) && 'containerPort' in i)) return 'containerPort';
  return key;
}

function mergeList(field: string, target: Json[], patch: Json[]): Json[] {
  const key = mergeKeyFor(field, [...target, ...patch]);
  if (!key || !patch.every(isMap)) return clone(patch);
  const out = target.map((t) => clone(t));
  for (const item of patch as JsonMap[]) {
    const at = out.findIndex((t) => isMap(t) && t[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at !== -1) out.splice(at, 1);
      continue;
    }
    if (at === -1) out.push(strip(item));
    else out[at] = applyStrategicMerge(out[at], item);
  }
  return out;
}

function strip(v: Json): Json {
  if (Array.isArray(v)) return v.map(strip);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (k !== '$patch' && x !== null) out[k] = strip(x);
  return out;
}

export function applyStrategicMerge(target: Json | undefined, patch: Json): Json {
  if (!isMap(patch)) return clone(patch);
  if (patch['$patch'] === 'replace') return strip(patch);
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    if (value === null) delete out[key];
    else if (Array.isArray(value) && Array.isArray(out[key]))
      out[key] = mergeList(key, out[key] as Json[], value);
    else out[key] = isMap(value) ? applyStrategicMerge(out[key], value) : clone(value);
  }
  return out;
}
