/**
 * What the focused request touches, for drawing its path loud and the rest quiet, and which Service
 * rule was consulted. The DNAT hop happens at a node (kube-proxy's rules live there, not in a box in
 * the middle of the network); from that hop on, the Service and its Endpoints (and the branch to the
 * pod the rule picked) are marked as the rule consulted, without the packet passing through them.
 * See https://kubernetes.io/docs/reference/networking/virtual-ips/
 *
 * Pure: no React, no DOM.
 */
import type { GraphId, Trace } from '../../engine/index.ts';
import { readHops } from '../../engine/index.ts';
import type { GraphEdge, GraphNode } from './graphData.ts';

export interface Consulted {
  service: GraphId;
  endpoints: GraphId;
  /** The pod the rule chose, when the request went to one. */
  pod: GraphId | null;
}

/** The Service consulted by the request by hop `hop` (its DNAT has happened), or null. */
export function getConsulted(trace: Trace, hop: number): Consulted | null {
  if (!trace.service) return null;
  const dnat = readHops(trace).findIndex((h) => h.kind === 'dnat');
  if (dnat < 0 || hop < dnat) return null;
  return {
    service: `svc/${trace.service}`,
    endpoints: `ep/${trace.service}`,
    pod: trace.endpoint?.pod ? `pod/${trace.endpoint.pod}` : null,
  };
}

/** Every graph object the request touches: the hops' places, its Service and Endpoints, the pod. */
export function getTouchedIds(trace: Trace, nodes: readonly GraphNode[]): Set<GraphId> {
  const touched = new Set<GraphId>([trace.from, ...readHops(trace).map((h) => h.at)]);
  if (trace.service) touched.add(`svc/${trace.service}`).add(`ep/${trace.service}`);
  if (trace.endpoint?.pod) touched.add(`pod/${trace.endpoint.pod}`);
  // A touched pod's node frame and the cluster frame stay, so the pod is seen where it runs.
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  for (const id of [...touched]) {
    for (let p = parents.get(id); p; p = parents.get(p)) touched.add(p);
  }
  return touched;
}

/** Edges on the path: both ends touched (an Endpoints bus counts when its Endpoints were consulted). */
export function getTouchedEdgeIds(edges: readonly GraphEdge[], touched: ReadonlySet<GraphId>): GraphId[] {
  return edges
    .filter((e) => touched.has(e.source) && (e.type === 'bus' || touched.has(e.target)))
    .map((e) => e.id);
}
