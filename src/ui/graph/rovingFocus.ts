/**
 * Arrow-key movement between graph objects (the graph is one tab stop, WAI-ARIA's roving tabindex:
 * https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/#kbd_roving_tabindex). The next object
 * is the nearest one in the arrow's direction, sideways distance counting double. Pure.
 */
import type { GraphNode } from './graphData.ts';
import { getAbsoluteCenters } from './flowIdentity.ts';

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

const focusable = (n: GraphNode) => n.type !== 'cluster' && !n.hidden;

/** Where focus starts: the top-left object (the client, in a wide layout). */
export function getFirstFocusable(nodes: readonly GraphNode[]): string | null {
  const centers = getAbsoluteCenters([...nodes]);
  let best: { id: string; y: number; x: number } | null = null;
  for (const n of nodes) {
    const c = centers.get(n.id);
    if (!c || !focusable(n)) continue;
    // By top edges, not centres: a tall card beside a short one still starts level with it.
    const top = c.y - (n.height ?? 0) / 2;
    if (!best || top < best.y - 1 || (Math.abs(top - best.y) <= 1 && c.x < best.x))
      best = { id: n.id, x: c.x, y: top };
  }
  return best?.id ?? null;
}

/** The object the arrow moves to from `fromId`, or null at the edge of the graph. */
export function getNeighbour(
  nodes: readonly GraphNode[],
  fromId: string,
  direction: Direction,
): string | null {
  const centers = getAbsoluteCenters([...nodes]);
  const from = centers.get(fromId);
  if (!from) return null;
  let best: { id: string; score: number } | null = null;
  for (const n of nodes) {
    const c = centers.get(n.id);
    if (!c || n.id === fromId || !focusable(n)) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const [along, across] =
      direction === 'left'
        ? [-dx, dy]
        : direction === 'right'
          ? [dx, dy]
          : direction === 'up'
            ? [-dy, dx]
            : [dy, dx];
    if (along <= 1) continue;
    const score = along + 2 * Math.abs(across);
    if (!best || score < best.score) best = { id: n.id, score };
  }
  return best?.id ?? null;
}
