/** The Namespace kind: the namespaces objects live in. */
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { deletePod } from '../cluster/podLifecycle.ts';
import { removeService } from '../cluster/serviceRegistry.ts';
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { namespaceSpec } from '../parse/schema/cluster.ts';
import { buildNamespace } from '../parse/kinds/namespace.ts';
import { isDns1123Label } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { multiline } from '../shell/kubectl/describe.ts';

export const namespaceKind: KindModule<'Namespace'> = {
  kind: 'Namespace',
  scope: 'Cluster',
  versions: { v1: { schema: resource({ spec: namespaceSpec }) } },
  resource: { plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], group: '', version: 'v1' },
  nameRule: isDns1123Label,
  decode(raw, apiVersion) {
    const manifest = buildNamespace(raw, apiVersion);
    return manifest;
  },
  apply(cp, manifest) {
    applyNamespace(cp, manifest.metadata.name, manifest.metadata.labels);
    return [];
  },
  remove(cp, _namespace, name) {
    return deleteNamespace(cp, name);
  },
  relabel(cp, _namespace, name) {
    const { state } = cp;
    return state.namespaces.some((n) => n.name === name);
  },
  list(state) {
    const kind = 'Namespace' as const;
    return state.namespaces.map((ns) => ({
      kind,
      namespace: '',
      name: ns.name,
      labels: { ...ns.labels, 'kubernetes.io/metadata.name': ns.name },
      annotations: {},
      createdAt: ns.createdAt,
    }));
  },
  headers() {
    return ['NAME', 'STATUS', 'AGE'];
  },
  row(obj, _state, _wide, age) {
    return [obj.name, 'Active', age];
  },
  describe(obj) {
    const lines: string[] = [`Name:\t${obj.name}`];
    multiline(lines, 'Labels', obj.labels);
    lines.push(
      'Annotations:\t<none>',
      'Status:\tActive',
      '',
      'No resource quota.',
      '',
      'No LimitRange resource.',
    );
    return lines;
  },
  toApiObject(obj, _state, { head, key }) {
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key)),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }) as JsonObject;
  },
};

/** Namespace labels matter to NetworkPolicy namespaceSelectors; an update replaces the array entry. */
function applyNamespace(cp: ControlPlane, name: string, labels: Record<string, string>): void {
  const { state } = cp;
  const at = state.namespaces.findIndex((n) => n.name === name);
  const written = Object.keys(labels).length > 0 ? { labels } : {};
  if (at === -1) state.namespaces.push({ name, createdAt: state.clock, ...written });
  else {
    const existing = state.namespaces[at];
    if (existing) state.namespaces[at] = { name, createdAt: existing.createdAt, ...written };
  }
}

function deleteNamespace(cp: ControlPlane, name: string): boolean {
  const { state } = cp;
  if (!state.namespaces.some((n) => n.name === name)) return false;
  for (const w of state.workloads.filter((x) => x.manifest.metadata.namespace === name)) {
    if (state.workloads.includes(w)) state.workloads = state.workloads.filter((x) => x !== w);
  }
  for (const pod of state.pods.filter((p) => p.metadata.namespace === name)) deletePod(cp, pod);
  for (const svc of state.services.filter((s) => s.manifest.metadata.namespace === name))
    removeService(cp, svc);
  state.endpoints = state.endpoints.filter((e) => e.metadata.namespace !== name);
  state.ingresses = state.ingresses.filter((i) => i.manifest.metadata.namespace !== name);
  if (state.networkPolicies)
    state.networkPolicies = state.networkPolicies.filter((p) => p.manifest.metadata.namespace !== name);
  state.namespaces = state.namespaces.filter((n) => n.name !== name);
  return true;
}
