/**
 * Where everything goes, from the objects' ids and counts and the pane's shape class only (never from
 * IPs, labels or the order of edits), so an edit that does not add or remove an object moves nothing.
 *
 * The picture reads like the textbook one: outside clients and load balancers on the left (above, in a
 * tall pane); inside the cluster a band of cells (the DNS, the Ingresses, each Service with its
 * Endpoints right under it) that packets cross on their way down to the nodes, which hold their pods.
 * How many cells per row and nodes per row is searched: the arrangement whose bounding box lets the
 * pane's fitView zoom in furthest wins.
 *
 * Pure: no React, no DOM.
 */
import {
  CARD,
  CELL_HEIGHT,
  CLUSTER,
  getPodColumnsStretched,
  KUBE_NODE,
  OUTSIDE,
  POD,
  POD_STRETCH,
  SHAPE_ASPECT,
} from './layoutMetrics.ts';
import type { GraphShape } from './layoutMetrics.ts';

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

export interface LayoutInput {
  shape: GraphShape;
  /** Kubernetes nodes in order, each with its pods' ids in order. */
  nodes: { id: string; pods: string[] }[];
  /**
   * Cells of the Services band in order: `card` is the DNS, an Ingress or a Service; `below` its
   * Endpoints. A `short` card (the DNS, an Ingress, a NetworkPolicy: CARD.shortHeight at most) shares
   * its cell with the next short one, stacked, rather than leaving half a cell empty.
   */
  cells: LayoutCell[];
  clients: string[];
  balancers: string[];
}

export interface LayoutCell {
  card?: string;
  below?: string;
  short?: boolean;
}

export interface ClusterLayout {
  cluster: Size;
  /** Positions relative to the parent: cells and nodes to the cluster, pods to their node; outside ones absolute. */
  positions: Map<string, Point>;
  /** Size of each Kubernetes node (it grows with its pods). */
  nodeSizes: Map<string, Size>;
  /** Pods per row inside each node. */
  podColumns: Map<string, number>;
  /** Top of the nodes band in the cluster (the packets' bus runs just above it). */
  nodesTop: number;
}

interface NodeBox {
  id: string;
  pods: string[];
  cols: number;
  width: number;
  height: number;
}

interface Arrangement {
  cellColumns: number;
  nodesPerRow: number;
  innerWidth: number;
  gridHeight: number;
  nodesHeight: number;
  score: number;
}

const MAX_CELL_COLUMNS = 12;
const MAX_NODE_ROWS = 8;
const MIN_INNER_WIDTH = 360;

function boxNode(node: { id: string; pods: string[] }, stretch: number): NodeBox {
  const cols = getPodColumnsStretched(node.pods.length, stretch);
  const rows = Math.ceil(node.pods.length / cols);
  return {
    id: node.id,
    pods: node.pods,
    cols,
    width: Math.max(KUBE_NODE.minWidth, KUBE_NODE.padding * 2 + cols * POD.width + (cols - 1) * POD.gap),
    height: Math.max(
      KUBE_NODE.minHeight,
      KUBE_NODE.header + rows * (POD.height + POD.gap) - POD.gap + KUBE_NODE.padding,
    ),
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

function nodesBand(boxes: NodeBox[], perRow: number): Size {
  const rows = chunk(boxes, Math.max(1, perRow));
  const width = Math.max(
    0,
    ...rows.map((r) => r.reduce((w, b) => w + b.width, 0) + (r.length - 1) * KUBE_NODE.gap),
  );
  const height =
    rows.reduce((h, r) => h + Math.max(...r.map((b) => b.height)), 0) +
    Math.max(0, rows.length - 1) * KUBE_NODE.gap;
  return { width, height };
}

function outsideExtent(count: number, shape: GraphShape): Size {
  if (count === 0) return { width: 0, height: 0 };
  return shape === 'tall'
    ? { width: count * (OUTSIDE.width + OUTSIDE.gap) - OUTSIDE.gap, height: OUTSIDE.height + OUTSIDE.margin }
    : { width: OUTSIDE.width + OUTSIDE.margin, height: count * (OUTSIDE.height + OUTSIDE.gap) };
}

/** The band's slots: each cell alone, but two short cards in a row stacked in one slot. */
function slotsOf(cells: LayoutCell[]): LayoutCell[][] {
  const slots: LayoutCell[][] = [];
  for (const cell of cells) {
    const last = slots[slots.length - 1];
    if (cell.short && last?.length === 1 && last[0]!.short && !last[0]!.below) last.push(cell);
    else slots.push([cell]);
  }
  return slots;
}

/** The arrangement of the band and the nodes that lets fitView zoom in furthest for this shape. */
function chooseArrangement(input: LayoutInput, boxes: NodeBox[]): Arrangement {
  const aspect = SHAPE_ASPECT[input.shape];
  const cellCount = slotsOf(input.cells).length;
  const outside = outsideExtent(input.clients.length + input.balancers.length, input.shape);
  let best: Arrangement | null = null;
  const nodeRowOptions = Math.max(1, Math.min(boxes.length, MAX_NODE_ROWS));
  for (let nodeRows = 1; nodeRows <= nodeRowOptions; nodeRows++) {
    const nodesPerRow = Math.ceil(Math.max(1, boxes.length) / nodeRows);
    const band = nodesBand(boxes, nodesPerRow);
    const maxColumns = Math.max(1, Math.min(cellCount, MAX_CELL_COLUMNS));
    for (let cellColumns = 1; cellColumns <= maxColumns; cellColumns++) {
      const cellRows = Math.ceil(cellCount / cellColumns);
      const gridWidth = cellColumns * (CARD.width + CARD.gap) - CARD.gap;
      const gridHeight = cellRows ? cellRows * (CELL_HEIGHT + CARD.gap) - CARD.gap : 0;
      const innerWidth = Math.max(band.width, gridWidth, MIN_INNER_WIDTH);
      const clusterWidth = innerWidth + CLUSTER.padding * 2;
      const clusterHeight =
        CLUSTER.header + gridHeight + (gridHeight ? CLUSTER.bandGap : 0) + band.height + CLUSTER.padding;
      const width =
        input.shape === 'tall' ? Math.max(clusterWidth, outside.width) : clusterWidth + outside.width;
      const height =
        input.shape === 'tall'
          ? clusterHeight + outside.height
          : Math.max(clusterHeight, outside.height + CLUSTER.header);
      const score = Math.min(aspect / width, 1 / height);
      // Strictly better only: ties keep the fewer node rows and cell columns (a stable choice).
      if (!best || score > best.score * 1.0001)
        best = { cellColumns, nodesPerRow, innerWidth, gridHeight, nodesHeight: band.height, score };
    }
  }
  return best!;
}

/**
 * The node rows stretched to fill the cluster: a row narrower than the band (fewer nodes, or narrower
 * ones) shares the rest of the width among its nodes, and when the column of outside cards beside the
 * cluster is taller than it, the last row grows so the cluster ends level with that column. Left as
 * they were, a row of one node beside a row of two, or the outside scenario's four outside cards
 * beside a short cluster, left holes of empty pane inside the drawing (the fit is unchanged: the
 * drawing's box is the same). Pods keep their grid, from the node's top left.
 */
function stretchRows(rows: NodeBox[][], innerWidth: number, minNodesHeight: number): NodeBox[][] {
  const stretched = rows.map((row) => {
    const width = row.reduce((w, b) => w + b.width, 0) + (row.length - 1) * KUBE_NODE.gap;
    const extra = Math.max(0, innerWidth - width);
    const each = Math.floor(extra / row.length);
    const height = Math.max(...row.map((b) => b.height));
    return row.map((b, i) => ({
      ...b,
      width: b.width + each + (i === row.length - 1 ? extra - each * row.length : 0),
      height,
    }));
  });
  const band = stretched.reduce((h, row) => h + row[0]!.height, 0) + (rows.length - 1) * KUBE_NODE.gap;
  const last = stretched[stretched.length - 1];
  if (last && band < minNodesHeight) for (const box of last) box.height += Math.floor(minNodesHeight - band);
  return stretched;
}

/**
 * The pod grids' shapes tried besides the shape's own: a node with its pods in one column, or in a
 * wider grid, can let the whole picture fit larger (presenting, a row of three nodes each holding two
 * stacked pods beat two rows of nodes with side-by-side pods). The shape's own comes first, so a tie keeps it.
 */
const POD_STRETCH_OPTIONS = [0, 0.5, 2, 3, 4];

export function layoutCluster(input: LayoutInput): ClusterLayout {
  let boxes: NodeBox[] = [];
  let choice: Arrangement | null = null;
  for (const stretch of [POD_STRETCH[input.shape], ...POD_STRETCH_OPTIONS]) {
    const tried = input.nodes.map((n) => boxNode(n, stretch));
    const arrangement = chooseArrangement(input, tried);
    if (!choice || arrangement.score > choice.score * 1.0001) {
      choice = arrangement;
      boxes = tried;
    }
  }
  if (!choice) throw new Error('unreachable: at least one arrangement is tried');
  const positions = new Map<string, Point>();
  const nodeSizes = new Map<string, Size>();
  const podColumns = new Map<string, number>();

  // The band of cells.
  const left = CLUSTER.padding;
  slotsOf(input.cells).forEach((slot, i) => {
    const x = left + (i % choice.cellColumns) * (CARD.width + CARD.gap);
    const top = CLUSTER.header + Math.floor(i / choice.cellColumns) * (CELL_HEIGHT + CARD.gap);
    slot.forEach((cell, k) => {
      const y = top + k * (CARD.shortHeight + CARD.endpointsGap);
      if (cell.card) positions.set(cell.card, { x, y });
      if (cell.below)
        positions.set(
          cell.below,
          cell.card ? { x, y: y + CARD.serviceHeight + CARD.endpointsGap } : { x, y },
        );
    });
  });

  // The nodes, row by row, each holding its pods in a grid; the rows fill the band (stretchRows).
  const nodesTop = CLUSTER.header + choice.gridHeight + (choice.gridHeight ? CLUSTER.bandGap : 0);
  const outside = outsideExtent(input.clients.length + input.balancers.length, input.shape);
  const rows = stretchRows(
    chunk(boxes, choice.nodesPerRow),
    choice.innerWidth,
    input.shape === 'tall' ? 0 : CLUSTER.header + outside.height - OUTSIDE.gap - CLUSTER.padding - nodesTop,
  );
  let y = nodesTop;
  for (const row of rows) {
    let x = left;
    for (const box of row) {
      positions.set(box.id, { x, y });
      nodeSizes.set(box.id, { width: box.width, height: box.height });
      podColumns.set(box.id, box.cols);
      box.pods.forEach((pod, i) => {
        positions.set(pod, {
          x: KUBE_NODE.padding + (i % box.cols) * (POD.width + POD.gap),
          y: KUBE_NODE.header + Math.floor(i / box.cols) * (POD.height + POD.gap),
        });
      });
      x += box.width + KUBE_NODE.gap;
    }
    y += row[0]!.height + KUBE_NODE.gap;
  }
  const cluster = {
    width: choice.innerWidth + CLUSTER.padding * 2,
    height: y - KUBE_NODE.gap + CLUSTER.padding,
  };

  // Outside: a column on the left (clients on top, load balancers level with the nodes they feed),
  // or a row above the cluster in a tall pane.
  if (input.shape === 'tall') {
    const top = -(OUTSIDE.height + OUTSIDE.margin);
    [...input.clients, ...input.balancers].forEach((id, i) =>
      positions.set(id, { x: i * (OUTSIDE.width + OUTSIDE.gap), y: top }),
    );
  } else {
    const x = -(OUTSIDE.width + OUTSIDE.margin);
    const step = OUTSIDE.height + OUTSIDE.gap;
    input.clients.forEach((id, i) => positions.set(id, { x, y: CLUSTER.header + i * step }));
    const lbTop = Math.max(
      Math.min(nodesTop, cluster.height - input.balancers.length * step),
      CLUSTER.header + input.clients.length * step,
    );
    input.balancers.forEach((id, i) => positions.set(id, { x, y: lbTop + i * step }));
  }
  return { cluster, positions, nodeSizes, podColumns, nodesTop };
}
