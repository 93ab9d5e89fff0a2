/**
 * Sizes of the hand layout, in flow units. Compact on purpose: the cards are small next to their
 * type, so fitting the cluster into the pane leaves the names large on a projector (issue 11: pod and
 * Service names at least 12 px on screen at 1366x768, 18 px when presenting).
 */
export const POD = { width: 236, height: 56, gap: 10 };
/**
 * `header` ends with `lane`: the strip between the header's text and the first row of pods where the
 * Endpoints bus runs to its pods (endpointsBus.ts). The header holds the title and two address lines
 * (`172.18.0.2`, `pods 10.244.0.0/24`) at the pods' address size: on one line at 13 px the address set
 * the node's width (272) and was drawn at 9.6 px on a 1366x768 laptop; on two, the title
 * (`node kind-control-plane up`, 15 px, in an 8 px padding) sets `minWidth`, a little over a pod's
 * node, which leaves the three-node scenarios more zoom. The lines are set tight (graph.css) so the
 * header grows by 8 only: presenting, the ingress scenario is fitted by its height, and its long
 * Service names (21 px) need a zoom of 0.82 to stay at 17 px on screen (issue 11).
 */
export const KUBE_NODE = { padding: 12, header: 68, lane: 10, minWidth: 264, minHeight: 138, gap: 16 };
export const CARD = {
  width: 220,
  // Room for a name on two lines and four data lines (type, the IP when the type line has no room for
  // it, ports, external address or notes): NodePort's onlyLocal card and, presenting, the outside
  // scenario's external-service lost their last line at 114.
  serviceHeight: 132,
  /** Room for a name on two lines (it wraps rather than losing its end). */
  endpointsHeight: 46,
  /** Between a Service and its Endpoints, which hang right under it. */
  endpointsGap: 6,
  /** The DNS and Ingress cards: two of them stack in one cell (clusterLayout.ts). */
  ingressHeight: 87,
  /** The tallest card that shares a cell with another: half a cell. */
  shortHeight: 87,
  gap: 18,
};
/** `bandGap`: between the Services band and the nodes, where the Endpoints bus's bar runs (20 keeps
 * the ingress scenario's presenting zoom at 0.82 with the two-line node header). */
export const CLUSTER = { padding: 16, header: 36, bandGap: 20 };
/**
 * A load balancer's, client's or outside host's card: a kind line (outside hosts), a name on two lines
 * and an address line that may wrap (presenting, `somecompany-api` lost its hostnames at 96).
 */
export const OUTSIDE = { width: 240, height: 118, gap: 16, margin: 28 };

/** One cell of the Services band: a Service with its Endpoints below (or one or two short cards). */
export const CELL_HEIGHT = CARD.serviceHeight + CARD.endpointsGap + CARD.endpointsHeight;

/**
 * The pane's shape, as a class: the layout is recomputed only when the class changes, never for a
 * few pixels of resizing. `panorama` is a presenting screen (wide and short), `strip` wider still, `tall` a narrow window.
 */
export type GraphShape = 'tall' | 'wide' | 'panorama' | 'strip';

/** Width / height the layout aims at for each shape (the pane's usable box, roughly). */
/** A presenting screen is ~2.0-2.2 once the caption is taken off (1280x720: 2.16, 1920x1080: 2.01),
 * so `panorama` aims there: aiming at 2.4 chose one long row of nodes that fitted 1280x720 by its width
 * at a smaller zoom than the `wide` arrangement had (issue 11 §3). */
export const SHAPE_ASPECT: Record<GraphShape, number> = { tall: 0.8, wide: 1.6, panorama: 2.15, strip: 3.6 };

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
  return getPodColumnsStretched(podCount, POD_STRETCH[shape]);
}

/** How much wider than square each shape's pod grids are by default. */
export const POD_STRETCH: Record<GraphShape, number> = { tall: 0.5, wide: 2, panorama: 3, strip: 4 };

/** Pods per row for a grid `stretch` times wider than square (1 column when stretch is 0). */
export function getPodColumnsStretched(podCount: number, stretch: number): number {
  return Math.max(1, Math.min(podCount, Math.ceil(Math.sqrt(podCount * stretch))));
}
