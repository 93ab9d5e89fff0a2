/** Sizes of the hand layout, in flow units. Large on purpose: the graph is read on a projector. */
export const POD = { width: 184, height: 66, gap: 12 };
export const KUBE_NODE = { padding: 16, header: 74, minWidth: 250, minHeight: 170, gap: 48 };
export const CARD = { width: 236, serviceHeight: 116, endpointsHeight: 58, ingressHeight: 92, gap: 28 };
export const CLUSTER = { padding: 32, header: 56, bandGap: 56 };
export const OUTSIDE = { width: 200, height: 74, gap: 28, x: -260 };

/** Pods per row inside a node: one column for a handful, a squarish grid for hundreds. */
export function getPodColumns(podCount: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(podCount / 3)));
}
