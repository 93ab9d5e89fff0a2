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

/** Indices of the sorted `lines` in the open interval (lo, hi), as [first, last] (empty when first > last). */
function within(lines: number[], lo: number, hi: number): [number, number] {
  let first = 0;
  while (first < lines.length && lines[first]! <= lo) first++;
  let last = lines.length - 1;
  while (last >= 0 && lines[last]! >= hi) last--;
  return [first, last];
}

/**
 * The grid's unit steps, each marked once: blocked (a card, with its clearance, covers part of it) and
 * how much of it runs on a line to avoid. The step right of grid point i is `right[i]`, the step
 * down `down[i]`. Marking box by box costs the boxes' area in grid cells, not grid size times boxes.
 */
function markSteps(xs: number[], ys: number[], obstacles: Rect[], avoid: Segment[]) {
  const w = xs.length;
  const size = w * ys.length;
  const blockedRight = new Uint8Array(size);
  const blockedDown = new Uint8Array(size);
  const avoidRight = new Float64Array(size);
  const avoidDown = new Float64Array(size);
  for (const o of obstacles) {
    const left = o.x - CLEARANCE;
    const right = o.x + o.width + CLEARANCE;
    const top = o.y - CLEARANCE;
    const bottom = o.y + o.height + CLEARANCE;
    const [r1, r2] = within(ys, top, bottom);
    const [c1, c2] = within(xs, left, right);
    // A horizontal step on a row inside the box's height is blocked when its span meets the box's.
    for (let row = r1; row <= r2; row++)
      for (let col = Math.max(0, c1 - 1); col <= Math.min(w - 2, c2); col++)
        if (xs[col + 1]! > left && xs[col]! < right) blockedRight[row * w + col] = 1;
    for (let col = c1; col <= c2; col++)
      for (let row = Math.max(0, r1 - 1); row <= Math.min(ys.length - 2, r2); row++)
        if (ys[row + 1]! > top && ys[row]! < bottom) blockedDown[row * w + col] = 1;
  }
  for (const seg of avoid) {
    if (seg.a.y === seg.b.y) {
      const row = ys.findIndex((y) => Math.abs(y - seg.a.y) < 1);
      if (row < 0) continue;
      const lo = Math.min(seg.a.x, seg.b.x);
      const hi = Math.max(seg.a.x, seg.b.x);
      for (let col = 0; col + 1 < w; col++) {
        const overlap = Math.min(hi, xs[col + 1]!) - Math.max(lo, xs[col]!);
        if (overlap > 0) avoidRight[row * w + col] = avoidRight[row * w + col]! + overlap;
      }
    } else if (seg.a.x === seg.b.x) {
      const col = xs.findIndex((x) => Math.abs(x - seg.a.x) < 1);
      if (col < 0) continue;
      const lo = Math.min(seg.a.y, seg.b.y);
      const hi = Math.max(seg.a.y, seg.b.y);
      for (let row = 0; row + 1 < ys.length; row++) {
        const overlap = Math.min(hi, ys[row + 1]!) - Math.max(lo, ys[row]!);
        if (overlap > 0) avoidDown[row * w + col] = avoidDown[row * w + col]! + overlap;
      }
    }
  }
  return { blockedRight, blockedDown, avoidRight, avoidDown };
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

  const steps = markSteps(xs, ys, obstacles, avoid);
  // State: grid point * 4 + the direction it was reached in.
  const best = new Float64Array(width * ys.length * 4).fill(Infinity);
  const back = new Int32Array(width * ys.length * 4).fill(-1);
  const queue = new Queue();
  for (const [index, port] of sources) {
    const state = index * 4 + OUTWARD[port.side];
    best[state] = 0;
    queue.push(0, state);
  }
  while (queue.size) {
    const [cost, state] = queue.pop();
    if (cost > best[state]!) continue;
    const index = Math.floor(state / 4);
    const dir = state % 4;
    const target = targets.get(index);
    if (target && OPPOSITE[OUTWARD[target.side]] === dir && !sources.has(index)) {
      const points: Point[] = [];
      for (let s = state; s >= 0; s = back[s]!) points.push(at(Math.floor(s / 4)));
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
      // The step's marks are kept at its left or upper end.
      const from = d === 1 || d === 3 ? next : index;
      // A step off or onto a port is marked blocked by the port's own card: it is checked box by box.
      const blocked =
        source || arriving
          ? obstacles.some((o) => o !== source?.card && o !== arriving?.card && blocks(o, here, there))
          : (d < 2 ? steps.blockedRight[from] : steps.blockedDown[from]) === 1;
      if (blocked) continue;
      const length = Math.abs(there.x - here.x) + Math.abs(there.y - here.y);
      const along = d < 2 ? steps.avoidRight[from]! : steps.avoidDown[from]!;
      const step = length + (d === dir ? 0 : BEND_COST) + AVOID_FACTOR * along;
      const nextState = next * 4 + d;
      if (cost + step < best[nextState]!) {
        best[nextState] = cost + step;
        back[nextState] = state;
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
