/**
 * EndpointSlices that mirror an Endpoints object:
 *
 * - the EndpointSlice mirroring controller
 *   (https://github.com/kubernetes/kubernetes/tree/master/pkg/controller/endpointslicemirroring)
 *   mirrors a hand-written Endpoints whose Service exists and has no selector, unless the Endpoints
 *   carries `endpointslice.kubernetes.io/skip-mirror: "true"`. Its slices copy the Endpoints' labels
 *   (then `kubernetes.io/service-name` and `managed-by: endpointslicemirroring-controller.k8s.io`) and
 *   its annotations but last-applied-configuration, are owned by the Endpoints (newEndpointSlice in
 *   utils.go), and group the subsets' addresses by port mapping; an address is ready as its subset
 *   list says, with no serving or terminating condition (addressToEndpoint). Only IPv4 addresses are
 *   mirrored here (an IPv6 one would go to an IPv6 slice);
 * - kube-apiserver writes default/kubernetes's slice itself, named `kubernetes`, labelled with the
 *   service name only and owned by nothing (endpointSliceFromEndpoints in
 *   https://github.com/kubernetes/kubernetes/blob/master/pkg/controlplane/reconcilers/endpointsadapter.go).
 */
import type { EndpointAddress, SliceEndpoint, SlicePort } from '../model/objects.ts';
import type { ClusterState, EndpointsState } from '../model/state.ts';
import { isIPv4 } from '../parse/validate/names.ts';
import type { DesiredSlice } from './endpointSliceController.ts';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, sliceName } from './endpointSliceController.ts';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

function addressToEndpoint(address: EndpointAddress, ready: boolean): SliceEndpoint {
  return {
    addresses: [address.ip],
    conditions: { ready },
    ...(address.hostname ? { hostname: address.hostname } : {}),
    ...(address.nodeName ? { nodeName: address.nodeName } : {}),
    ...(address.targetRef ? { targetRef: { ...address.targetRef } } : {}),
  };
}

function endpointsOfSubset(subset: EndpointsState['subsets'][number]): SliceEndpoint[] {
  return [
    ...subset.addresses.filter((a) => isIPv4(a.ip)).map((a) => addressToEndpoint(a, true)),
    ...subset.notReadyAddresses.filter((a) => isIPv4(a.ip)).map((a) => addressToEndpoint(a, false)),
  ];
}

/** The mirroring controller's slices for one Endpoints, one per port mapping. */
function mirrorEndpoints(ep: EndpointsState): DesiredSlice[] {
  const { name, namespace } = ep.metadata;
  const labels: Record<string, string> = {
    ...ep.metadata.labels,
    [SERVICE_NAME_LABEL]: name,
    [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER,
  };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep.metadata.annotations))
    if (k !== LAST_APPLIED && k !== TRIGGER_TIME) annotations[k] = v;
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const subset of ep.subsets) {
    const ports = subset.ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol }));
    const key = ports.map((p) => `${p.name}/${p.port}/${p.protocol}`).join(',');
    const endpoints = endpointsOfSubset(subset);
    if (endpoints.length === 0) continue;
    const group = groups.get(key);
    if (group) group.endpoints.push(...endpoints);
    else groups.set(key, { ports, endpoints });
  }
  const owner = { controller: MIRRORING_CONTROLLER, kind: 'Endpoints', name } as const;
  return [...groups.values()].map((g, n) => ({
    metadata: { name: sliceName(namespace, name, n), namespace, labels, annotations },
    addressType: 'IPv4',
    endpoints: g.endpoints,
    ports: g.ports,
    owner,
  }));
}

/** The API server's own slice for default/kubernetes, from the first subset of its Endpoints. */
function apiServerSlice(ep: EndpointsState): DesiredSlice {
  const subset = ep.subsets[0];
  return {
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { [SERVICE_NAME_LABEL]: 'kubernetes' },
      annotations: {},
    },
    addressType: 'IPv4',
    endpoints: subset ? endpointsOfSubset(subset) : [],
    ports: (subset?.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
    owner: { controller: 'kube-apiserver', kind: 'Endpoints', name: 'kubernetes' },
  };
}

function selectorless(state: ClusterState, namespace: string, name: string): boolean {
  const svc = state.services.find(
    (s) => s.manifest.metadata.name === name && s.manifest.metadata.namespace === namespace,
  );
  if (!svc) return false;
  const selector = svc.manifest.spec.selector;
  return selector === undefined || Object.keys(selector).length === 0;
}

/** Every slice that mirrors an Endpoints object now. */
export function mirroredSlices(state: ClusterState): DesiredSlice[] {
  const out: DesiredSlice[] = [];
  for (const ep of state.endpoints) {
    const { name, namespace } = ep.metadata;
    if (name === 'kubernetes' && namespace === 'default' && ep.managed) {
      out.push(apiServerSlice(ep));
      continue;
    }
    if (ep.managed || ep.metadata.labels[SKIP_MIRROR_LABEL] === 'true') continue;
    if (!selectorless(state, namespace, name)) continue;
    out.push(...mirrorEndpoints(ep));
  }
  return out;
}
