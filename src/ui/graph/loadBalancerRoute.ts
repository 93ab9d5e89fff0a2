/**
 * Load balancer -> node edges, routed around the cards: a curve from the load balancer column to a
 * node's top crossed every card on the way (the control-plane node's in the kind scenarios). The route
 * runs down a lane outside the cluster's left border, along the gap under the target node's row, and
 * up into the node's bottom edge, so it crosses no card and no text, and the edges to all nodes share
 * one trunk (the load balancer feeds every node).
 *
 * Pure: the lane and the gaps come from the laid-out positions.
 */
import type { GraphEdge, GraphNode } from './graphData.ts';
import { CLUSTER, KUBE_NODE, OUTSIDE } from './layoutMetrics.ts';

export const LB_EDGE_TYPE = 'lbRoute';
/** The node's handle the route enters by (KubeNode.tsx). */
export const LB_TARGET_HANDLE = 'lb';

export interface LbRouteData extends Record<string, unknown> {
  /** The vertical lane, between the outside column and the cluster's border (flow coordinates). */
  laneX: number;
  /** Above the cluster: where a load balancer drawn over the cluster (a tall pane) turns to the lane. */
  aboveY: number;
  /** The gap under the target node's row, where the route runs to the node. */
  gapY: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The route's data for an edge into `target`, one of the Kubernetes nodes `rows` (absolute boxes). */
export function lbRouteData(cluster: { x: number; y: number }, target: Box, rows: Box[]): LbRouteData {
  const rowBottom = Math.max(
    target.y + target.height,
    ...rows.filter((b) => b.y === target.y).map((b) => b.y + b.height),
  );
  return {
    laneX: cluster.x - OUTSIDE.margin / 2,
    aboveY: cluster.y - OUTSIDE.margin / 2,
    gapY: rowBottom + Math.min(KUBE_NODE.gap, CLUSTER.padding) / 2,
  };
}

/** The SVG path from the load balancer's right handle (sx, sy) to the node's bottom handle (tx, ty). */
export function getLbRoutePath(sx: number, sy: number, tx: number, ty: number, data: LbRouteData): string {
  // A load balancer above the cluster (tall pane) steps right, off its own card, and drops into the
  // margin above the cluster before it turns to the lane; one on the left goes straight to the lane.
  const detour = sy < data.aboveY ? ` H ${sx + OUTSIDE.gap / 2} V ${data.aboveY}` : '';
  return `M ${sx} ${sy}${detour} H ${data.laneX} V ${data.gapY} H ${tx} V ${ty}`;
}

/** Turns the plain load balancer edges into routed ones, once positions are known. */
export function routeLoadBalancerEdges(
  edges: GraphEdge[],
  nodes: GraphNode[],
  absolute: ReadonlyMap<string, { x: number; y: number }>,
  clusterId: string,
): void {
  const cluster = absolute.get(clusterId);
  if (!cluster) return;
  const boxOf = (n: GraphNode): Box | null => {
    const at = absolute.get(n.id);
    return at ? { x: at.x, y: at.y, width: n.width ?? 0, height: n.height ?? 0 } : null;
  };
  const kubeNodes = new Map<string, Box>();
  for (const n of nodes) {
    const box = n.type === 'node' ? boxOf(n) : null;
    if (box) kubeNodes.set(n.id, box);
  }
  const rows = [...kubeNodes.values()];
  edges.forEach((e, i) => {
    const target = e.source.startsWith('lb/') ? kubeNodes.get(e.target) : undefined;
    if (!target) return;
    edges[i] = {
      ...e,
      type: LB_EDGE_TYPE,
      targetHandle: LB_TARGET_HANDLE,
      data: lbRouteData(cluster, target, rows),
    };
  });
}
