/**
 * ClusterState -> React Flow nodes and edges, placed by clusterLayout.ts for the pane's shape class.
 * The layout depends only on ids, counts and that class, so an edit that changes an IP or a label
 * moves nothing; dragged positions (overrides) always win. Structural edges are few: a Service owns
 * its Endpoints (one short edge) and the Endpoints reach their pods as one bus (endpointsBus.ts).
 *
 * Pure: no React, no DOM. Ids are the Trace's graph ids (src/engine/trace.ts).
 */
import type { ClusterState, GraphId, PodState, PolicySelection } from '../../engine/index.ts';
import { graphIdOfOutsideHost, isTerminating } from '../../engine/index.ts';
import type { FlowElements, GraphEdge, GraphNode, LayoutOverrides, ServiceData } from './graphData.ts';
import { formatLabels, formatServicePorts, serviceNotes } from './graphLabels.ts';
import { layoutCluster } from './clusterLayout.ts';
import { getAbsoluteOrigins } from './flowIdentity.ts';
import { routeLoadBalancerEdges } from './loadBalancerRoute.ts';
import { routeIngressEdges } from './cardRoutes.ts';
import { CLUSTER_ID, graphEdge, graphNode, policyGraphNode } from './toFlowElements.nodes.ts';
import { structuralEdges } from './toFlowElements.edges.ts';
import { CARD, KUBE_NODE, OUTSIDE, POD } from './layoutMetrics.ts';
import type { GraphShape } from './layoutMetrics.ts';
import { withoutSystemObjects } from './systemObjects.ts';
import { withPolicyCells } from './networkPolicyCells.ts';

export { reuseUnchanged, getAbsoluteCenters } from './flowIdentity.ts';
export { formatServicePorts } from './graphLabels.ts';

export interface FlowInput {
  state: ClusterState;
  /** Pods that run an ingress controller serving each Ingress (the engine's, worker/graphFacts.ts). */
  ingressControllers: Record<GraphId, GraphId[]>;
  /** Every NetworkPolicy with the pods it selects (the engine's, worker/graphFacts.ts). */
  policies: PolicySelection[];
  stale: boolean;
  /**
   * Hide the cluster's own plumbing (CoreDNS pods, the kube-dns and kubernetes Services and their
   * Endpoints); the DNS card stands for them. Ingress controller pods always show.
   */
  hideSystem?: boolean;
  /** The pane's shape class: a wide pane gets a wide layout, a tall one a tall layout. */
  shape?: GraphShape;
}

export { CLUSTER_ID };
export const DNS_ID = 'dns';
export const DEFAULT_CLIENT = 'laptop';

export function podId(pod: PodState): GraphId {
  return `pod/${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** Layout + mapping in one pass. Call `reuseUnchanged` on the result to keep React's work small. */
export function toFlowElements(input: FlowInput, overrides: LayoutOverrides = {}): FlowElements {
  const state = input.hideSystem ? withoutSystemObjects(input.state, input.ingressControllers) : input.state;
  const shape = input.shape ?? 'wide';
  const dnsService = input.state.services.find(
    (x) => x.manifest.metadata.namespace === 'kube-system' && x.manifest.metadata.name === 'kube-dns',
  );
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const known = new Set<string>();
  const add = (n: GraphNode) => {
    known.add(n.id);
    nodes.push(n);
  };

  const podsByNode = new Map<string, PodState[]>();
  for (const pod of state.pods) {
    const list = podsByNode.get(pod.spec.nodeName) ?? [];
    list.push(pod);
    podsByNode.set(pod.spec.nodeName, list);
  }
  // System objects (kube-system) go last, so the user's own come first.
  const systemLast = <T>(items: T[], ns: (item: T) => string) =>
    [...items].sort((a, b) => Number(ns(a) === 'kube-system') - Number(ns(b) === 'kube-system'));
  const services = systemLast(state.services, (s) => s.manifest.metadata.namespace);
  const ingresses = state.ingresses;
  const serviceKeys = new Set(
    services.map((x) => `${x.manifest.metadata.namespace}/${x.manifest.metadata.name}`),
  );
  const endpointKeys = new Set(state.endpoints.map((e) => `${e.metadata.namespace}/${e.metadata.name}`));
  const orphanEndpoints = state.endpoints.filter(
    (e) => !serviceKeys.has(`${e.metadata.namespace}/${e.metadata.name}`),
  );
  const clients = state.clients.length ? state.clients : [{ name: DEFAULT_CLIENT, ip: '', hosts: [] }];
  const outsideHosts = state.outsideHosts ?? [];
  const balanced = services.filter((s) => s.manifest.spec.type === 'LoadBalancer');
  const key = (m: { namespace: string; name: string }) => `${m.namespace}/${m.name}`;
  const policies = shownSelections(input.policies, state);

  const layout = layoutCluster({
    shape,
    nodes: state.nodes.map((n) => ({
      id: `node/${n.name}`,
      pods: (podsByNode.get(n.name) ?? []).map(podId),
    })),
    cells: [
      { card: DNS_ID, short: true },
      ...ingresses.map((ing) => ({ card: `ing/${key(ing.manifest.metadata)}`, short: true })),
      ...withPolicyCells(
        services.map((svc) => {
          const k = key(svc.manifest.metadata);
          return { card: `svc/${k}`, ...(endpointKeys.has(k) ? { below: `ep/${k}` } : {}) };
        }),
        policies,
      ),
      ...orphanEndpoints.map((ep) => ({ below: `ep/${key(ep.metadata)}` })),
    ],
    // Servers outside the cluster stand in the same column as the clients, below them.
    clients: [
      ...clients.map((c) => `client/${c.name}`),
      ...outsideHosts.map((h) => graphIdOfOutsideHost(h.name)),
    ],
    balancers: balanced.map((svc) => `lb/${key(svc.manifest.metadata)}`),
  });
  const at = (id: string): { x: number; y: number } =>
    overrides[id] ?? layout.positions.get(id) ?? { x: 0, y: 0 };

  add(
    graphNode(
      CLUSTER_ID,
      'cluster',
      {
        kind: 'cluster',
        name: state.settings.name,
        podSubnet: state.settings.podSubnet,
        serviceSubnet: state.settings.serviceSubnet,
        proxyMode: state.settings.kubeProxyMode,
        stale: input.stale,
      },
      { x: 0, y: 0 },
      layout.cluster,
    ),
  );

  // The band of cells: the DNS, the Ingresses, then each Service with its Endpoints right under it.
  add(
    graphNode(
      DNS_ID,
      'dns',
      { kind: 'dns', domain: state.settings.dnsDomain, ip: dnsService?.manifest.spec.clusterIP ?? '' },
      at(DNS_ID),
      { width: CARD.width, height: CARD.ingressHeight },
      CLUSTER_ID,
    ),
  );
  for (const ing of ingresses) {
    const meta = ing.manifest.metadata;
    const id = `ing/${meta.namespace}/${meta.name}`;
    const hosts = ing.manifest.spec.rules.map((r) => r.host ?? '*').join(', ');
    add(
      graphNode(
        id,
        'ingress',
        {
          kind: 'ingress',
          name: meta.name,
          hosts: hosts || '*',
          className:
            ing.manifest.spec.ingressClassName ?? meta.annotations['kubernetes.io/ingress.class'] ?? '',
          address: ing.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(','),
        },
        at(id),
        { width: CARD.width, height: CARD.ingressHeight },
        CLUSTER_ID,
      ),
    );
  }

  for (const svc of services) {
    const meta = svc.manifest.metadata;
    const spec = svc.manifest.spec;
    const id = `svc/${meta.namespace}/${meta.name}`;
    const data: ServiceData = {
      kind: 'service',
      name: meta.name,
      namespace: meta.namespace,
      type: spec.type,
      clusterIP: spec.clusterIP ?? '',
      ports: formatServicePorts(svc),
      externalIP: svc.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(','),
      notes: serviceNotes(svc),
    };
    add(
      graphNode(id, 'service', data, at(id), { width: CARD.width, height: CARD.serviceHeight }, CLUSTER_ID),
    );
  }

  for (const policy of policies) add(policyGraphNode(policy, at(policy.id)));

  for (const ep of state.endpoints) {
    const meta = ep.metadata;
    const id = `ep/${meta.namespace}/${meta.name}`;
    const ready = ep.subsets.reduce((n, s) => n + s.addresses.length, 0);
    const notReady = ep.subsets.reduce((n, s) => n + s.notReadyAddresses.length, 0);
    add(
      graphNode(
        id,
        'endpoints',
        { kind: 'endpoints', name: meta.name, ready, notReady },
        at(id),
        { width: CARD.width, height: CARD.endpointsHeight },
        CLUSTER_ID,
      ),
    );
  }

  // --- the nodes band, each node a group of its pods
  for (const n of state.nodes) {
    const nodeGraphId = `node/${n.name}`;
    add(
      graphNode(
        nodeGraphId,
        'node',
        { kind: 'node', name: n.name, ip: n.ip, podCIDR: n.podCIDR, up: n.up, role: n.role },
        at(nodeGraphId),
        layout.nodeSizes.get(nodeGraphId) ?? { width: KUBE_NODE.minWidth, height: KUBE_NODE.minHeight },
        CLUSTER_ID,
      ),
    );
    for (const pod of podsByNode.get(n.name) ?? []) {
      const id = podId(pod);
      add(
        graphNode(
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
          at(id),
          { width: POD.width, height: POD.height },
          nodeGraphId,
        ),
      );
    }
  }

  // --- outside the cluster: clients, then load balancers
  for (const c of clients) {
    const id = `client/${c.name}`;
    add(
      graphNode(id, 'client', { kind: 'client', name: c.name, ip: c.ip }, at(id), {
        width: OUTSIDE.width,
        height: OUTSIDE.height,
      }),
    );
  }
  for (const h of outsideHosts) {
    const id = graphIdOfOutsideHost(h.name);
    add(
      graphNode(
        id,
        'outside',
        { kind: 'outside', name: h.name, ip: h.address, hostnames: h.hostnames.join(', ') },
        at(id),
        { width: OUTSIDE.width, height: OUTSIDE.height },
      ),
    );
  }
  for (const svc of balanced) {
    const meta = svc.manifest.metadata;
    const id = `lb/${meta.namespace}/${meta.name}`;
    add(
      graphNode(
        id,
        'lb',
        {
          kind: 'lb',
          name: meta.name,
          ip: svc.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(',') || '<pending>',
          ports: svc.manifest.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(','),
        },
        at(id),
        { width: OUTSIDE.width, height: OUTSIDE.height },
      ),
    );
    for (const n of state.nodes)
      edges.push(graphEdge(id, `node/${n.name}`, n.up ? 'kp-edge-lb' : 'kp-edge-lb kp-edge-down'));
  }

  // --- edges: Service -> its Endpoints (one short edge), Endpoints -> the pods they list as one bus;
  // Ingress -> backends and controllers
  const absolute = getAbsoluteOrigins(nodes);
  routeLoadBalancerEdges(edges, nodes, absolute, CLUSTER_ID);
  for (const e of structuralEdges(state, nodes, absolute, known, input.ingressControllers)) edges.push(e);
  routeIngressEdges(edges, nodes, absolute, CLUSTER_ID);
  const controllerPods = new Set(Object.values(input.ingressControllers).flat());
  for (const n of nodes) {
    if (n.data.kind === 'pod' && controllerPods.has(n.id)) n.data = { ...n.data, ingressController: true };
  }
  return { nodes, edges };
}

/**
 * The selections as drawn: a policy's pods that the graph hides (CoreDNS with the system objects off)
 * get no edge; the policy card itself stays.
 */
function shownSelections(policies: PolicySelection[], state: ClusterState): PolicySelection[] {
  if (policies.length === 0) return policies;
  const shown = new Set(state.pods.map(podId));
  return policies.map((p) =>
    p.pods.every((id) => shown.has(id)) ? p : { ...p, pods: p.pods.filter((id) => shown.has(id)) },
  );
}
