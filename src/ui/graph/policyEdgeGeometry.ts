/**
 * Where the allowed edges of a policy (policyEdges.ts) are drawn, in flow coordinates: a straight
 * arrow from the border of one card to the border of the other (so it never hides a card's text),
 * its ports at the middle; a stub leaves the pod's top corner, Ingress stubs up and to the left,
 * Egress stubs up and to the right, each next stub of the same pod one step higher.
 */
import type { GraphId } from '../../engine/index.ts';
import type { PolicyEdge } from './policyEdges.ts';
import { edgeId, stubKey } from './policyEdges.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A policy edge with where it is drawn. */
export interface PlacedPolicyEdge extends PolicyEdge {
  /** `from`/`to` are the cards drawn at the ends (a hidden CoreDNS pod is drawn at the DNS card). */
  start: Point;
  end: Point;
  /** Where the ports (and a stub's far end) are written. */
  label: Point;
  /** A stub's label sits beyond its far end: to the left of an Ingress stub, to the right of an Egress one. */
  labelAnchor: 'middle' | 'end' | 'start';
}

/** How far a stub reaches out from its pod, and how far apart a pod's stubs are. */
export const STUB = { dx: 56, dy: 34, step: 26 } as const;

const center = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Where the line from the rectangle's centre towards `towards` leaves the rectangle. */
export function borderPoint(r: Rect, towards: Point): Point {
  const c = center(r);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const t = Math.min(
    dx === 0 ? Infinity : r.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : r.height / 2 / Math.abs(dy),
  );
  return t >= 1 ? c : { x: c.x + dx * t, y: c.y + dy * t };
}

/** How far a line's ports sit from it, so the line never strikes through them. */
export const LABEL_GAP = 8;

/**
 * The ports at the middle of a line, beside it rather than on it: above a line that runs more across
 * than down, to the right of one that runs more down than across.
 */
function besideLine(start: Point, end: Point): Pick<PlacedPolicyEdge, 'label' | 'labelAnchor'> {
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  return Math.abs(end.x - start.x) >= Math.abs(end.y - start.y)
    ? { label: { x: mid.x, y: mid.y - LABEL_GAP }, labelAnchor: 'middle' }
    : { label: { x: mid.x + LABEL_GAP, y: mid.y }, labelAnchor: 'start' };
}

/**
 * Places each edge between the cards on screen. `cardOf` says which card stands for a graph id (the
 * pod's own, the DNS card for a hidden CoreDNS pod) or null when none shows: that edge is not drawn.
 * Two edges that end on the same cards become one.
 */
export function placePolicyEdges(
  edges: readonly PolicyEdge[],
  rects: ReadonlyMap<GraphId, Rect>,
  cardOf: (id: GraphId) => GraphId | null,
): PlacedPolicyEdge[] {
  const placed = new Map<string, PlacedPolicyEdge>();
  const stubsPerCard = new Map<string, number>();
  for (const edge of edges) {
    const from = edge.from === null ? null : cardOf(edge.from);
    const to = edge.to === null ? null : cardOf(edge.to);
    if ((edge.from !== null && from === null) || (edge.to !== null && to === null)) continue;
    if (from !== null && from === to) continue;
    const farEnd = edge.stub ? stubKey(edge.stub) : '';
    const id = edgeId(edge.direction, from ?? farEnd, to ?? farEnd);
    const same = placed.get(id);
    if (same) {
      same.ports =
        same.ports.length === 0 || edge.ports.length === 0
          ? []
          : [...new Set([...same.ports, ...edge.ports])];
      same.rules = [...new Set([...same.rules, ...edge.rules])];
      continue;
    }
    const base = { id, direction: edge.direction, from, to, ports: [...edge.ports], rules: [...edge.rules] };
    if (from !== null && to !== null) {
      const a = rects.get(from);
      const b = rects.get(to);
      if (!a || !b) continue;
      const start = borderPoint(a, center(b));
      const end = borderPoint(b, center(a));
      placed.set(id, { ...base, start, end, ...besideLine(start, end) });
      continue;
    }
    const pod = (from ?? to)!;
    const r = rects.get(pod);
    if (!r || !edge.stub) continue;
    const key = `${pod}|${edge.direction}`;
    const k = stubsPerCard.get(key) ?? 0;
    stubsPerCard.set(key, k + 1);
    const ingress = edge.direction === 'Ingress';
    const corner: Point = { x: ingress ? r.x + 14 : r.x + r.width - 14, y: r.y };
    const far: Point = {
      x: corner.x + (ingress ? -STUB.dx : STUB.dx),
      y: corner.y - STUB.dy - k * STUB.step,
    };
    placed.set(id, {
      ...base,
      stub: edge.stub,
      start: ingress ? far : corner,
      end: ingress ? corner : far,
      label: { x: far.x + (ingress ? -6 : 6), y: far.y },
      labelAnchor: ingress ? 'end' : 'start',
    });
  }
  return [...placed.values()];
}
