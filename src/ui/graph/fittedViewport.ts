/**
 * The viewport React Flow's fitView will choose for a cluster, known before React Flow has drawn a
 * card of it: every card's size is set by toFlowElements (width, height), so the bounds fitView reads
 * from its measurements after the first drawing are already in the nodes. A cluster that replaces the
 * one on screen (a paste, another scenario, a link) is drawn at this viewport at once, instead of
 * being drawn at the old zoom first and fitted after: at 1,000 pods the old zoom mounted 1,000 full
 * pod cards that the fit then turned into compact ones (docs/performance.md, "The paste at 1,000
 * pods"). Pure.
 */
import { getViewportForBounds } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { getAbsoluteOrigins } from './flowIdentity.ts';
import type { GraphNode } from './graphData.ts';

/** The pane fitView fills, as ClusterGraph configures it. */
export interface FitFrame {
  width: number;
  height: number;
  /** Pixels kept free on each side (ClusterGraph's fitViewOptions padding). */
  padding: { top: number; left: number; right: number; bottom: number };
  minZoom: number;
  maxZoom: number;
}

/** fitView's viewport for these nodes in this pane; null when there is nothing to fit or no pane yet. */
export function fittedViewport(nodes: readonly GraphNode[], frame: FitFrame): Viewport | null {
  if (frame.width <= 0 || frame.height <= 0) return null;
  const origins = getAbsoluteOrigins(nodes as GraphNode[]);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const width = node.width ?? 0;
    const height = node.height ?? 0;
    // fitView leaves out hidden nodes and nodes without a size, as here.
    if (node.hidden || width <= 0 || height <= 0) continue;
    const origin = origins.get(node.id)!;
    left = Math.min(left, origin.x);
    top = Math.min(top, origin.y);
    right = Math.max(right, origin.x + width);
    bottom = Math.max(bottom, origin.y + height);
  }
  if (left === Infinity) return null;
  const { padding } = frame;
  return getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    frame.width,
    frame.height,
    frame.minZoom,
    frame.maxZoom,
    {
      top: `${padding.top}px`,
      left: `${padding.left}px`,
      right: `${padding.right}px`,
      bottom: `${padding.bottom}px`,
    },
  );
}

/**
 * The new cluster replaces the drawing on screen rather than editing it: fewer than half of its nodes
 * were drawn before. An edit (a replica more, a renamed Service, the system objects shown) keeps most
 * nodes and keeps its glide to the new fit; a paste of another scenario keeps almost none.
 */
export function replacesDrawing(drawn: ReadonlySet<string>, next: readonly { id: string }[]): boolean {
  if (next.length === 0) return false;
  let kept = 0;
  for (const node of next) if (drawn.has(node.id)) kept++;
  return kept * 2 < next.length;
}
