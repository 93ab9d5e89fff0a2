/**
 * The Ingress edges, routed around the cards: an Ingress's link to its backend Services and its
 * controller pod's link to it were plain curves that crossed the Services band, the Endpoints cards
 * and the nodes' headers (the ingress and Traefik scenarios). Each now runs down the gaps between the
 * cards (orthogonalRoute.ts), beside the Endpoints bus and the load balancer routes rather than on them.
 *
 * Inside the node that holds a route's pod, only the node's header and its pods are in the way (the
 * route leaves through the node's border); every other node is one box, so a cluster of hundreds of
 * pods gives the router a few dozen boxes.
 *
 * Pure: computed once the nodes are placed (a drag is taken into account when it ends).
 */
import { getBusPaths } from './endpointsBus.ts';
import type { BusData } from './endpointsBus.ts';
import type { GraphEdge, GraphNode } from './graphData.ts';
import { CLUSTER, KUBE_NODE } from './layoutMetrics.ts';
import { getLbRoutePath } from './loadBalancerRoute.ts';
import type { LbRouteData } from './loadBalancerRoute.ts';
import { routeOrthogonal } from './orthogonalRoute.ts';
import type { Point, Port, Rect, Segment, Side } from './orthogonalRoute.ts';

export const ROUTED_EDGE_TYPE = 'routed';

export interface RoutedData extends Record<string, unknown> {
  /** The route's corners in flow coordinates, from the source card's side to the target's. */
  points: Point[];
}

/** The edges drawn as routes: an Ingress to its backends, a controller pod to its Ingress. */
const ROUTED_CLASSES = ['kp-edge-backend', 'kp-edge-controller'];

/**
 * Above this many cards the Ingress edges stay plain curves: each route searches a grid of the gaps
 * between every card, on every edit (150 cards with 50 Ingress edges: ~250 ms), and zoomed out that
 * far the cards are dots anyway (docs/stage-layout.md). Every bundled scenario has under 50.
 */
export const ROUTE_UP_TO_CARDS = 100;

/** The sides a route may use on each kind of card (an Ingress's top may touch the card stacked above it). */
const SIDES: Record<string, Side[]> = {
  pod: ['right', 'left', 'bottom'],
  ingress: ['left', 'right', 'bottom'],
  service: ['left', 'right', 'top'],
};

/** Height of the cluster frame's title line, which a route must not cross (CLUSTER.header holds it). */
const CLUSTER_TITLE = CLUSTER.header - 8;

type Origins = ReadonlyMap<string, { x: number; y: number }>;

function boxOf(n: GraphNode, absolute: Origins): Rect | null {
  const at = absolute.get(n.id);
  return at ? { x: at.x, y: at.y, width: n.width ?? 0, height: n.height ?? 0 } : null;
}

function portsOf(n: GraphNode, card: Rect): Port[] {
  return (SIDES[n.type ?? ''] ?? ['left', 'right', 'top', 'bottom']).map((side) => {
    const midX = card.x + card.width / 2;
    const midY = card.y + card.height / 2;
    const point =
      side === 'left'
        ? { x: card.x, y: midY }
        : side === 'right'
          ? { x: card.x + card.width, y: midY }
          : side === 'top'
            ? { x: midX, y: card.y }
            : { x: midX, y: card.y + card.height };
    return { ...point, side, card };
  });
}

/** The axis-aligned runs of an `M x y H x V y` path (commas or spaces between numbers). */
export function pathSegments(path: string): Segment[] {
  const tokens = path.match(/[MHV]|-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];
  const segments: Segment[] = [];
  let at: Point = { x: 0, y: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const op = tokens[i];
    if (op === 'M') {
      at = { x: Number(tokens[i + 1]), y: Number(tokens[i + 2]) };
      i += 2;
    } else if (op === 'H' || op === 'V') {
      const value = Number(tokens[++i]);
      const next = op === 'H' ? { x: value, y: at.y } : { x: at.x, y: value };
      segments.push({ a: at, b: next });
      at = next;
    }
  }
  return segments;
}

/** The lines already drawn between the cards: the Endpoints buses and the load balancer routes. */
function drawnLines(edges: GraphEdge[], byId: Map<string, GraphNode>, absolute: Origins): Segment[] {
  const lines: Segment[] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const from = source && boxOf(source, absolute);
    if (!from) continue;
    if (e.type === 'bus' && e.data) {
      const paths = getBusPaths({ x: from.x + from.width / 2, y: from.y + from.height }, e.data as BusData);
      lines.push(...pathSegments(paths.ready + paths.notReady));
    } else if (e.type === 'lbRoute' && e.data) {
      const target = byId.get(e.target);
      const to = target && boxOf(target, absolute);
      if (!to) continue;
      const path = getLbRoutePath(
        from.x + from.width,
        from.y + from.height / 2,
        to.x + to.width / 2,
        to.y + to.height,
        e.data as LbRouteData,
      );
      lines.push(...pathSegments(path));
    }
  }
  return lines;
}

/** The boxes a route between these two cards must go round, by graph id. */
function obstaclesFor(
  nodes: GraphNode[],
  absolute: Origins,
  open: ReadonlySet<string | undefined>,
  clusterId: string,
): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const n of nodes) {
    const box = boxOf(n, absolute);
    if (!box) continue;
    if (n.id === clusterId) {
      boxes.set(n.id, { ...box, height: CLUSTER_TITLE });
    } else if (n.type === 'node') {
      boxes.set(n.id, open.has(n.id) ? { ...box, height: KUBE_NODE.header - KUBE_NODE.lane } : box);
    } else if (n.type !== 'pod' || open.has(n.parentId)) {
      boxes.set(n.id, box);
    }
  }
  return boxes;
}

/** Turns the Ingress edges into routes around the cards, once every card is placed. */
export function routeIngressEdges(
  edges: GraphEdge[],
  nodes: GraphNode[],
  absolute: Origins,
  clusterId: string,
): void {
  if (nodes.length > ROUTE_UP_TO_CARDS) return;
  const routed = edges.filter((e) => ROUTED_CLASSES.some((c) => e.className?.split(' ').includes(c)));
  if (!routed.length) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const avoid = drawnLines(edges, byId, absolute);
  for (const e of routed) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    const open = new Set([source.parentId, target.parentId]);
    open.delete(clusterId);
    const obstacles = obstaclesFor(nodes, absolute, open, clusterId);
    // The ports' cards are the very boxes in `obstacles`: the router knows its own card by identity.
    const from = obstacles.get(source.id);
    const to = obstacles.get(target.id);
    if (!from || !to) continue;
    const points = routeOrthogonal({
      from: portsOf(source, from),
      to: portsOf(target, to),
      obstacles: [...obstacles.values()],
      avoid,
    });
    if (!points) continue;
    // The next route runs beside this one rather than on it (a controller's link and a backend's
    // link leaving the same Ingress read as two lines).
    for (let i = 1; i < points.length; i++) avoid.push({ a: points[i - 1]!, b: points[i]! });
    const data: RoutedData = { points };
    const i = edges.indexOf(e);
    edges[i] = { ...e, type: ROUTED_EDGE_TYPE, data };
  }
}
