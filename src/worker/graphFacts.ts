/**
 * What the graph draws that takes Kubernetes rules to know: which pods each NetworkPolicy selects, and
 * which ingress controller pods serve each Ingress. The engine side computes them with each simulation
 * (graphFactsOf.ts) and sends them with it, so the page stays a renderer and its first load carries none
 * of that logic (docs/performance.md, "What the first page loads"). This file is the shape only: the
 * page imports it.
 */
import type { GraphId, PolicySelection } from '../engine/index.ts';

export interface GraphFacts {
  /** Every NetworkPolicy, in state order, with the pods it selects (the enforcement's own selection). */
  policies: PolicySelection[];
  /** `ing/<ns>/<name>` -> the controller pods (`pod/<ns>/<name>`) that serve it. */
  ingressControllers: Record<GraphId, GraphId[]>;
}

export const NO_GRAPH_FACTS: GraphFacts = { policies: [], ingressControllers: {} };
