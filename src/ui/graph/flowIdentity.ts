/**
 * Identity and geometry helpers over the mapped graph: keeping unchanged objects (so memoised nodes
 * skip work) and absolute centres (for packet paths). Pure.
 */
import type { FlowElements, GraphNode } from './graphData.ts';

/**
 * Equal plain data (what JSON.stringify would print alike, key order aside): the nodes' and edges'
 * fields, compared without building two strings per node (1,500 nodes at each edit).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys)
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameValue(x[key], y[key])) return false;
  return true;
}

/**
 * Keeps the previous object for every node and edge whose content did not change, so React Flow and
 * the memoised node components skip them (docs/decisions.md#animation).
 */
export function reuseUnchanged(previous: FlowElements | null, next: FlowElements): FlowElements {
  if (!previous) return next;
  const prevNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  const prevEdges = new Map(previous.edges.map((e) => [e.id, e]));
  return {
    nodes: next.nodes.map((n) => {
      const old = prevNodes.get(n.id);
      return old && sameValue(old, n) ? old : n;
    }),
    edges: next.edges.map((e) => {
      const old = prevEdges.get(e.id);
      return old && sameValue(old, e) ? old : e;
    }),
  };
}

/** Top-left corner of every node in flow coordinates (parents' offsets added). */
export function getAbsoluteOrigins(nodes: GraphNode[]): Map<string, { x: number; y: number }> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const origin = new Map<string, { x: number; y: number }>();
  const originOf = (n: GraphNode): { x: number; y: number } => {
    const cached = origin.get(n.id);
    if (cached) return cached;
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const base = parent ? originOf(parent) : { x: 0, y: 0 };
    const value = { x: base.x + n.position.x, y: base.y + n.position.y };
    origin.set(n.id, value);
    return value;
  };
  for (const n of nodes) originOf(n);
  return origin;
}

/** Centre of every node in flow coordinates (parents' offsets added), for the packet paths. */
export function getAbsoluteCenters(nodes: GraphNode[]): Map<string, { x: number; y: number }> {
  const origins = getAbsoluteOrigins(nodes);
  const centers = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const o = origins.get(n.id)!;
    centers.set(n.id, { x: o.x + (n.width ?? 0) / 2, y: o.y + (n.height ?? 0) / 2 });
  }
  return centers;
}
