/**
 * A node decorated for the view (the YAML cursor's ring, a lesson's highlight, the roving tab stop) is
 * a copy of the node toFlowElements made. Made afresh at each render, the copy would be a new object
 * for every new cluster, and React Flow re-renders and re-measures a node whose object changed
 * (flowIdentity.ts): at 1,000 pods the cursor sits in a Deployment whose pods are ringed at every
 * keystroke. So each decoration keeps its copy per source object and gives the same copy back while
 * the source object and the decoration are the same.
 */
import type { GraphNode } from './graphData.ts';

export type DecoratedCopies = WeakMap<GraphNode, { decoration: string; copy: GraphNode }>;

export function createDecoratedCopies(): DecoratedCopies {
  return new WeakMap();
}

/** `make(node)` once per (node object, decoration); the same copy afterwards. */
export function decorateOnce(
  copies: DecoratedCopies,
  node: GraphNode,
  decoration: string,
  make: (node: GraphNode) => GraphNode,
): GraphNode {
  const kept = copies.get(node);
  if (kept && kept.decoration === decoration) return kept.copy;
  const copy = make(node);
  copies.set(node, { decoration, copy });
  return copy;
}
