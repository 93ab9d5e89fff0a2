/**
 * ClusterState -> React Flow nodes and edges, placed by clusterLayout.ts for the pane's shape class.
 * The layout depends only on ids, counts and that class, so an edit that changes an IP or a label
 * moves nothing; dragged positions (overrides) always win. Structural edges are few: a Service owns
 * its Endpoints (one short edge) and the Endpoints reach their pods as one bus (endpointsBus.ts).
 *
 * Pure: no React, no DOM. Ids are the Trace's graph ids (src/engine/trace.ts).
 */
import type { ClusterState, GraphId, PodState, PolicySelection } from '../../engine/index.ts';
import { graphIdOfOutsideHost } from '../../engine/index.ts';
import type { FlowElements, GraphEdge, GraphNode, LayoutOverrides } from './graphData.ts';
import { layoutCluster } from './clusterLayout.ts';
import { getAbsoluteOrigins } from './flowIdentity.ts';
import { routeLoadBalancerEdges } from './loadBalancerRoute.ts';
import { routeIngressEdges } from './cardRoutes.ts';
import { CLUSTER_ID, graphEdge, policyGraphNode } from './toFlowElements.nodes.ts';
import { structuralEdges } from './toFlowElements.edges.ts';
import {
  clientCard,
  clusterFrame,
  dnsCard,
  endpointsCard,
  ingressCard,
  kubeNodeCard,
  loadBalancerCard,
  outsideHostCard,
  podCard,
  serviceCard,
} from './toFlowElements.cards.ts';
import type { GraphShape } from './layoutMetrics.ts';
import { withoutSystemObjects } from './systemObjects.ts';
import { withPolicyCells } from './networkPolicyCells.ts';

export { reuseUnchanged, getAbsoluteCenters } from './flowIdentity.ts';
export { formatServicePorts } from './graphLabels.ts';

export interface FlowInput {
  state: ClusterState;
  /** Pods that run an ingress controller serving each Ingress (the engine's, worker/graphFacts.ts). */
  ingressControllers: Record<GraphId, GraphId[]>;
  /**
   * MetalLB's layer 2 load balancers and the node answering for each address (null: none); the others
   * stand in front of every node (the engine's, worker/graphFacts.ts). Absent: every node.
   */
  announcers?: Record<GraphId, string | null>;
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
  const idOf = (kind: string, m: { namespace: string; name: string }) => `${kind}/${key(m)}`;

  add(clusterFrame(state, input.stale, layout.cluster));
  // The band of cells: the DNS, the Ingresses, then each Service with its Endpoints right under it.
  add(dnsCard(DNS_ID, input.state, at(DNS_ID)));
  for (const ing of ingresses) {
    const id = idOf('ing', ing.manifest.metadata);
    add(ingressCard(id, ing, at(id)));
  }
  for (const svc of services) {
    const id = idOf('svc', svc.manifest.metadata);
    add(serviceCard(id, svc, at(id)));
  }
  for (const policy of policies) add(policyGraphNode(policy, at(policy.id)));
  for (const ep of state.endpoints) {
    const id = idOf('ep', ep.metadata);
    add(endpointsCard(id, ep, at(id)));
  }
  // --- the nodes band, each node a group of its pods
  for (const n of state.nodes) {
    const nodeId = `node/${n.name}`;
    add(kubeNodeCard(nodeId, n, at(nodeId), layout.nodeSizes.get(nodeId)));
    for (const pod of podsByNode.get(n.name) ?? []) add(podCard(podId(pod), pod, at(podId(pod)), nodeId));
  }
  // --- outside the cluster: clients, servers, then load balancers (with their lines to every node)
  for (const c of clients) add(clientCard(`client/${c.name}`, c, at(`client/${c.name}`)));
  for (const h of outsideHosts) add(outsideHostCard(h, at(graphIdOfOutsideHost(h.name))));
  for (const svc of balanced) {
    const id = idOf('lb', svc.manifest.metadata);
    add(loadBalancerCard(id, svc, at(id)));
    const announcer = input.announcers?.[id];
    for (const n of state.nodes) {
      // MetalLB in layer 2 mode: the address lives on the one node that answers ARP for it
      if (announcer !== undefined && n.name !== announcer) continue;
      edges.push(graphEdge(id, `node/${n.name}`, n.up ? 'kp-edge-lb' : 'kp-edge-lb kp-edge-down'));
    }
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
