/**
 * The points an SVG path made of absolute M, L, H, V and Q commands passes through or bends round
 * (its control points included): enough for the drawing's bounds and for the direction an arrowhead
 * arrives from. The stage's routed lines (the bus, load balancer routes, routes round the cards) use
 * only these commands.
 */
export interface PathPoint {
  x: number;
  y: number;
}

export function pathPoints(d: string): PathPoint[] {
  const tokens = d.match(/[MLHVQ]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  const points: PathPoint[] = [];
  let at: PathPoint = { x: 0, y: 0 };
  let op = 'M';
  for (let i = 0; i < tokens.length; ) {
    if (/^[MLHVQ]$/i.test(tokens[i]!)) op = tokens[i++]!.toUpperCase();
    const n = () => Number(tokens[i++]);
    if (op === 'H') at = { x: n(), y: at.y };
    else if (op === 'V') at = { x: at.x, y: n() };
    else if (op === 'Q') {
      points.push({ x: n(), y: n() });
      at = { x: n(), y: n() };
    } else at = { x: n(), y: n() };
    if (!Number.isFinite(at.x) || !Number.isFinite(at.y)) break;
    points.push(at);
  }
  return points;
}
