/**
 * The curve React Flow draws for a default edge (@xyflow/system getBezierPath, curvature 0.25), so
 * the exported lines follow the same paths as on screen.
 */
import type { EdgeEnd } from './graphSnapshot.ts';

const CURVATURE = 0.25;

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

function controlPoint(from: EdgeEnd, to: { x: number; y: number }): { x: number; y: number } {
  switch (from.side) {
    case 'left':
      return { x: from.x - controlOffset(from.x - to.x), y: from.y };
    case 'right':
      return { x: from.x + controlOffset(to.x - from.x), y: from.y };
    case 'top':
      return { x: from.x, y: from.y - controlOffset(from.y - to.y) };
    case 'bottom':
      return { x: from.x, y: from.y + controlOffset(to.y - from.y) };
  }
}

export interface Bezier {
  d: string;
  /** The curve's middle (where React Flow puts an edge label). */
  label: { x: number; y: number };
  /** The four points, for bounds (the curve lies inside their hull). */
  points: { x: number; y: number }[];
  /** The second control point: the curve arrives at the target coming from it. */
  targetControl: { x: number; y: number };
}

const n = (v: number) => String(Math.round(v * 100) / 100);

export function getBezier(source: EdgeEnd, target: EdgeEnd): Bezier {
  const c1 = controlPoint(source, target);
  const c2 = controlPoint(target, source);
  return {
    d: `M${n(source.x)},${n(source.y)} C${n(c1.x)},${n(c1.y)} ${n(c2.x)},${n(c2.y)} ${n(target.x)},${n(target.y)}`,
    label: {
      x: source.x * 0.125 + c1.x * 0.375 + c2.x * 0.375 + target.x * 0.125,
      y: source.y * 0.125 + c1.y * 0.375 + c2.y * 0.375 + target.y * 0.125,
    },
    points: [source, c1, c2, target],
    targetControl: c2,
  };
}
