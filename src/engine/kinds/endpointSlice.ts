/**
 * The EndpointSlice kind (discovery.k8s.io/v1): objects the EndpointSlice controller keeps for every
 * Service with a selector (cluster/endpointSliceController.ts), the mirroring controller for
 * hand-written Endpoints (cluster/endpointSliceMirroring.ts), or a user writes by hand for a Service
 * without a selector (labelled `kubernetes.io/service-name`). kube-proxy routes from them
 * (net/netIndex.ts); kubectl lists, describes and returns them. docs/kubernetes-facts.md#endpointslices.
 */
import { locate } from '../cluster/diagnostics.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import type { KindModule } from './kindModule.ts';
import type { EndpointSliceManifest, SliceEndpoint } from '../model/objects.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ClusterState, EndpointSliceState } from '../model/state.ts';
import { buildEndpointSlice } from '../parse/kinds/endpointSlice.ts';
import { invalid } from '../parse/messages.ts';
import { endpointSliceFields } from '../parse/schema/endpointSlice.ts';
import { resource } from '../parse/schema/meta.ts';
import { validateEndpointSlice } from '../parse/validate/endpointSlice.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { L1, L2, L3, events, multiline } from '../shell/kubectl/describe.ts';
import { formatSliceEndpoints, formatSlicePorts } from '../shell/kubectl/endpointSliceView.ts';
import { metaBase } from '../shell/kubectl/listing.ts';

type Named = { name: string; namespace: string };
const named = (namespace: string, name: string) => (m: Named) => m.name === name && m.namespace === namespace;

export const endpointSliceKind: KindModule<'EndpointSlice'> = {
  kind: 'EndpointSlice',
  scope: 'Namespaced',
  versions: { 'discovery.k8s.io/v1': { schema: resource(endpointSliceFields) } },
  resource: {
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildEndpointSlice(raw, apiVersion);
    validateEndpointSlice(ctx, manifest, raw);
    return manifest;
  },
  apply(cp, manifest) {
    return applyEndpointSlice(cp, manifest);
  },
  remove(cp, namespace, name) {
    const { state } = cp;
    const before = state.endpointSlices.length;
    // a controller's slice comes back on its next pass, as the real controllers recreate it
    state.endpointSlices = state.endpointSlices.filter((s) => !named(namespace, name)(s.metadata));
    return state.endpointSlices.length !== before;
  },
  relabel(cp, namespace, name, field, edit) {
    const slice = cp.state.endpointSlices.find((s) => named(namespace, name)(s.metadata));
    if (!slice) return false;
    slice.metadata = { ...slice.metadata, [field]: edit(slice.metadata[field]) };
    return true;
  },
  refreshSource(state, m, source) {
    for (const s of state.endpointSlices)
      if (s.source && named(m.metadata.namespace, m.metadata.name)(s.metadata)) s.source = source;
  },
  list(state) {
    const kind = 'EndpointSlice' as const;
    return state.endpointSlices.map((slice) => ({
      kind,
      slice,
      ...metaBase(slice.metadata, slice.createdAt),
    }));
  },
  headers() {
    return ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
  },
  row(obj, _state, _wide, age) {
    const s = obj.slice;
    return [obj.name, s.addressType, formatSlicePorts(s.ports), formatSliceEndpoints(s.endpoints), age];
  },
  describe(obj, state) {
    return describeEndpointSlice(obj.slice, state);
  },
  toApiObject(obj, state, { head, key }) {
    return sliceJson(obj.slice, state, metadataOf(obj, uidOf(key), ownerFields(obj.slice)), head);
  },
  graphIds(state, identity) {
    const slice = state.endpointSlices.find((s) => named(identity.namespace, identity.name)(s.metadata));
    const service = slice?.metadata.labels['kubernetes.io/service-name'];
    return service ? [`svc/${identity.namespace}/${service}`] : [];
  },
};

/**
 * Create-or-update by name. The API server refuses to change an existing slice's addressType
 * (ValidateEndpointSliceUpdate: ValidateImmutableField). A hand-written slice that takes a
 * controller's name replaces it; the controller writes its own again under that name on its next pass.
 */
function applyEndpointSlice(cp: ControlPlane, manifest: EndpointSliceManifest): Diagnostic[] {
  const { state } = cp;
  const list = [...state.endpointSlices];
  const at = list.findIndex((s) => named(manifest.metadata.namespace, manifest.metadata.name)(s.metadata));
  const previous = list[at];
  if (previous && previous.addressType !== manifest.addressType)
    return [
      locate(
        manifest,
        'addressType',
        invalid(manifest.addressType, 'field is immutable'),
        'eps-address-type-immutable',
      ),
    ];
  const record: EndpointSliceState = {
    metadata: { ...manifest.metadata },
    addressType: manifest.addressType,
    endpoints: manifest.endpoints,
    ports: manifest.ports,
    ...(manifest.source ? { source: manifest.source } : {}),
    createdAt: previous?.createdAt ?? state.clock,
  };
  if (previous) list[at] = record;
  else list.push(record);
  state.endpointSlices = list;
  return [];
}

/** generateName, generation and the controller's ownerReference, as the controllers create slices. */
function ownerFields(slice: EndpointSliceState): JsonObject {
  const owner = slice.owner;
  if (!owner || owner.controller === 'kube-apiserver') return {};
  return {
    generateName: `${owner.name}-`,
    generation: 1,
    ownerReferences: [
      {
        apiVersion: 'v1',
        blockOwnerDeletion: true,
        controller: true,
        kind: owner.kind,
        name: owner.name,
        uid: uidOf(`${owner.kind}/${slice.metadata.namespace}/${owner.name}`),
      },
    ],
  };
}

function endpointJson(e: SliceEndpoint, state: ClusterState): JsonObject {
  const ref = e.targetRef;
  const pod = ref
    ? state.pods.find((p) => p.metadata.name === ref.name && p.metadata.namespace === ref.namespace)
    : undefined;
  return {
    addresses: [...e.addresses],
    conditions: { ...e.conditions },
    ...(e.hostname !== undefined ? { hostname: e.hostname } : {}),
    ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
    ...(ref
      ? {
          targetRef: {
            kind: ref.kind,
            name: ref.name,
            namespace: ref.namespace,
            ...(ref.kind === 'Pod'
              ? { uid: pod?.metadata.uid ?? uidOf(`Pod/${ref.namespace}/${ref.name}`) }
              : {}),
          },
        }
      : {}),
    ...(e.zone !== undefined ? { zone: e.zone } : {}),
  };
}

/**
 * The object as the API server returns it: `endpoints` always present (null when empty, as Go's nil
 * slice prints), `ports` only when set (the placeholder slice has none).
 */
function sliceJson(
  slice: EndpointSliceState,
  state: ClusterState,
  metadata: JsonObject,
  head: { apiVersion: string; kind: string },
): JsonObject {
  return sortKeys({
    ...head,
    metadata,
    addressType: slice.addressType,
    endpoints: slice.endpoints.length ? slice.endpoints.map((e) => endpointJson(e, state)) : null,
    ...(slice.ports.length
      ? {
          ports: slice.ports.map((p) => ({
            name: p.name,
            ...(p.port !== undefined ? { port: p.port } : {}),
            protocol: p.protocol,
            ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}),
          })),
        }
      : {}),
  }) as JsonObject;
}

/** describeEndpointSliceV1 (https://github.com/kubernetes/kubectl/blob/master/pkg/describe/describe.go). */
function describeEndpointSlice(slice: EndpointSliceState, state: ClusterState): string[] {
  const { name, namespace } = slice.metadata;
  const lines: string[] = [`Name:\t${name}`, `Namespace:\t${namespace}`];
  multiline(lines, 'Labels', slice.metadata.labels);
  multiline(lines, 'Annotations', slice.metadata.annotations);
  lines.push(`AddressType:\t${slice.addressType}`);
  if (slice.ports.length === 0) lines.push('Ports: <unset>');
  else {
    lines.push('Ports:', `${L1}Name\tPort\tProtocol`, `${L1}----\t----\t--------`);
    for (const p of slice.ports)
      lines.push(`${L1}${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol}`);
  }
  if (slice.endpoints.length === 0) lines.push('Endpoints: <none>');
  else {
    lines.push('Endpoints:');
    for (const e of slice.endpoints) {
      const ready = e.conditions.ready;
      lines.push(
        `${L1}- Addresses:\t${e.addresses.join(', ') || '<none>'}`,
        `${L2}Conditions:`,
        `${L3}Ready:\t${ready === undefined ? '<unset>' : String(ready)}`,
        `${L2}Hostname:\t${e.hostname ?? '<unset>'}`,
      );
      if (e.targetRef) lines.push(`${L2}TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}`);
      lines.push(`${L2}NodeName:\t${e.nodeName ?? '<unset>'}`, `${L2}Zone:\t${e.zone ?? '<unset>'}`);
    }
  }
  events(lines, state, 'EndpointSlice', namespace, name);
  return lines;
}
