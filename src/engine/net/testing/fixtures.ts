/**
 * Hand-built ClusterStates for data-plane tests: a tiny stand-in for createSimulation (a kind-like
 * topology, pods placed where the test says, and a minimal endpoints controller), so routing can be
 * tested on its own. Tests that matter also run through createSimulation on real YAML once it works.
 */
import type {
  EndpointSubset,
  IngressManifest,
  IngressRule,
  KubeProxyMode,
  ServicePort,
  ServiceSpec,
  Container,
} from '../../model/objects.ts';
import type {
  ClusterState,
  EndpointSliceState,
  EndpointsState,
  NodeState,
  PodState,
  ServiceState,
} from '../../model/state.ts';
import { seedRng } from '../../rng.ts';
import { serviceSpecDefaults } from '../../cluster/serviceSpecDefaults.ts';

export interface NodeFixture {
  name: string;
  ip?: string;
  up?: boolean;
  role?: 'control-plane' | 'worker';
}

export interface PodFixture {
  name: string;
  namespace?: string;
  node: string;
  ip?: string;
  image?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ports?: { name?: string; containerPort: number; hostPort?: number }[];
  args?: string[];
  ready?: boolean;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: 'ClusterFirst' | 'Default' | 'ClusterFirstWithHostNet' | 'None';
}

export interface ServiceFixture {
  name: string;
  namespace?: string;
  type?: ServiceSpec['type'];
  selector?: Record<string, string>;
  ports?: (Partial<ServicePort> & { port: number })[];
  clusterIP?: string;
  spec?: Partial<ServiceSpec>;
  loadBalancerIPs?: string[];
}

export interface IngressFixture {
  name: string;
  namespace?: string;
  className?: string;
  annotations?: Record<string, string>;
  rules?: IngressRule[];
  defaultBackend?: { service: string; port: number | string };
}

export interface StateFixture {
  mode?: KubeProxyMode;
  nodes?: NodeFixture[];
  pods?: PodFixture[];
  services?: ServiceFixture[];
  /** Hand-written Endpoints (for Services without a selector). */
  endpoints?: { name: string; namespace?: string; subsets: EndpointSubset[] }[];
  ingresses?: IngressFixture[];
  ingressClasses?: { name: string; controller: string; isDefault?: boolean }[];
  clock?: number;
  seed?: number;
  /** Adds kube-system/kube-dns (10.96.0.10) with two CoreDNS pods; default true. */
  withDns?: boolean;
}

const DEFAULT_NODES: NodeFixture[] = [
  { name: 'kind-control-plane', role: 'control-plane' },
  { name: 'kind-worker' },
  { name: 'kind-worker2' },
];

function makeNode(fixture: NodeFixture, i: number): NodeState {
  return {
    name: fixture.name,
    role: fixture.role ?? (i === 0 ? 'control-plane' : 'worker'),
    labels: { 'kubernetes.io/hostname': fixture.name },
    ip: fixture.ip ?? `172.18.0.${i + 2}`,
    podCIDR: `10.244.${i}.0/24`,
    up: fixture.up ?? true,
    unschedulable: false,
    createdAt: 0,
  };
}

function makeContainer(fixture: PodFixture): Container {
  return {
    name: 'app',
    image: fixture.image ?? 'luksa/kubia',
    ports: (fixture.ports ?? [{ containerPort: 8080 }]).map((p) => ({
      containerPort: p.containerPort,
      protocol: 'TCP' as const,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
    })),
    env: [],
    command: [],
    args: fixture.args ?? [],
  };
}

function makePod(fixture: PodFixture, nodes: NodeState[], counters: Map<string, number>): PodState {
  const nodeIndex = Math.max(
    0,
    nodes.findIndex((n) => n.name === fixture.node),
  );
  const node = nodes[nodeIndex];
  const next = (counters.get(fixture.node) ?? 1) + 1;
  counters.set(fixture.node, next);
  const ip = fixture.hostNetwork ? (node?.ip ?? '') : (fixture.ip ?? `10.244.${nodeIndex}.${next}`);
  return {
    metadata: {
      name: fixture.name,
      namespace: fixture.namespace ?? 'default',
      labels: fixture.labels ?? {},
      annotations: fixture.annotations ?? {},
      uid: `uid-${fixture.name}`,
      creationTimestamp: 0,
    },
    spec: {
      containers: [makeContainer(fixture)],
      nodeName: fixture.node,
      nodeSelector: {},
      ...(fixture.hostname !== undefined ? { hostname: fixture.hostname } : {}),
      ...(fixture.subdomain !== undefined ? { subdomain: fixture.subdomain } : {}),
      enableServiceLinks: true,
      dnsPolicy: fixture.dnsPolicy ?? 'ClusterFirst',
      hostNetwork: fixture.hostNetwork ?? false,
    },
    status: {
      phase: 'Running',
      podIP: ip,
      hostIP: node?.ip ?? '',
      ready: (fixture.ready ?? true) && (node?.up ?? true),
    },
    serviceEnv: [],
    files: [],
  };
}

function makeService(fixture: ServiceFixture, i: number, nodePortCounter: { next: number }): ServiceState {
  const type = fixture.type ?? 'ClusterIP';
  const ports: ServicePort[] = (fixture.ports ?? []).map((p) => ({
    protocol: p.protocol ?? 'TCP',
    port: p.port,
    targetPort: p.targetPort ?? p.port,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.nodePort !== undefined
      ? { nodePort: p.nodePort }
      : type === 'NodePort' || type === 'LoadBalancer'
        ? { nodePort: nodePortCounter.next++ }
        : {}),
  }));
  const spec: ServiceSpec = {
    type,
    ports,
    ...serviceSpecDefaults(),
    ...(fixture.selector !== undefined ? { selector: fixture.selector } : {}),
    ...(type !== 'ExternalName'
      ? { clusterIP: fixture.clusterIP ?? `10.96.${100 + Math.floor(i / 200)}.${(i % 200) + 1}` }
      : {}),
    ...fixture.spec,
  };
  return {
    manifest: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: {
        name: fixture.name,
        namespace: fixture.namespace ?? 'default',
        labels: {},
        annotations: {},
      },
      spec,
    },
    status: { loadBalancer: { ingress: (fixture.loadBalancerIPs ?? []).map((ip) => ({ ip })) } },
    createdAt: 0,
  };
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** A minimal endpoints controller: ready pods to addresses, others to notReadyAddresses (docs/kubernetes-facts.md#ports, #endpoints). */
function deriveEndpoints(service: ServiceState, pods: PodState[]): EndpointsState | undefined {
  const { spec, metadata } = service.manifest;
  if (!spec.selector || spec.type === 'ExternalName') return undefined;
  const subsets: EndpointSubset[] = [];
  for (const port of spec.ports) {
    for (const pod of pods) {
      if (pod.metadata.namespace !== metadata.namespace || !selects(spec.selector, pod.metadata.labels))
        continue;
      let target: number | undefined;
      if (typeof port.targetPort === 'number') target = port.targetPort;
      else {
        for (const c of pod.spec.containers) {
          const hit = c.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol);
          if (hit) {
            target = hit.containerPort;
            break;
          }
        }
      }
      if (target === undefined) continue;
      const epPort = {
        port: target,
        protocol: port.protocol,
        ...(port.name !== undefined ? { name: port.name } : {}),
      };
      let subset = subsets.find((s) => s.ports[0]?.port === target && s.ports[0]?.name === port.name);
      if (!subset) {
        subset = { addresses: [], notReadyAddresses: [], ports: [epPort] };
        subsets.push(subset);
      }
      const address = {
        ip: pod.status.podIP,
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod' as const, namespace: pod.metadata.namespace, name: pod.metadata.name },
        ...(pod.spec.hostname !== undefined && pod.spec.subdomain === metadata.name
          ? { hostname: pod.spec.hostname }
          : {}),
      };
      if (pod.status.ready || spec.publishNotReadyAddresses) subset.addresses.push(address);
      else subset.notReadyAddresses.push(address);
    }
  }
  return { metadata: { ...metadata, labels: {}, annotations: {} }, subsets, managed: true, createdAt: 0 };
}

/**
 * What routing reads: each Endpoints subset as one EndpointSlice labelled with the Service name
 * (ready addresses ready, the others not), as the EndpointSlice (or mirroring) controller would write it.
 */
function slicesOf(endpoints: EndpointsState[]): EndpointSliceState[] {
  return endpoints.flatMap((e) =>
    e.subsets.map((subset, n) => ({
      metadata: {
        name: `${e.metadata.name}-${n}`,
        namespace: e.metadata.namespace,
        labels: { 'kubernetes.io/service-name': e.metadata.name },
        annotations: {},
      },
      addressType: 'IPv4',
      endpoints: [
        ...subset.addresses.map((a) => ({ ...sliceEndpoint(a), conditions: { ready: true } })),
        ...subset.notReadyAddresses.map((a) => ({ ...sliceEndpoint(a), conditions: { ready: false } })),
      ],
      ports: subset.ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
      createdAt: 0,
    })),
  );
}

function sliceEndpoint(a: EndpointSubset['addresses'][number]) {
  return {
    addresses: [a.ip],
    ...(a.hostname !== undefined ? { hostname: a.hostname } : {}),
    ...(a.nodeName !== undefined ? { nodeName: a.nodeName } : {}),
    ...(a.targetRef ? { targetRef: { ...a.targetRef } } : {}),
  };
}

function makeIngress(fixture: IngressFixture): IngressManifest {
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: {
      name: fixture.name,
      namespace: fixture.namespace ?? 'default',
      labels: {},
      annotations: fixture.annotations ?? {},
    },
    spec: {
      ...(fixture.className !== undefined ? { ingressClassName: fixture.className } : {}),
      ...(fixture.defaultBackend
        ? {
            defaultBackend: {
              service: {
                name: fixture.defaultBackend.service,
                port:
                  typeof fixture.defaultBackend.port === 'number'
                    ? { number: fixture.defaultBackend.port }
                    : { name: fixture.defaultBackend.port },
              },
            },
          }
        : {}),
      rules: fixture.rules ?? [],
      tls: [],
    },
  };
}

/** A rule helper: `rule('kubia.example.com', ['/', 'Prefix', 'kubia', 80])`. */
export function rule(
  host: string | undefined,
  ...paths: [string, 'Exact' | 'Prefix' | 'ImplementationSpecific', string, number | string][]
): IngressRule {
  return {
    ...(host !== undefined ? { host } : {}),
    paths: paths.map(([path, pathType, name, port]) => ({
      path,
      pathType,
      backend: { service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } },
    })),
  };
}

export function makeState(fixture: StateFixture = {}): ClusterState {
  const nodes = (fixture.nodes ?? DEFAULT_NODES).map(makeNode);
  const counters = new Map<string, number>();
  const podFixtures = [...(fixture.pods ?? [])];
  const serviceFixtures = [...(fixture.services ?? [])];
  if (fixture.withDns ?? true) {
    const cp = nodes[0]?.name ?? 'kind-control-plane';
    podFixtures.unshift({
      name: 'coredns-a',
      namespace: 'kube-system',
      node: cp,
      image: 'registry.k8s.io/coredns/coredns:v1.11.1',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [{ name: 'dns-tcp', containerPort: 53 }],
    });
    serviceFixtures.unshift(
      {
        name: 'kubernetes',
        namespace: 'default',
        clusterIP: '10.96.0.1',
        ports: [{ name: 'https', port: 443, targetPort: 6443 }],
      },
      {
        name: 'kube-dns',
        namespace: 'kube-system',
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [{ name: 'dns-tcp', port: 53 }],
      },
    );
  }
  const pods = podFixtures.map((p) => makePod(p, nodes, counters));
  const nodePortCounter = { next: 30100 };
  const services = serviceFixtures.map((s, i) => makeService(s, i, nodePortCounter));
  const endpoints: EndpointsState[] = [];
  for (const service of services) {
    const derived = deriveEndpoints(service, pods);
    if (derived) endpoints.push(derived);
  }
  if (fixture.withDns ?? true) {
    const cp = nodes[0];
    if (cp) {
      endpoints.push({
        metadata: { name: 'kubernetes', namespace: 'default', labels: {}, annotations: {} },
        subsets: [
          {
            addresses: [{ ip: cp.ip }],
            notReadyAddresses: [],
            ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
          },
        ],
        managed: false,
        createdAt: 0,
      });
    }
  }
  for (const e of fixture.endpoints ?? []) {
    endpoints.push({
      metadata: { name: e.name, namespace: e.namespace ?? 'default', labels: {}, annotations: {} },
      subsets: e.subsets,
      managed: false,
      createdAt: 0,
    });
  }
  const seed = fixture.seed ?? 1;
  return {
    seed,
    rng: seedRng(seed),
    clock: fixture.clock ?? 100,
    settings: {
      name: 'kind',
      podSubnet: '10.244.0.0/16',
      serviceSubnet: '10.96.0.0/16',
      kubeProxyMode: fixture.mode ?? 'iptables',
      dnsDomain: 'cluster.local',
      nodePortRange: { min: 30000, max: 32767 },
      nodeSubnet: '172.18.0.0/16',
    },
    nodes,
    namespaces: [
      { name: 'default', createdAt: 0 },
      { name: 'kube-system', createdAt: 0 },
    ],
    workloads: [],
    pods,
    services,
    endpoints,
    endpointSlices: slicesOf(endpoints),
    ingresses: (fixture.ingresses ?? []).map((i, n) => ({
      manifest: makeIngress(i),
      status: { loadBalancer: { ingress: [] } },
      createdAt: n,
    })),
    ingressClasses: (fixture.ingressClasses ?? []).map((c) => ({
      manifest: {
        kind: 'IngressClass',
        apiVersion: 'networking.k8s.io/v1',
        metadata: { name: c.name, namespace: '', labels: {}, annotations: {} },
        controller: c.controller,
        isDefault: c.isDefault ?? false,
      },
      createdAt: 0,
    })),
    clients: [{ name: 'laptop', ip: '172.18.0.1', hosts: [] }],
    outsideHosts: [],
    events: [],
    affinity: {},
    ipvsCursor: [],
    lbCursor: [],
    diagnostics: [],
  };
}

/** The book's three kubia pods spread over two workers, plus a client pod. */
export function kubiaPods(): PodFixture[] {
  return [
    {
      name: 'kubia-a',
      node: 'kind-worker',
      labels: { app: 'kubia' },
      ports: [{ name: 'http', containerPort: 8080 }],
    },
    {
      name: 'kubia-b',
      node: 'kind-worker2',
      labels: { app: 'kubia' },
      ports: [{ name: 'http', containerPort: 8080 }],
    },
    {
      name: 'kubia-c',
      node: 'kind-worker2',
      labels: { app: 'kubia' },
      ports: [{ name: 'http', containerPort: 8080 }],
    },
    { name: 'client', node: 'kind-worker', image: 'curlimages/curl', labels: { app: 'client' }, ports: [] },
  ];
}

/** Helper for tests: a fresh state with one more ingress. */
export { makeIngress };
