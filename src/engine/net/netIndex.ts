/**
 * Look-up tables the data plane needs on every request (IP -> pod/Service/node, nodePort -> Service,
 * Service port -> ready endpoints, read from the Service's EndpointSlices as kube-proxy reads them),
 * built ONCE per state object graph and cached.
 *
 * Why a cache keyed on the arrays: routeRequest only replaces rng/affinity/cursors (and clients) in the
 * state it returns, so `pods`, `services`, `endpoints`, `nodes` and `ingresses` stay the very same
 * arrays across thousands of requests. The control plane replaces an array whenever it changes it
 * (state is immutable plain data), so array identity is a safe version stamp. Endpoint lists are filled
 * lazily, per Service port, the first time a request needs them.
 */
import type {
  EndpointSliceState,
  EndpointsState,
  NodeState,
  OutsideHostState,
  PodState,
  ServiceState,
} from '../model/state.ts';
import type { ClusterState } from '../model/state.ts';
import type { ServicePort, SliceEndpoint } from '../model/objects.ts';

/** One endpoint of one Service port, as kube-proxy sees it (an EndpointSlice entry). */
export interface Backend {
  ip: string;
  port: number;
  nodeName?: string;
  /** The pod behind the address, when the address names one (targetRef) or is a known pod IP. */
  pod?: PodState;
  /** `ip:port`, the string kube-proxy hashes into the KUBE-SEP chain name. */
  key: string;
}

export interface NodePortEntry {
  service: ServiceState;
  port: ServicePort;
}

export interface NetIndex {
  nodesByName: Map<string, NodeState>;
  nodesByIp: Map<string, NodeState>;
  /** Pods on the pod network (hostNetwork pods share their node's IP and are found per node). */
  podsByIp: Map<string, PodState>;
  podsByKey: Map<string, PodState>;
  hostNetworkPodsByNode: Map<string, PodState[]>;
  /** `node|hostPort` -> the pod publishing it (CNI portmap). */
  hostPorts: Map<string, { pod: PodState; containerPort: number }>;
  servicesByKey: Map<string, ServiceState>;
  servicesByClusterIp: Map<string, ServiceState>;
  servicesByExternalIp: Map<string, ServiceState>;
  servicesByLoadBalancerIp: Map<string, ServiceState>;
  nodePorts: Map<number, NodePortEntry>;
  /** healthCheckNodePort -> its LoadBalancer Service (externalTrafficPolicy Local). */
  healthCheckPorts: Map<number, ServiceState>;
  endpointsByKey: Map<string, EndpointsState>;
  /** `ns/service` -> its IPv4 EndpointSlices (those labelled `kubernetes.io/service-name`). */
  slicesByService: Map<string, EndpointSliceState[]>;
  /** Declared servers outside the cluster, by address (docs/outside-hosts.md). */
  outsideHostsByIp: Map<string, OutsideHostState>;
  /** Lazily filled: Service port (object) -> ready backends, sorted as kube-proxy sorts them. */
  backends: Map<ServicePort, Backend[]>;
  /** Lazily filled per-index memo for other modules (ingress tables, DNS zone). */
  memo: Map<string, unknown>;
}

interface CacheEntry {
  index: NetIndex;
  services: ServiceState[];
  endpoints: EndpointsState[];
  endpointSlices: EndpointSliceState[];
  nodes: NodeState[];
  ingresses: unknown[];
  ingressClasses: unknown[];
  namespaces: unknown[];
  networkPolicies: unknown[] | undefined;
  outsideHosts: OutsideHostState[] | undefined;
}

const cache = new WeakMap<PodState[], CacheEntry>();

/**
 * The entry found last and its pods array: consecutive requests nearly always route over the same
 * arrays (each request's state shares them), and a comparison is cheaper than a WeakMap probe.
 */
let lastPods: PodState[] | undefined;
let lastEntry: CacheEntry | undefined;

export function getNetIndex(state: ClusterState): NetIndex {
  const hit = state.pods === lastPods ? lastEntry : cache.get(state.pods);
  if (
    hit &&
    hit.services === state.services &&
    hit.endpoints === state.endpoints &&
    hit.endpointSlices === state.endpointSlices &&
    hit.nodes === state.nodes &&
    hit.ingresses === state.ingresses &&
    hit.ingressClasses === state.ingressClasses &&
    hit.namespaces === state.namespaces &&
    hit.networkPolicies === state.networkPolicies &&
    hit.outsideHosts === state.outsideHosts
  ) {
    lastPods = state.pods;
    lastEntry = hit;
    return hit.index;
  }
  const index = buildIndex(state);
  const entry: CacheEntry = {
    index,
    services: state.services,
    endpoints: state.endpoints,
    endpointSlices: state.endpointSlices,
    nodes: state.nodes,
    ingresses: state.ingresses,
    ingressClasses: state.ingressClasses,
    namespaces: state.namespaces,
    networkPolicies: state.networkPolicies,
    outsideHosts: state.outsideHosts,
  };
  cache.set(state.pods, entry);
  lastPods = state.pods;
  lastEntry = entry;
  return index;
}

export function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function buildIndex(state: ClusterState): NetIndex {
  const index: NetIndex = {
    nodesByName: new Map(),
    nodesByIp: new Map(),
    podsByIp: new Map(),
    podsByKey: new Map(),
    hostNetworkPodsByNode: new Map(),
    hostPorts: new Map(),
    servicesByKey: new Map(),
    servicesByClusterIp: new Map(),
    servicesByExternalIp: new Map(),
    servicesByLoadBalancerIp: new Map(),
    nodePorts: new Map(),
    healthCheckPorts: new Map(),
    endpointsByKey: new Map(),
    slicesByService: new Map(),
    outsideHostsByIp: new Map(),
    backends: new Map(),
    memo: new Map(),
  };
  for (const node of state.nodes) {
    index.nodesByName.set(node.name, node);
    index.nodesByIp.set(node.ip, node);
  }
  for (const pod of state.pods) {
    index.podsByKey.set(objectKey(pod.metadata.namespace, pod.metadata.name), pod);
    if (pod.status.phase !== 'Running' && !pod.status.podIP) continue;
    if (pod.spec.hostNetwork) {
      const list = index.hostNetworkPodsByNode.get(pod.spec.nodeName) ?? [];
      list.push(pod);
      index.hostNetworkPodsByNode.set(pod.spec.nodeName, list);
    } else if (pod.status.podIP) {
      index.podsByIp.set(pod.status.podIP, pod);
    }
    for (const container of pod.spec.containers) {
      for (const port of container.ports) {
        if (port.hostPort !== undefined && port.protocol === 'TCP') {
          index.hostPorts.set(`${pod.spec.nodeName}|${port.hostPort}`, {
            pod,
            containerPort: port.containerPort,
          });
        }
      }
    }
  }
  for (const service of state.services) {
    const { metadata, spec } = service.manifest;
    index.servicesByKey.set(objectKey(metadata.namespace, metadata.name), service);
    if (spec.type === 'ExternalName') continue;
    if (spec.clusterIP && spec.clusterIP !== 'None') index.servicesByClusterIp.set(spec.clusterIP, service);
    for (const ip of spec.externalIPs) index.servicesByExternalIp.set(ip, service);
    for (const ingress of service.status.loadBalancer.ingress) {
      if (ingress.ip) index.servicesByLoadBalancerIp.set(ingress.ip, service);
    }
    if (spec.healthCheckNodePort !== undefined) index.healthCheckPorts.set(spec.healthCheckNodePort, service);
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      for (const port of spec.ports) {
        if (port.nodePort !== undefined && port.protocol === 'TCP')
          index.nodePorts.set(port.nodePort, { service, port });
      }
    }
  }
  for (const host of state.outsideHosts ?? []) index.outsideHostsByIp.set(host.address, host);
  for (const endpoints of state.endpoints) {
    index.endpointsByKey.set(objectKey(endpoints.metadata.namespace, endpoints.metadata.name), endpoints);
  }
  for (const slice of state.endpointSlices) {
    const service = slice.metadata.labels['kubernetes.io/service-name'];
    if (service === undefined || slice.addressType !== 'IPv4') continue;
    const key = objectKey(slice.metadata.namespace, service);
    const list = index.slicesByService.get(key);
    if (list) list.push(slice);
    else index.slicesByService.set(key, [slice]);
  }
  return index;
}

/**
 * The ready endpoints of one Service port, from every EndpointSlice of the Service (a nil `ready` reads
 * as ready). kube-proxy keys endpoints by service-port NAME (unnamed matches unnamed) and DNATs to the
 * endpoint's own port (docs/kubernetes-facts.md#endpoints); it orders them by `ip:port` so that rules
 * are stable (pkg/proxy endpointslicecache sorts endpoints).
 */
export function getBackends(index: NetIndex, service: ServiceState, port: ServicePort): Backend[] {
  const hit = index.backends.get(port);
  if (hit) return hit;
  const list = backendsOf(index, service, port, isReadyEndpoint);
  index.backends.set(port, list);
  return list;
}

function isReadyEndpoint(e: SliceEndpoint): boolean {
  return e.conditions.ready !== false;
}

/**
 * The endpoints of the Service's slices that `accept` lets through, for one Service port, as
 * kube-proxy's sorted list: one per `ip:port` however many slices repeat it, at the endpoint's first
 * address (all of an endpoint's addresses are fungible and kube-proxy uses the first,
 * pkg/proxy/endpointslicecache.go). A slice port with no number ("all ports") serves nothing here.
 */
export function backendsOf(
  index: NetIndex,
  service: ServiceState,
  port: ServicePort,
  accept: (endpoint: SliceEndpoint) => boolean,
): Backend[] {
  const { namespace, name } = service.manifest.metadata;
  const list: Backend[] = [];
  const seen = new Set<string>();
  for (const slice of index.slicesByService.get(objectKey(namespace, name)) ?? []) {
    const slicePort = slice.ports.find((p) => p.name === (port.name ?? '') && p.protocol === port.protocol);
    if (slicePort?.port === undefined) continue;
    for (const endpoint of slice.endpoints) {
      const ip = endpoint.addresses[0];
      if (ip === undefined || !accept(endpoint)) continue;
      const key = `${ip}:${slicePort.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ref = endpoint.targetRef;
      const pod =
        ref?.kind === 'Pod'
          ? index.podsByKey.get(objectKey(ref.namespace, ref.name))
          : index.podsByIp.get(ip);
      const nodeName = endpoint.nodeName ?? pod?.spec.nodeName ?? index.nodesByIp.get(ip)?.name;
      list.push({
        ip,
        port: slicePort.port,
        key,
        ...(nodeName !== undefined ? { nodeName } : {}),
        ...(pod ? { pod } : {}),
      });
    }
  }
  list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return list;
}

/** A per-index memo for derived tables other modules build once per state (ingress servers, DNS). */
export function memoize<T>(index: NetIndex, key: string, build: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = build();
  index.memo.set(key, value);
  return value;
}
