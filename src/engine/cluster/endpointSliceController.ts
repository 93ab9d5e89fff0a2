/**
 * The EndpointSlice controller (https://github.com/kubernetes/kubernetes/tree/master/pkg/controller/endpointslice,
 * its reconciler in staging/src/k8s.io/endpointslice) for every Service with a selector:
 *
 * - one slice per address family (IPv4 here) and port mapping, at most 100 endpoints each
 *   (--max-endpoints-per-slice's default); a Service whose pods are all gone keeps one empty
 *   placeholder slice, so `kubectl describe svc` prints an empty Endpoints line, not `<none>`;
 * - named by generateName `<service>-` plus 5 characters (getEndpointSlicePrefix), labelled with the
 *   Service's own labels, `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by:
 *   endpointslice-controller.k8s.io` and, for a headless Service, `service.kubernetes.io/headless`
 *   (setEndpointSliceLabels), owned by the Service (newEndpointSlice in utils.go);
 * - each pod that has an IP and is not terminal is an endpoint (ShouldPodBeInEndpoints(pod, true): a
 *   terminating pod stays), with conditions serving = pod Ready, terminating = deletionTimestamp set,
 *   ready = publishNotReadyAddresses || (serving && !terminating), `nodeName`, `zone` when its node has
 *   topology.kubernetes.io/zone, `hostname` when the pod's hostname/subdomain name this Service, and a
 *   targetRef to the pod (podToEndpoint in utils.go);
 * - the ports are the Service's, each resolved per pod (FindPort); a pod that lacks some goes to a slice
 *   of its own port mapping (getEndpointPorts, NewPortMapKey).
 *
 * Names stay put: the real reconciler updates a slice in place and recycles the name of one it would
 * delete for one it would create (reconciler.finalize), so here the n-th slice of a Service always gets
 * the same name, derived from the Service (deterministic where the API server draws random
 * characters). A pass that finds a slice's data unchanged keeps its objects (the page skips them).
 *
 * Simplification: endpoints are sorted by IP inside a slice and slices by port mapping, where the real
 * controller keeps the order it happened to add them in.
 */
import type { ServiceManifest, SliceEndpoint, SlicePort } from '../model/objects.ts';
import type { ClusterState, EndpointSliceState, NodeState, PodState } from '../model/state.ts';
import { stableHash } from '../shell/kubectl/listing.ts';
import { hasSelector, portMapping } from './endpointsController.ts';
import { mirroredSlices } from './endpointSliceMirroring.ts';
import type { KeptSlice, ServiceReuse } from './endpointsMemo.ts';
import { podSelect, type PodSelect } from './podIndex.ts';
import { isTerminating } from './terminationState.ts';

export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A slice the controllers want, before it is matched with the one stored under that name. */
export type DesiredSlice = Omit<EndpointSliceState, 'createdAt' | 'source'>;

/**
 * The name of a Service's (or Endpoints') n-th slice: generateName `<owner>-`, which the API server
 * cuts to 58 characters before it adds 5 of its alphabet (maxGeneratedNameLength in
 * https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/storage/names/generate.go).
 * The first keeps the hash of the Service alone, as the read-only view before it named it.
 */
export function sliceName(namespace: string, owner: string, n: number): string {
  const prefix = `${owner}-`.slice(0, 58);
  const seed = n === 0 ? `${namespace}/${owner}` : `${namespace}/${owner}#${n}`;
  return `${prefix}${stableHash(seed).slice(0, 5)}`;
}

/** setEndpointSliceLabels: the Service's labels minus the reserved ones, then the reserved ones set. */
function sliceLabels(svc: ServiceManifest): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels)) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v;
  }
  if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = svc.metadata.name;
  labels[MANAGED_BY_LABEL] = SLICE_CONTROLLER;
  return labels;
}

/** podToEndpoint (staging/src/k8s.io/endpointslice/utils.go). */
export function podToEndpoint(
  pod: PodState,
  node: NodeState | undefined,
  svc: ServiceManifest,
): SliceEndpoint {
  const serving = pod.status.ready;
  const terminating = isTerminating(pod);
  const ready = svc.spec.publishNotReadyAddresses || (serving && !terminating);
  const endpoint: SliceEndpoint = {
    addresses: [pod.status.podIP],
    conditions: { ready, serving, terminating },
  };
  // fields set one by one, in the API's order: this runs for every pod on every controller pass
  if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name) endpoint.hostname = pod.spec.hostname;
  if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName;
  const zone = node?.labels[ZONE_LABEL];
  if (zone) endpoint.zone = zone;
  endpoint.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name };
  return endpoint;
}

function byAddress(a: SliceEndpoint, b: SliceEndpoint): number {
  const x = a.addresses[0] ?? '';
  const y = b.addresses[0] ?? '';
  if (x !== y) return x < y ? -1 : 1;
  const m = a.targetRef?.name ?? '';
  const n = b.targetRef?.name ?? '';
  return m < n ? -1 : m > n ? 1 : 0;
}

/** The slices the controller wants for one Service with a selector, given the pods it selects. */
export function serviceSlices(
  svc: ServiceManifest,
  pods: readonly PodState[],
  nodes: ReadonlyMap<string, NodeState>,
): DesiredSlice[] {
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  const servicePorts = svc.spec.ports;
  // Each pod's port mapping as a key (`name/port/protocol,…`, the ports it has in Service order): the
  // SlicePort objects (getEndpointPorts) are made only for the first pod of each mapping.
  const resolved: (number | undefined)[] = servicePorts.map(() => undefined);
  for (const pod of pods) {
    if (pod.status.podIP === '') continue; // no IP yet (pods here get theirs when they start)
    const key = portMapping(pod, servicePorts, resolved);
    let group = groups.get(key);
    if (!group) {
      const ports: SlicePort[] = [];
      servicePorts.forEach((sp, i) => {
        const port = resolved[i];
        if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol });
      });
      groups.set(key, (group = { ports, endpoints: [] }));
    }
    group.endpoints.push(podToEndpoint(pod, nodes.get(pod.spec.nodeName), svc));
  }
  const { name, namespace } = svc.metadata;
  const labels = sliceLabels(svc);
  const owner = { controller: SLICE_CONTROLLER, kind: 'Service', name } as const;
  const desired: DesiredSlice[] = [];
  const keys = [...groups.keys()].sort();
  for (const key of keys) {
    const group = groups.get(key) as { ports: SlicePort[]; endpoints: SliceEndpoint[] };
    group.endpoints.sort(byAddress);
    for (let at = 0; at < group.endpoints.length; at += MAX_ENDPOINTS_PER_SLICE) {
      desired.push({
        metadata: { name: sliceName(namespace, name, desired.length), namespace, labels, annotations: {} },
        addressType: 'IPv4',
        endpoints: group.endpoints.slice(at, at + MAX_ENDPOINTS_PER_SLICE),
        ports: group.ports,
        owner,
      });
    }
  }
  // the placeholder: an empty slice, no ports (reconciler.go, "placeholder slice")
  if (desired.length === 0)
    desired.push({
      metadata: { name: sliceName(namespace, name, 0), namespace, labels, annotations: {} },
      addressType: 'IPv4',
      endpoints: [],
      ports: [],
      owner,
    });
  return desired;
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** Field by field: this runs for every slice on every controller pass (1,000 pods in the bench). */
function sameEndpoint(a: SliceEndpoint, b: SliceEndpoint): boolean {
  return (
    a.addresses.length === b.addresses.length &&
    a.addresses.every((x, i) => x === b.addresses[i]) &&
    a.conditions.ready === b.conditions.ready &&
    a.conditions.serving === b.conditions.serving &&
    a.conditions.terminating === b.conditions.terminating &&
    a.hostname === b.hostname &&
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.targetRef?.kind === b.targetRef?.kind &&
    a.targetRef?.namespace === b.targetRef?.namespace &&
    a.targetRef?.name === b.targetRef?.name
  );
}

function sameEndpoints(a: readonly SliceEndpoint[], b: readonly SliceEndpoint[]): boolean {
  return a.length === b.length && a.every((e, i) => sameEndpoint(e, b[i] as SliceEndpoint));
}

function samePorts(a: readonly SlicePort[], b: readonly SlicePort[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as SlicePort;
      return (
        p.name === q.name && p.port === q.port && p.protocol === q.protocol && p.appProtocol === q.appProtocol
      );
    })
  );
}

function sameMeta(a: DesiredSlice['metadata'], b: DesiredSlice['metadata']): boolean {
  return (
    a.name === b.name &&
    a.namespace === b.namespace &&
    sameMap(a.labels, b.labels) &&
    sameMap(a.annotations, b.annotations)
  );
}

function sameOwner(a: DesiredSlice['owner'], b: DesiredSlice['owner']): boolean {
  return a?.controller === b?.controller && a?.kind === b?.kind && a?.name === b?.name;
}

/** The stored slices the last pass left for this Service, when they are still those very values. */
function keptSlices(
  stored: ReadonlyMap<string, EndpointSliceState>,
  kept: readonly KeptSlice[],
): EndpointSliceState[] | undefined {
  const out: EndpointSliceState[] = [];
  for (const k of kept) {
    const s = stored.get(k.key);
    if (
      !s?.owner ||
      s.endpoints !== k.endpoints ||
      s.ports !== k.ports ||
      s.metadata !== k.metadata ||
      s.owner !== k.owner
    )
      return undefined;
    out.push(s);
  }
  return out;
}

/** A slice this pass wants: computed, or kept as stored (its Service's inputs did not change). */
type Wanted =
  | { desired: DesiredSlice; svc?: ServiceManifest }
  | { kept: EndpointSliceState; svc: ServiceManifest };

function keyOf(slice: { metadata: { namespace: string; name: string } }): string {
  return `${slice.metadata.namespace}/${slice.metadata.name}`;
}

/**
 * Rewrites every controller-kept slice (the EndpointSlice controller's, the mirroring controller's and
 * the API server's `kubernetes`) and keeps hand-written ones as written. A desired slice whose stored
 * namesake holds the same data keeps that object; changed fields are replaced, never mutated.
 * With `reuse` (controllers.ts, endpointsMemo.ts), a Service whose manifest, selected pods and nodes'
 * zones are those of the last pass, and whose stored slices are still the objects that pass left,
 * keeps them without computing: the computed slices would be equal, and kept as they are.
 */
export function syncEndpointSlices(
  state: ClusterState,
  select: PodSelect = podSelect(state.pods),
  reuse?: ServiceReuse<KeptSlice[]>,
): void {
  const previous = state.endpointSlices;
  const stored = new Map<string, EndpointSliceState>();
  for (const s of previous) stored.set(keyOf(s), s);
  let nodes: Map<string, NodeState> | undefined;
  const wanted: Wanted[] = [];
  for (const { manifest: svc } of state.services) {
    if (!hasSelector(svc)) continue;
    const service = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const last = reuse?.previous?.get(service);
    const kept =
      last && last.manifest === svc && reuse?.podsUnchanged(svc)
        ? keptSlices(stored, last.stored)
        : undefined;
    if (kept) {
      for (const slice of kept) wanted.push({ kept: slice, svc });
      continue;
    }
    nodes ??= new Map(state.nodes.map((n) => [n.name, n]));
    for (const desired of serviceSlices(svc, select(svc.metadata.namespace, svc.spec.selector), nodes))
      wanted.push({ desired, svc });
  }
  for (const desired of mirroredSlices(state)) wanted.push({ desired });
  const names = new Set(wanted.map((w) => keyOf('kept' in w ? w.kept : w.desired)));
  if (names.size < wanted.length && wanted.some((w) => 'kept' in w)) {
    // Two slices want one name (Service names alike in their first 57 characters and a hash collision):
    // the stored object is rewritten by each in turn, so nothing is kept as the last pass left it.
    syncEndpointSlices(state, select);
    return;
  }
  const next: EndpointSliceState[] = [];
  // hand-written slices stay as written (unless a controller's slice took the name)
  for (const s of previous) {
    if (!s.owner && !names.has(keyOf(s))) next.push(s);
  }
  const record = (svc: ServiceManifest | undefined, s: EndpointSliceState) => {
    if (svc === undefined || !reuse) return;
    const service = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const kept: KeptSlice = {
      key: keyOf(s),
      endpoints: s.endpoints,
      ports: s.ports,
      metadata: s.metadata,
      owner: s.owner,
    };
    const entry = reuse.next.get(service);
    if (entry?.manifest === svc) entry.stored.push(kept);
    else reuse.next.set(service, { manifest: svc, stored: [kept] });
  };
  for (const w of wanted) {
    if ('kept' in w) {
      next.push(w.kept);
      record(w.svc, w.kept);
      continue;
    }
    const d = w.desired;
    const old = stored.get(keyOf(d));
    if (!old?.owner) {
      const created = { ...d, createdAt: state.clock };
      next.push(created);
      record(w.svc, created);
      continue;
    }
    // the stored object is this pass's own copy (sim/copyState.ts): its fields may be replaced
    if (!sameEndpoints(old.endpoints, d.endpoints)) old.endpoints = d.endpoints;
    if (!samePorts(old.ports, d.ports)) old.ports = d.ports;
    if (!sameMeta(old.metadata, d.metadata)) old.metadata = d.metadata;
    if (!sameOwner(old.owner, d.owner)) old.owner = d.owner;
    next.push(old);
    record(w.svc, old);
  }
  state.endpointSlices = next;
}
