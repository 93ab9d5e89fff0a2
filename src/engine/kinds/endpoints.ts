/** The Endpoints kind: written by the endpoints controller for Services with a selector, by hand for selectorless ones. */
import { sameName } from '../cluster/apiServer.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { endpointSubsets } from '../parse/schema/service.ts';
import type { EndpointsManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { buildEndpoints } from '../parse/kinds/endpoints.ts';
import { validateEndpointProtocols, validateEndpoints } from '../parse/validate/endpoints.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { L1, L2, events, multiline } from '../shell/kubectl/describe.ts';
import { metaBase } from '../shell/kubectl/listing.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import { formatEndpointsColumn } from '../shell/kubectl/printers.ts';

export const endpointsKind: KindModule<'Endpoints'> = {
  kind: 'Endpoints',
  scope: 'Namespaced',
  graphPrefix: 'ep',
  versions: { v1: { schema: resource({ subsets: endpointSubsets }) } },
  resource: { plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], group: '', version: 'v1' },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildEndpoints(raw, apiVersion);
    validateEndpoints(ctx, manifest);
    validateEndpointProtocols(ctx, raw);
    return manifest;
  },
  apply(cp, manifest) {
    applyEndpoints(cp, manifest);
    return [];
  },
  remove(cp, namespace, name) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const before = state.endpoints.length;
    state.endpoints = state.endpoints.filter((e) => !inNs(e.metadata));
    return state.endpoints.length !== before;
  },
  relabel(cp, namespace, name, field, edit) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const ep = state.endpoints.find((e) => inNs(e.metadata));
    if (!ep) return false;
    ep.metadata = { ...ep.metadata, [field]: edit(ep.metadata[field]) };
    return true;
  },
  refreshSource(state, m, source) {
    const { name, namespace } = m.metadata;
    const named = (meta: { name: string; namespace: string }) =>
      meta.name === name && meta.namespace === namespace;
    for (const e of state.endpoints) if (e.source && named(e.metadata)) e.source = source;
    return;
  },
  list(state) {
    const kind = 'Endpoints' as const;
    return state.endpoints.map((endpoints) => ({
      kind,
      endpoints,
      ...metaBase(endpoints.metadata, endpoints.createdAt),
    }));
  },
  headers() {
    return ['NAME', 'ENDPOINTS', 'AGE'];
  },
  row(obj, _state, _wide, age) {
    return [obj.name, formatEndpointsColumn(obj.endpoints.subsets), age];
  },
  describe(obj, state) {
    const lines: string[] = describeEndpoints(obj, state);
    return lines;
  },
  toApiObject(obj, state, { head, key }) {
    const subsets = obj.endpoints.subsets.map((ss) => {
      const addr = (a: (typeof ss.addresses)[number]): JsonObject => ({
        ip: a.ip,
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        ...(a.hostname ? { hostname: a.hostname } : {}),
        ...(a.targetRef
          ? {
              targetRef: {
                kind: 'Pod',
                name: a.targetRef.name,
                namespace: a.targetRef.namespace,
                uid:
                  state.pods.find(
                    (p) =>
                      p.metadata.name === a.targetRef?.name && p.metadata.namespace === a.targetRef.namespace,
                  )?.metadata.uid ?? uidOf(`Pod/${a.targetRef.namespace}/${a.targetRef.name}`),
              },
            }
          : {}),
      });
      const out: JsonObject = {};
      if (ss.addresses.length) out['addresses'] = ss.addresses.map(addr);
      if (ss.notReadyAddresses.length) out['notReadyAddresses'] = ss.notReadyAddresses.map(addr);
      if (ss.ports.length)
        out['ports'] = ss.ports.map((p) => ({
          port: p.port,
          protocol: p.protocol,
          ...(p.name ? { name: p.name } : {}),
        }));
      return out;
    });
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key)),
      ...(subsets.length ? { subsets } : {}),
    }) as JsonObject;
  },
  graphIds(_state, identity) {
    const { namespace, name } = identity;
    return [`ep/${namespace}/${name}`];
  },
};

function applyEndpoints(cp: ControlPlane, manifest: EndpointsManifest): void {
  const { state } = cp;
  const existing = state.endpoints.find((e) => sameName(e, manifest));
  if (existing) {
    existing.subsets = manifest.subsets;
    existing.metadata = { ...manifest.metadata };
    if (manifest.source) existing.source = manifest.source;
    return;
  }
  state.endpoints.push({
    metadata: { ...manifest.metadata },
    subsets: manifest.subsets,
    managed: false,
    ...(manifest.source ? { source: manifest.source } : {}),
    createdAt: state.clock,
  });
}

function describeEndpoints(obj: Extract<ListedObject, { kind: 'Endpoints' }>, state: ClusterState): string[] {
  const lines: string[] = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
  multiline(lines, 'Labels', obj.labels);
  multiline(lines, 'Annotations', obj.annotations);
  lines.push('Subsets:');
  for (const ss of obj.endpoints.subsets) {
    lines.push(`${L1}Addresses:\t${ss.addresses.map((a) => a.ip).join(',') || '<none>'}`);
    lines.push(`${L1}NotReadyAddresses:\t${ss.notReadyAddresses.map((a) => a.ip).join(',') || '<none>'}`);
    if (ss.ports.length) {
      lines.push(`${L1}Ports:`, `${L2}Name\tPort\tProtocol`, `${L2}----\t----\t--------`);
      for (const p of ss.ports) lines.push(`${L2}${p.name || '<unset>'}\t${p.port}\t${p.protocol}`);
    }
    lines.push('');
  }
  events(lines, state, 'Endpoints', obj.namespace, obj.name);
  return lines;
}
