/**
 * Sizes of the hand layout, in flow units. Compact on purpose: the cards are small next to their
 * type, so fitting the cluster into the pane leaves the names large on a projector (issue 11: pod and
 * Service names at least 12 px on screen at 1366x768, 18 px when presenting).
 */
export const POD = { width: 212, height: 54, gap: 10 };
export const KUBE_NODE = { padding: 12, header: 50, minWidth: 250, minHeight: 120, gap: 24 };
export const CARD = {
  width: 220,
  // Room for a two-line name and four data lines (type and IP, ports, external address, notes).
  serviceHeight: 112,
  endpointsHeight: 34,
  /** Between a Service and its Endpoints, which hang right under it. */
  endpointsGap: 6,
  ingressHeight: 92,
  gap: 18,
};
export const CLUSTER = { padding: 16, header: 36, bandGap: 30 };
export const OUTSIDE = { width: 200, height: 70, gap: 16, margin: 44 };

/** One cell of the Services band: a Service with its Endpoints below (or a DNS/Ingress card). */
export const CELL_HEIGHT = CARD.serviceHeight + CARD.endpointsGap + CARD.endpointsHeight;

/**
 * The pane's shape, as a class: the layout is recomputed only when the class changes, never for a
 * few pixels of resizing. `panorama` is a presenting screen (wide and short), `strip` wider still, `tall` a narrow window.
 */
export type GraphShape = 'tall' | 'wide' | 'panorama' | 'strip';

/** Width / height the layout aims at for each shape (the pane's usable box, roughly). */
export const SHAPE_ASPECT: Record<GraphShape, number> = { tall: 0.8, wide: 1.6, panorama: 2.4, strip: 3.6 };

/** The class of a pane of this size (in CSS pixels, after the room fitView leaves around it). */
export function getGraphShape(width: number, height: number): GraphShape {
  if (width <= 0 || height <= 0) return 'wide';
  const ratio = width / height;
  if (ratio < 1.15) return 'tall';
  if (ratio < 1.95) return 'wide';
  return ratio < 3 ? 'panorama' : 'strip';
}

/** Pods per row inside a node: wider grids for wider panes, a squarish grid for hundreds. */
export function getPodColumns(podCount: number, shape: GraphShape = 'wide'): number {
  const stretch = { tall: 0.5, wide: 2, panorama: 3, strip: 4 }[shape];
  return Math.max(1, Math.min(podCount, Math.ceil(Math.sqrt(podCount * stretch))));
}
