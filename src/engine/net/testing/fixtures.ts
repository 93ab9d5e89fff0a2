/**
 * Clusters for the data-plane tests, built by the engine itself: each helper writes ordinary
 * manifests (a kind Cluster config, Pods placed with spec.nodeName as the test says, Services,
 * Ingresses, IngressClasses, and MetalLB's pool when a Service is a LoadBalancer) and runs
 * createSimulation on them, so the system objects (nodes and their IPs, kube-dns and CoreDNS, the
 * kubernetes Service, Endpoints and EndpointSlices, ClusterIPs, node ports) are the ones the app
 * shows. What a test does to the cluster (a node down, a pod not ready) is an action, as in the app.
 * Tests read addresses from the state (`clusterIpOf`, `podIpOf`, `nodeIpOf`) rather than pinning them.
 */
import { stringify } from 'yaml';
import type { Action } from '../../model/actions.ts';
import type { IngressBackend, IngressRule, KubeProxyMode } from '../../model/objects.ts';
import type { ClusterState, PodState, ServiceState } from '../../model/state.ts';
import { applyAction, createSimulation } from '../../sim/simulation.ts';
import type { Simulation } from '../../sim/simulation.ts';
import { playCloudController } from './cloudController.ts';

export interface NodeFixture {
  /** kind's own name for the node at that place (kind-control-plane, kind-worker, kind-worker2, ...). */
  name: string;
  /** false: the node goes down after the cluster is built (the `node` action). */
  up?: boolean;
}

export interface PodFixture {
  name: string;
  namespace?: string;
  /** spec.nodeName: the pod runs there without going through the scheduler. */
  node: string;
  image?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ports?: { name?: string; containerPort: number; hostPort?: number }[];
  args?: string[];
  /** false: kubelet reports the pod not ready (the `podReady` action). */
  ready?: boolean;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: 'ClusterFirst' | 'Default' | 'ClusterFirstWithHostNet' | 'None';
}

export interface ServiceFixture {
  name: string;
  namespace?: string;
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  selector?: Record<string, string>;
  ports?: {
    name?: string;
    port: number;
    targetPort?: number | string;
    nodePort?: number;
    protocol?: 'TCP' | 'UDP';
  }[];
  /** spec.clusterIP as a manifest writes it ('None' for a headless Service). */
  clusterIP?: string;
  /** More of the Service's spec, as written in YAML (externalTrafficPolicy, sessionAffinityConfig, ...). */
  spec?: Record<string, unknown>;
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
  /** The kind topology, in kind's order (default: one control plane and two workers). */
  nodes?: NodeFixture[];
  pods?: PodFixture[];
  services?: ServiceFixture[];
  ingresses?: IngressFixture[];
  ingressClasses?: { name: string; controller: string; isDefault?: boolean }[];
  seed?: number;
  /** false: both CoreDNS pods report not ready (the `podReady` action), so kube-dns has no endpoint. */
  dnsReady?: boolean;
  /**
   * Who gives LoadBalancer Services their address: MetalLB in layer 2 mode (default, as the scenarios
   * do), or a cloud load balancer in front of the nodes (playCloudController, from CLOUD_LB_FIRST).
   */
  loadBalancers?: 'metallb' | 'cloud';
}

/** The first address the `cloud` fixtures patch into a LoadBalancer Service's status (TEST-NET-3). */
const CLOUD_LB_FIRST = 10;

const DEFAULT_NODES: NodeFixture[] = [
  { name: 'kind-control-plane' },
  { name: 'kind-worker' },
  { name: 'kind-worker2' },
];

/** The address range MetalLB hands LoadBalancer Services, as the loadbalancer scenario configures it. */
const METALLB_POOL = '172.18.255.200-172.18.255.250';

/** kind names the first control plane kind-control-plane and the workers kind-worker, kind-worker2, ... */
function kindConfig(nodes: NodeFixture[], mode: KubeProxyMode | undefined): object {
  let workers = 0;
  const roles = nodes.map((node, i) => {
    if (i === 0 && node.name === 'kind-control-plane') return { role: 'control-plane' };
    const expected = workers === 0 ? 'kind-worker' : `kind-worker${workers + 1}`;
    if (node.name !== expected)
      throw new Error(`kind would name node ${i + 1} ${i === 0 ? 'kind-control-plane' : expected}`);
    workers += 1;
    return { role: 'worker' };
  });
  return {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    ...(mode ? { networking: { kubeProxyMode: mode } } : {}),
    nodes: roles,
  };
}

function namespaceManifest(name: string): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

// `yaml` leaves out keys whose value is undefined, so a field the test did not set is not written.

/** The metadata of a namespaced object the test names. */
function metadataOf(o: {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}): object {
  return { name: o.name, namespace: o.namespace ?? 'default', labels: o.labels, annotations: o.annotations };
}

function podManifest(pod: PodFixture): object {
  const ports = pod.ports ?? [{ containerPort: 8080 }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadataOf(pod),
    spec: {
      nodeName: pod.node,
      hostname: pod.hostname,
      subdomain: pod.subdomain,
      hostNetwork: pod.hostNetwork,
      dnsPolicy: pod.dnsPolicy,
      containers: [
        {
          name: 'app',
          image: pod.image ?? 'luksa/kubia',
          args: pod.args,
          ports: ports.length > 0 ? ports : undefined,
        },
      ],
    },
  };
}

function serviceManifest(svc: ServiceFixture): object {
  const { type, selector, clusterIP, ports } = svc;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataOf(svc),
    spec: { type, selector, clusterIP, ports, ...svc.spec },
  };
}

/** An Ingress backend: a Service and its port, by number or by name. */
function backendOf(name: string, port: number | string): IngressBackend {
  return { service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } };
}

function ingressManifest(ingress: IngressFixture): object {
  const rules = (ingress.rules ?? []).map((r) => ({ host: r.host, http: { paths: r.paths } }));
  const backend = ingress.defaultBackend;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadataOf(ingress),
    spec: {
      ingressClassName: ingress.className,
      defaultBackend: backend && backendOf(backend.service, backend.port),
      rules: rules.length > 0 ? rules : undefined,
    },
  };
}

function ingressClassManifest(c: { name: string; controller: string; isDefault?: boolean }): object {
  const annotations = c.isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : undefined;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: c.name, annotations },
    spec: { controller: c.controller },
  };
}

/** MetalLB's pool and L2 advertisement, as kind's docs install it (https://kind.sigs.k8s.io/docs/user/loadbalancer/). */
function metallbManifests(): object[] {
  return [
    namespaceManifest('metallb-system'),
    {
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { name: 'kind-pool', namespace: 'metallb-system' },
      spec: { addresses: [METALLB_POOL] },
    },
    {
      apiVersion: 'metallb.io/v1beta1',
      kind: 'L2Advertisement',
      metadata: { name: 'kind-l2', namespace: 'metallb-system' },
      spec: { ipAddressPools: ['kind-pool'] },
    },
  ];
}

const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** The fixture as the YAML a user would write for it. */
function fixtureYaml(fixture: StateFixture = {}): string {
  const pods = fixture.pods ?? [];
  const services = fixture.services ?? [];
  const ingresses = fixture.ingresses ?? [];
  const namespaces = new Set(
    [...pods, ...services, ...ingresses]
      .map((o) => o.namespace ?? 'default')
      .filter((n) => !SYSTEM_NAMESPACES.has(n)),
  );
  const documents: object[] = [
    kindConfig(fixture.nodes ?? DEFAULT_NODES, fixture.mode),
    ...[...namespaces].map(namespaceManifest),
    ...(fixture.loadBalancers !== 'cloud' && services.some((s) => s.type === 'LoadBalancer')
      ? metallbManifests()
      : []),
    ...(fixture.ingressClasses ?? []).map(ingressClassManifest),
    ...pods.map(podManifest),
    ...services.map(serviceManifest),
    ...ingresses.map(ingressManifest),
  ];
  return documents.map((d) => stringify(d)).join('---\n');
}

/** What the test does after the cluster is built: nodes down, pods not ready. */
function fixtureActions(fixture: StateFixture, built: ClusterState): Action[] {
  const actions: Action[] = [];
  for (const node of fixture.nodes ?? []) {
    if (node.up === false) actions.push({ type: 'node', name: node.name, up: false });
  }
  for (const pod of fixture.pods ?? []) {
    if (pod.ready === false)
      actions.push({ type: 'podReady', namespace: pod.namespace ?? 'default', name: pod.name, ready: false });
  }
  if (fixture.dnsReady === false) {
    for (const pod of built.pods.filter((p) => p.metadata.labels['k8s-app'] === 'kube-dns'))
      actions.push({ type: 'podReady', namespace: 'kube-system', name: pod.metadata.name, ready: false });
  }
  return actions;
}

/** The simulation of the fixture; throws on an error diagnostic, so a fixture the engine refuses is never tested on. */
function makeSimulation(fixture: StateFixture = {}): Simulation {
  const built = createSimulation({
    files: [{ file: 'fixture.yaml', text: fixtureYaml(fixture) }],
    seed: fixture.seed ?? 1,
  });
  const acted = fixtureActions(fixture, built.state).reduce(applyAction, built);
  const sim = fixture.loadBalancers === 'cloud' ? playCloudController(acted, CLOUD_LB_FIRST) : acted;
  const errors = sim.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`the fixture has errors: ${errors.map((d) => `${d.line}: ${d.message}`).join('; ')}`);
  return sim;
}

export function makeState(fixture: StateFixture = {}): ClusterState {
  return makeSimulation(fixture).state;
}

/** A rule helper: `rule('kubia.example.com', ['/', 'Prefix', 'kubia', 80])`. */
export function rule(
  host: string | undefined,
  ...paths: [string, 'Exact' | 'Prefix' | 'ImplementationSpecific', string, number | string][]
): IngressRule {
  return {
    ...(host !== undefined ? { host } : {}),
    paths: paths.map(([path, pathType, name, port]) => ({ path, pathType, backend: backendOf(name, port) })),
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

export function podOf(state: ClusterState, name: string, namespace = 'default'): PodState {
  const pod = state.pods.find((p) => p.metadata.name === name && p.metadata.namespace === namespace);
  if (!pod) throw new Error(`no pod ${namespace}/${name}`);
  return pod;
}

export function podIpOf(state: ClusterState, name: string, namespace = 'default'): string {
  return podOf(state, name, namespace).status.podIP;
}

export function nodeIpOf(state: ClusterState, name: string): string {
  const node = state.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node ${name}`);
  return node.ip;
}

function serviceOf(state: ClusterState, name: string, namespace: string): ServiceState | undefined {
  return state.services.find(
    (s) => s.manifest.metadata.name === name && s.manifest.metadata.namespace === namespace,
  );
}

export function clusterIpOf(state: ClusterState, name: string, namespace = 'default'): string {
  const ip = serviceOf(state, name, namespace)?.manifest.spec.clusterIP;
  if (!ip) throw new Error(`no ClusterIP for ${namespace}/${name}`);
  return ip;
}

export function loadBalancerIpOf(state: ClusterState, name: string, namespace = 'default'): string {
  const ip = serviceOf(state, name, namespace)?.status.loadBalancer.ingress[0]?.ip;
  if (!ip) throw new Error(`no load-balancer address for ${namespace}/${name}`);
  return ip;
}

/** A CoreDNS pod as a request source (`pod/kube-system/coredns-…`: its ReplicaSet names it at random). */
export function coreDnsSource(state: ClusterState): string {
  const pod = state.pods.find((p) => p.metadata.labels['k8s-app'] === 'kube-dns');
  if (!pod) throw new Error('no CoreDNS pod');
  return `pod/kube-system/${pod.metadata.name}`;
}
