/**
 * What the exporter draws: every graph node with its absolute box and stacking level, and every edge
 * with its two end points, taken from the nodes and edges React Flow holds (so dragged positions and
 * the current filter are exported as shown). The lines the stage routes (the Endpoints bus, a load
 * balancer's route, an Ingress's route round the cards) carry the very path the stage draws, from the
 * same functions; the others are React Flow's bezier between the handles. Pure: no DOM, no React, so
 * unit tests feed it toFlowElements' output directly.
 */
import { ROUTED_EDGE_TYPE } from '../cardRoutes.ts';
import type { RoutedData } from '../cardRoutes.ts';
import { BUS_EDGE_TYPE, getBusPaths } from '../endpointsBus.ts';
import type { BusData } from '../endpointsBus.ts';
import type { GraphEdge, GraphNode, GraphNodeData } from '../graphData.ts';
import { getLbRoutePath, LB_EDGE_TYPE } from '../loadBalancerRoute.ts';
import type { LbRouteData } from '../loadBalancerRoute.ts';
import { roundedPath } from '../orthogonalRoute.ts';
import { getHandleSide, type HandleSide } from './handleSides.ts';

export interface SnapshotNode {
  id: string;
  data: GraphNodeData;
  x: number;
  y: number;
  width: number;
  height: number;
  /** React Flow's stacking level: a child sits one above its parent (the cluster frame is -1). */
  z: number;
}

export interface EdgeEnd {
  x: number;
  y: number;
  side: HandleSide;
}

export interface SnapshotEdge {
  id: string;
  source: EdgeEnd;
  target: EdgeEnd;
  /** The edge's classes (`kp-edge-endpoint kp-edge-notready` …): they decide colour and dashes. */
  className: string;
  animated: boolean;
  label: string;
  arrow: boolean;
  z: number;
  /**
   * The line as the stage draws it, an SVG path in flow coordinates (a bus, a load balancer's route, a
   * route round the cards); absent, React Flow's bezier between `source` and `target`.
   */
  path?: string;
}

export interface GraphSnapshot {
  nodes: SnapshotNode[];
  edges: SnapshotEdge[];
}

/**
 * React Flow draws a handle as a 6px dot centred on the card's border and starts the edge at the
 * handle's outer side (@xyflow/system getHandlePosition), so edges begin 3px outside the card.
 */
const HANDLE_OUTSET = 3;

function sizeOf(node: GraphNode): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? 0,
    height: node.measured?.height ?? node.height ?? 0,
  };
}

function handlePoint(node: SnapshotNode, side: HandleSide): EdgeEnd {
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  switch (side) {
    case 'top':
      return { x: cx, y: node.y - HANDLE_OUTSET, side };
    case 'bottom':
      return { x: cx, y: node.y + node.height + HANDLE_OUTSET, side };
    case 'left':
      return { x: node.x - HANDLE_OUTSET, y: cy, side };
    case 'right':
      return { x: node.x + node.width + HANDLE_OUTSET, y: cy, side };
  }
}

function hasArrow(edge: GraphEdge): boolean {
  return edge.markerEnd !== undefined && edge.markerEnd !== null && edge.markerEnd !== '';
}

/**
 * The path the stage draws for a routed edge (edges/*.tsx), from the handles' points; undefined for
 * a plain edge. A bus gives two: its trunk with the ready branches, and the not-ready branches (dashed).
 */
function stagePaths(edge: GraphEdge, source: EdgeEnd, target: EdgeEnd): { suffix: string; path: string }[] {
  if (edge.type === BUS_EDGE_TYPE && edge.data) {
    const paths = getBusPaths(source, edge.data as BusData);
    return [
      { suffix: '', path: paths.ready },
      ...(paths.notReady ? [{ suffix: ':notready', path: paths.notReady }] : []),
    ];
  }
  if (edge.type === LB_EDGE_TYPE && edge.data)
    return [
      { suffix: '', path: getLbRoutePath(source.x, source.y, target.x, target.y, edge.data as LbRouteData) },
    ];
  if (edge.type === ROUTED_EDGE_TYPE && edge.data)
    return [{ suffix: '', path: roundedPath((edge.data as RoutedData).points) }];
  return [];
}

/** The side a handle sits on, for this edge's end: a load balancer's route enters its node from below. */
function endSide(edge: GraphEdge, node: SnapshotNode, end: 'source' | 'target'): HandleSide {
  if (end === 'target' && edge.type === LB_EDGE_TYPE) return 'bottom';
  return getHandleSide(node.data.kind, end);
}

export function toGraphSnapshot(nodes: GraphNode[], edges: GraphEdge[]): GraphSnapshot {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = new Map<string, SnapshotNode>();
  const place = (node: GraphNode, seen: Set<string>): SnapshotNode => {
    const done = placed.get(node.id);
    if (done) return done;
    const parent = node.parentId && !seen.has(node.parentId) ? byId.get(node.parentId) : undefined;
    const base = parent ? place(parent, new Set([...seen, node.id])) : undefined;
    const ownZ = typeof node.zIndex === 'number' ? node.zIndex : 0;
    // @xyflow/system calculateChildXYZ: a child is stacked just above its parent.
    const z = base ? Math.max(base.z + 1, ownZ) : ownZ;
    const value: SnapshotNode = {
      id: node.id,
      data: node.data,
      x: (base?.x ?? 0) + node.position.x,
      y: (base?.y ?? 0) + node.position.y,
      ...sizeOf(node),
      z,
    };
    placed.set(node.id, value);
    return value;
  };
  const shown = nodes.filter((n) => !n.hidden);
  const snapshotNodes = shown.map((n) => place(n, new Set([n.id])));

  const snapshotEdges: SnapshotEdge[] = [];
  for (const edge of edges) {
    if (edge.hidden) continue;
    const source = placed.get(edge.source);
    const target = placed.get(edge.target);
    const sourceNode = byId.get(edge.source);
    const targetNode = byId.get(edge.target);
    if (!source || !target || !sourceNode || !targetNode) continue;
    // @xyflow/system getElevatedEdgeZIndex: an edge touching a child node is raised to its level.
    const levelOf = (n: GraphNode, s: SnapshotNode) => (n.parentId ? s.z : 0);
    const drawn: SnapshotEdge = {
      id: edge.id,
      source: handlePoint(source, endSide(edge, source, 'source')),
      target: handlePoint(target, endSide(edge, target, 'target')),
      className: edge.className ?? '',
      animated: edge.animated === true,
      label: typeof edge.label === 'string' || typeof edge.label === 'number' ? String(edge.label) : '',
      arrow: hasArrow(edge),
      z:
        (typeof edge.zIndex === 'number' ? edge.zIndex : 0) +
        Math.max(levelOf(sourceNode, source), levelOf(targetNode, target)),
    };
    const paths = stagePaths(edge, drawn.source, drawn.target);
    if (!paths.length) snapshotEdges.push(drawn);
    for (const { suffix, path } of paths)
      snapshotEdges.push({
        ...drawn,
        id: edge.id + suffix,
        path,
        // The bus's not-ready branches are dashed in the warning colour, as `.kp-bus-notready` draws them.
        className: suffix ? `${drawn.className} kp-edge-notready` : drawn.className,
      });
  }
  return { nodes: snapshotNodes, edges: snapshotEdges };
}
