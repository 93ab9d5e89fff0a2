/**
 * The card of each kind of object, where the layout put it: what it shows (its data), its size and
 * its parent (in-cluster cards sit in the cluster frame, pods in their node). Pure.
 */
import type {
  ClusterState,
  EndpointsState,
  IngressState,
  NodeState,
  PodState,
  ServiceState,
} from '../../engine/index.ts';
import { graphIdOfOutsideHost, isTerminating } from '../../engine/index.ts';
import type { GraphNode, ServiceData } from './graphData.ts';
import { formatLabels, formatServicePorts, serviceNotes } from './graphLabels.ts';
import { CARD, KUBE_NODE, OUTSIDE, POD } from './layoutMetrics.ts';
import { CLUSTER_ID, graphNode } from './toFlowElements.nodes.ts';

type Point = { x: number; y: number };
type Size = { width: number; height: number };
type Client = ClusterState['clients'][number];
type OutsideHost = NonNullable<ClusterState['outsideHosts']>[number];

const addresses = (svc: { status: ServiceState['status'] }) =>
  svc.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(',');

export function clusterFrame(state: ClusterState, stale: boolean, size: Size): GraphNode {
  const { settings } = state;
  return graphNode(
    CLUSTER_ID,
    'cluster',
    {
      kind: 'cluster',
      name: settings.name,
      podSubnet: settings.podSubnet,
      serviceSubnet: settings.serviceSubnet,
      proxyMode: settings.kubeProxyMode,
      stale,
    },
    { x: 0, y: 0 },
    size,
  );
}

/** The cluster DNS: one card for CoreDNS and the kube-dns Service (found in the whole state). */
export function dnsCard(id: string, state: ClusterState, at: Point): GraphNode {
  const dnsService = state.services.find(
    (x) => x.manifest.metadata.namespace === 'kube-system' && x.manifest.metadata.name === 'kube-dns',
  );
  return graphNode(
    id,
    'dns',
    { kind: 'dns', domain: state.settings.dnsDomain, ip: dnsService?.manifest.spec.clusterIP ?? '' },
    at,
    { width: CARD.width, height: CARD.ingressHeight },
    CLUSTER_ID,
  );
}

export function ingressCard(id: string, ing: IngressState, at: Point): GraphNode {
  const meta = ing.manifest.metadata;
  const hosts = ing.manifest.spec.rules.map((r) => r.host ?? '*').join(', ');
  return graphNode(
    id,
    'ingress',
    {
      kind: 'ingress',
      name: meta.name,
      hosts: hosts || '*',
      className: ing.manifest.spec.ingressClassName ?? meta.annotations['kubernetes.io/ingress.class'] ?? '',
      address: addresses(ing),
    },
    at,
    { width: CARD.width, height: CARD.ingressHeight },
    CLUSTER_ID,
  );
}

export function serviceCard(id: string, svc: ServiceState, at: Point): GraphNode {
  const meta = svc.manifest.metadata;
  const spec = svc.manifest.spec;
  const data: ServiceData = {
    kind: 'service',
    name: meta.name,
    namespace: meta.namespace,
    type: spec.type,
    clusterIP: spec.clusterIP ?? '',
    ports: formatServicePorts(svc),
    externalIP: addresses(svc),
    notes: serviceNotes(svc),
  };
  return graphNode(id, 'service', data, at, { width: CARD.width, height: CARD.serviceHeight }, CLUSTER_ID);
}

export function endpointsCard(id: string, ep: EndpointsState, at: Point): GraphNode {
  const ready = ep.subsets.reduce((n, s) => n + s.addresses.length, 0);
  const notReady = ep.subsets.reduce((n, s) => n + s.notReadyAddresses.length, 0);
  return graphNode(
    id,
    'endpoints',
    { kind: 'endpoints', name: ep.metadata.name, ready, notReady },
    at,
    { width: CARD.width, height: CARD.endpointsHeight },
    CLUSTER_ID,
  );
}

/** A Kubernetes node: the group its pods are drawn in, sized by the layout. */
export function kubeNodeCard(id: string, n: NodeState, at: Point, size: Size | undefined): GraphNode {
  return graphNode(
    id,
    'node',
    { kind: 'node', name: n.name, ip: n.ip, podCIDR: n.podCIDR, up: n.up, role: n.role },
    at,
    size ?? { width: KUBE_NODE.minWidth, height: KUBE_NODE.minHeight },
    CLUSTER_ID,
  );
}

export function podCard(id: string, pod: PodState, at: Point, nodeId: string): GraphNode {
  return graphNode(
    id,
    'pod',
    {
      kind: 'pod',
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      ip: pod.status.podIP,
      ready: pod.status.ready,
      phase: pod.status.phase,
      terminating: isTerminating(pod),
      labels: formatLabels(pod.metadata.labels),
      ingressController: false,
    },
    at,
    { width: POD.width, height: POD.height },
    nodeId,
  );
}

export function clientCard(id: string, c: Pick<Client, 'name' | 'ip' | 'hosts'>, at: Point): GraphNode {
  return graphNode(id, 'client', { kind: 'client', name: c.name, ip: c.ip, hosts: c.hosts }, at, {
    width: OUTSIDE.width,
    height: OUTSIDE.height,
  });
}

/** A server outside the cluster (an OutsideHost). */
export function outsideHostCard(h: OutsideHost, at: Point): GraphNode {
  return graphNode(
    graphIdOfOutsideHost(h.name),
    'outside',
    { kind: 'outside', name: h.name, ip: h.address, hostnames: h.hostnames.join(', ') },
    at,
    { width: OUTSIDE.width, height: OUTSIDE.height },
  );
}

/** The load balancer in front of the nodes for a Service of type LoadBalancer. */
export function loadBalancerCard(id: string, svc: ServiceState, at: Point): GraphNode {
  return graphNode(
    id,
    'lb',
    {
      kind: 'lb',
      name: svc.manifest.metadata.name,
      ip: addresses(svc) || '<pending>',
      ports: svc.manifest.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(','),
    },
    at,
    { width: OUTSIDE.width, height: OUTSIDE.height },
  );
}
