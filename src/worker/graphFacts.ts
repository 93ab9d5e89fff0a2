/**
 * What the graph draws that takes Kubernetes rules to know: which pods each NetworkPolicy selects,
 * which ingress controller pods serve each Ingress, and which node answers for each MetalLB address.
 * The engine side computes them with each simulation (graphFactsOf.ts) and sends them with it, so the
 * page stays a renderer and its first load carries none of that logic (docs/performance.md, "What the first page loads"). This file is the shape only: the
 * page imports it.
 */
import type { GraphId, PolicySelection } from '../engine/index.ts';

export interface GraphFacts {
  /** Every NetworkPolicy, in state order, with the pods it selects (the enforcement's own selection). */
  policies: PolicySelection[];
  /** `ing/<ns>/<name>` -> the controller pods (`pod/<ns>/<name>`) that serve it. */
  ingressControllers: Record<GraphId, GraphId[]>;
  /**
   * `lb/<ns>/<name>` of each MetalLB (layer 2) load balancer -> the node that answers ARP for its address,
   * or null when none does; a load balancer not listed stands in front of every node.
   */
  announcers: Record<GraphId, string | null>;
}

export const NO_GRAPH_FACTS: GraphFacts = { policies: [], ingressControllers: {}, announcers: {} };
