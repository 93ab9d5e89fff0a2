/**
 * A line from one card to another that crosses no card: an orthogonal route (horizontal and vertical
 * runs only) found on a sparse grid of the gaps between the cards, shortest with the fewest bends.
 * The grid's lines run down the middle of every gap and a quarter of the way across it, so a route
 * keeps clear of the cards' borders and can run beside another line (the Endpoints bus) rather than
 * on top of it: runs along a line to avoid cost more.
 *
 * Pure: boxes in, points out; the same boxes always give the same route.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Side = 'left' | 'right' | 'top' | 'bottom';

/** Where a route may leave or enter a card: a point on one of its sides. */
export interface Port extends Point {
  side: Side;
  /** The card the port is on (its own box does not block the first or last run). */
  card: Rect;
}

/** An axis-aligned segment another line already runs along. */
export interface Segment {
  a: Point;
  b: Point;
}

export interface RouteRequest {
  from: Port[];
  to: Port[];
  obstacles: Rect[];
  /** Lines already drawn: a run along one of them costs AVOID_FACTOR times its length more. */
  avoid?: Segment[];
}

/** What one bend costs, in flow units of length: a longer route with fewer turns reads better. */
const BEND_COST = 60;
/** A run on top of a line to avoid costs this many times its length more. */
const AVOID_FACTOR = 4;
/** How far a route keeps from a card's border at the least (flow units). */
const CLEARANCE = 2;
/**
 * Gaps narrower than this carry no line: a Service and its Endpoints hang 6 apart, and a route
 * squeezed between them looked like part of both borders.
 */
const MIN_GAP = 10;
/** Room around the outermost cards where a route may go round them. */
const OUTER = 24;

const DIRS: readonly Point[] = [
  { x: 1, y: 0 },
  { x: -1, y: 0 },
  { x: 0, y: 1 },
  { x: 0, y: -1 },
];
const OUTWARD: Record<Side, number> = { right: 0, left: 1, bottom: 2, top: 3 };
const OPPOSITE = [1, 0, 3, 2];

/** Grid lines for one axis: each gap's middle and quarters between the sorted box edges, plus the ports. */
function gridLines(edges: number[], ports: number[]): number[] {
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  const lines = new Set(ports);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (b - a < MIN_GAP) continue;
    lines.add((a + b) / 2);
    if (b - a >= 8 * CLEARANCE) {
      lines.add(a + (b - a) / 4);
      lines.add(b - (b - a) / 4);
    }
  }
  if (sorted.length) {
    lines.add(sorted[0]! - OUTER);
    lines.add(sorted[sorted.length - 1]! + OUTER);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Does the axis-aligned segment p-q come within CLEARANCE of the inside of the box? */
function blocks(box: Rect, p: Point, q: Point): boolean {
  const x1 = Math.min(p.x, q.x);
  const x2 = Math.max(p.x, q.x);
  const y1 = Math.min(p.y, q.y);
  const y2 = Math.max(p.y, q.y);
  return (
    x2 > box.x - CLEARANCE &&
    x1 < box.x + box.width + CLEARANCE &&
    y2 > box.y - CLEARANCE &&
    y1 < box.y + box.height + CLEARANCE
  );
}

/** Length of the segment p-q that lies on one of the lines to avoid. */
function overlapWith(avoid: Segment[], p: Point, q: Point): number {
  let total = 0;
  for (const s of avoid) {
    if (p.y === q.y && s.a.y === s.b.y && Math.abs(s.a.y - p.y) < 1) {
      const lo = Math.max(Math.min(p.x, q.x), Math.min(s.a.x, s.b.x));
      const hi = Math.min(Math.max(p.x, q.x), Math.max(s.a.x, s.b.x));
      total += Math.max(0, hi - lo);
    } else if (p.x === q.x && s.a.x === s.b.x && Math.abs(s.a.x - p.x) < 1) {
      const lo = Math.max(Math.min(p.y, q.y), Math.min(s.a.y, s.b.y));
      const hi = Math.min(Math.max(p.y, q.y), Math.max(s.a.y, s.b.y));
      total += Math.max(0, hi - lo);
    }
  }
  return total;
}

/** A small binary heap of [cost, state] pairs. */
class Queue {
  private items: [number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(cost: number, state: number): void {
    const items = this.items;
    items.push([cost, state]);
    let i = items.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (items[up]![0] <= cost) break;
      [items[up], items[i]] = [items[i]!, items[up]!];
      i = up;
    }
  }
  pop(): [number, number] {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && items[l]![0] < items[m]![0]) m = l;
        if (r < items.length && items[r]![0] < items[m]![0]) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i]!, items[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** Drops the middle point of three in a line. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (b && b.x === p.x && b.y === p.y) continue;
    if (a && b && ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/**
 * The cheapest route from any of `from` to any of `to` (leaving and entering each card straight out
 * of the port's side), or null when the cards wall every port in.
 */
export function routeOrthogonal({ from, to, obstacles, avoid = [] }: RouteRequest): Point[] | null {
  if (!from.length || !to.length) return null;
  const ports = [...from, ...to];
  const xs = gridLines(
    obstacles.flatMap((o) => [o.x, o.x + o.width]),
    ports.map((p) => p.x),
  );
  const ys = gridLines(
    obstacles.flatMap((o) => [o.y, o.y + o.height]),
    ports.map((p) => p.y),
  );
  const width = xs.length;
  const at = (i: number): Point => ({ x: xs[i % width]!, y: ys[Math.floor(i / width)]! });
  const indexOf = (p: Point) => ys.indexOf(p.y) * width + xs.indexOf(p.x);
  const sources = new Map(from.map((p) => [indexOf(p), p]));
  const targets = new Map(to.map((p) => [indexOf(p), p]));

  // State: grid point * 4 + the direction it was reached in.
  const best = new Map<number, number>();
  const back = new Map<number, number>();
  const queue = new Queue();
  for (const [index, port] of sources) {
    const state = index * 4 + OUTWARD[port.side];
    best.set(state, 0);
    queue.push(0, state);
  }
  while (queue.size) {
    const [cost, state] = queue.pop();
    if (cost > (best.get(state) ?? Infinity)) continue;
    const index = Math.floor(state / 4);
    const dir = state % 4;
    const target = targets.get(index);
    if (target && OPPOSITE[OUTWARD[target.side]] === dir && !sources.has(index)) {
      const points: Point[] = [];
      for (let s: number | undefined = state; s !== undefined; s = back.get(s))
        points.push(at(Math.floor(s / 4)));
      return simplify(points.reverse());
    }
    if (target) continue;
    const here = at(index);
    const source = sources.get(index);
    for (let d = 0; d < 4; d++) {
      if (d === OPPOSITE[dir] || (source && d !== dir)) continue;
      const col = (index % width) + DIRS[d]!.x;
      const row = Math.floor(index / width) + DIRS[d]!.y;
      if (col < 0 || col >= width || row < 0 || row >= ys.length) continue;
      const next = row * width + col;
      if (sources.has(next)) continue;
      const there = at(next);
      const arriving = targets.get(next);
      const blocked = obstacles.some(
        (o) => o !== source?.card && o !== arriving?.card && blocks(o, here, there),
      );
      if (blocked) continue;
      const length = Math.abs(there.x - here.x) + Math.abs(there.y - here.y);
      const step = length + (d === dir ? 0 : BEND_COST) + AVOID_FACTOR * overlapWith(avoid, here, there);
      const nextState = next * 4 + d;
      if (cost + step < (best.get(nextState) ?? Infinity)) {
        best.set(nextState, cost + step);
        back.set(nextState, state);
        queue.push(cost + step, nextState);
      }
    }
  }
  return null;
}

/** The route as an SVG path with its corners rounded (radius at most `radius`, less on short runs). */
export function roundedPath(points: Point[], radius = 8): string {
  if (points.length < 2) return '';
  const first = points[0]!;
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const p = points[i]!;
    const next = points[i + 1]!;
    const r = Math.min(
      radius,
      (Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y)) / 2,
      (Math.abs(next.x - p.x) + Math.abs(next.y - p.y)) / 2,
    );
    const inX = p.x - Math.sign(p.x - prev.x) * r;
    const inY = p.y - Math.sign(p.y - prev.y) * r;
    const outX = p.x + Math.sign(next.x - p.x) * r;
    const outY = p.y + Math.sign(next.y - p.y) * r;
    d += ` L ${inX} ${inY} Q ${p.x} ${p.y} ${outX} ${outY}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L ${last.x} ${last.y}`;
}
