/**
 * Endpoints -> pods as one edge: a bus. The trunk leaves the Endpoints card, runs down the gutter
 * beside its column to a bar just above the nodes band, and drops one branch to each pod it lists.
 * Several Endpoints that list the same pods (three Services over three pods) share that bar and
 * those branches, so the picture shows one fan instead of a tangle of crossing curves.
 *
 * A branch enters its node down the node's left lane (inside its border, beside the header's text),
 * runs along the lane between the header and the first row of pods, and drops into its pod: it never
 * crosses the node's name or addresses (issue 11 §1: branches cut through the kind-worker header).
 *
 * Pure: the branch points come from the laid-out positions (a drag is taken into account once it
 * ends and the layout is recomputed with the dragged position).
 */
import type { EndpointSubset } from '../../engine/index.ts';
import type { GraphEdge, GraphNode } from './graphData.ts';
import { CARD, CLUSTER, KUBE_NODE, POD } from './layoutMetrics.ts';
import { NO_POINTER_PATH } from './toFlowElements.nodes.ts';

export const BUS_EDGE_TYPE = 'bus';

export interface BusBranch {
  /** The pod's graph id. */
  id: string;
  /** The holding node's left lane (x) and the lane under its header (y), where the branch enters it. */
  laneX: number;
  laneY: number;
  /** Where the branch enters the pod, in flow coordinates: its top centre (first row of its node). */
  x: number;
  y: number;
  notReady: boolean;
  /**
   * A pod below the first row of its node: the branch runs down the gap left of its column (`side`)
   * to the middle of its left edge (x, y), instead of through the pods above it.
   */
  side?: number;
  /**
   * A pod in a lower row of nodes: the branch leaves the bar at the band's left edge, runs down the
   * cluster's margin and along the gap above its node's row (`rowY`), never through the nodes above.
   */
  rowY?: number;
}

/** Above this many branches, the ready ones are drawn as one short drop per node (a comb of hundreds of
 * lines says nothing on a projector); the chosen branch is still drawn to its pod. */
export const BUS_DROP_PER_NODE_ABOVE = 40;

export interface BusData extends Record<string, unknown> {
  branches: BusBranch[];
  /** Height of the shared bar, in flow coordinates. */
  barY: number;
  /** The gutter the trunk runs down, as an offset from the Endpoints card's centre. */
  gutterDx: number;
  /** Top centres of the nodes holding the pods (the drops of a large bus). */
  nodeDrops: { x: number; y: number }[];
  /** Left of the nodes band, in the cluster's margin: where branches to lower node rows go down. */
  marginX: number;
}

export function getBusEdgeId(endpointsId: string): string {
  return `e:${endpointsId}->pods`;
}

interface GraphIndex {
  byId: Map<string, GraphNode>;
  /** Left edge of the nodes band. */
  bandLeft: number;
  /** Top of the nodes band (its first row). */
  bandTop: number;
}

// One index per laid-out graph, shared by all its buses (200 Endpoints would otherwise each index 1,500 nodes).
const indexes = new WeakMap<GraphNode[], { origins: ReadonlyMap<string, unknown>; index: GraphIndex }>();

function indexOf(nodes: GraphNode[], origins: ReadonlyMap<string, { x: number; y: number }>): GraphIndex {
  const kept = indexes.get(nodes);
  if (kept && kept.origins === origins && kept.index.byId.size === nodes.length) return kept.index;
  let bandLeft = Infinity;
  let bandTop = Infinity;
  for (const n of nodes)
    if (n.type === 'node') {
      bandLeft = Math.min(bandLeft, origins.get(n.id)?.x ?? Infinity);
      bandTop = Math.min(bandTop, origins.get(n.id)?.y ?? Infinity);
    }
  const index = { byId: new Map(nodes.map((n) => [n.id, n])), bandLeft, bandTop };
  indexes.set(nodes, { origins, index });
  return index;
}

export function endpointsBus(
  endpointsId: string,
  subsets: EndpointSubset[],
  known: ReadonlySet<string>,
  origins: ReadonlyMap<string, { x: number; y: number }>,
  nodes: GraphNode[],
): GraphEdge | null {
  const { byId, bandLeft, bandTop } = indexOf(nodes, origins);
  const branches: BusBranch[] = [];
  const nodeDrops = new Map<string, { x: number; y: number }>();
  const holderTops: number[] = [];
  let barY = Infinity;
  for (const subset of subsets) {
    for (const [list, notReady] of [
      [subset.addresses, false],
      [subset.notReadyAddresses, true],
    ] as const) {
      for (const address of list) {
        const ref = address.targetRef;
        if (!ref) continue;
        const id = `pod/${ref.namespace}/${ref.name}`;
        const pod = byId.get(id);
        const origin = origins.get(id);
        if (!known.has(id) || !pod || !origin) continue;
        // The bar runs in the gap above the node that holds the pod.
        const holder = pod.parentId ? origins.get(pod.parentId) : undefined;
        const holderNode = pod.parentId ? byId.get(pod.parentId) : undefined;
        const firstRow = !holder || origin.y - holder.y <= KUBE_NODE.header + 1;
        const lane = holder
          ? {
              laneX: holder.x + KUBE_NODE.padding / 2,
              laneY: holder.y + KUBE_NODE.header - KUBE_NODE.lane / 2,
            }
          : { laneX: origin.x + (pod.width ?? 0) / 2, laneY: origin.y };
        branches.push(
          firstRow
            ? { id, ...lane, x: origin.x + (pod.width ?? 0) / 2, y: origin.y, notReady }
            : {
                id,
                ...lane,
                x: origin.x,
                y: origin.y + (pod.height ?? POD.height) / 2,
                notReady,
                side: origin.x - POD.gap / 2,
              },
        );
        if (holder && pod.parentId && !nodeDrops.has(pod.parentId))
          nodeDrops.set(pod.parentId, { x: holder.x + (holderNode?.width ?? 0) / 2, y: holder.y });
        holderTops.push(holder?.y ?? origin.y);
        barY = Math.min(barY, (holder?.y ?? origin.y) - CLUSTER.bandGap / 2);
      }
    }
  }
  const first = branches[0];
  if (!first) return null;
  // The bar runs above the first row of nodes even when every pod is in a lower row: a trunk dropping
  // to a bar above a lower row crossed the nodes of the first (Traefik's pod on kind-worker2).
  // Branches to pods in a lower row of nodes run along the gap above that row.
  const topRow = Number.isFinite(bandTop) ? Math.min(bandTop, ...holderTops) : Math.min(...holderTops);
  barY = Math.min(barY, topRow - CLUSTER.bandGap / 2);
  branches.forEach((b, i) => {
    const top = holderTops[i]!;
    if (top > topRow + 1) b.rowY = top - KUBE_NODE.gap / 2;
  });
  const data: BusData = {
    branches,
    barY,
    gutterDx: -(CARD.width + CARD.gap) / 2,
    nodeDrops: [...nodeDrops.values()],
    marginX: Number.isFinite(bandLeft) ? bandLeft - CLUSTER.padding / 2 : first.x,
  };
  return {
    id: getBusEdgeId(endpointsId),
    type: BUS_EDGE_TYPE,
    source: endpointsId,
    target: first.id,
    className: 'kp-edge-endpoint kp-edge-bus',
    data,
    selectable: false,
    focusable: false,
    ...NO_POINTER_PATH,
  };
}

/** The bus's SVG paths: the trunk with the ready branches, and the not-ready branches apart (dashed). */
export function getBusPaths(
  source: { x: number; y: number },
  data: BusData,
): { ready: string; notReady: string; branch: (podId: string) => string } {
  const { branches, barY, gutterDx, nodeDrops, marginX } = data;
  const below = source.y + CARD.gap / 2;
  // The last row of cards sits right above the bar: the trunk drops straight down.
  const trunkX = below >= barY - 1 ? source.x : source.x + gutterDx;
  const trunk =
    trunkX === source.x
      ? `M${source.x},${source.y}V${barY}`
      : `M${source.x},${source.y}V${below}H${trunkX}V${barY}`;
  const topOf = (b: BusBranch) => b.side ?? b.x;
  const large = branches.length > BUS_DROP_PER_NODE_ABOVE;
  const lower = branches.some((b) => b.rowY !== undefined);
  const xs = [
    trunkX,
    ...(large ? nodeDrops.map((d) => d.x) : branches.filter((b) => b.rowY === undefined).map((b) => b.laneX)),
    ...(lower ? [marginX] : []),
  ];
  const bar = `M${Math.min(...xs)},${barY}H${Math.max(...xs)}`;
  // A lower node row: down the margin, along the gap above the row. Into the node: down its left lane
  // beside the header, along the lane under the header, then into the pod's top (first row) or down
  // the gap beside its column (lower rows). The line never crosses the nodes, pods or headers above.
  const drop = (b: BusBranch) => {
    const start = b.rowY === undefined ? `M${b.laneX},${barY}` : `M${marginX},${barY}V${b.rowY}H${b.laneX}`;
    const enter = `${start}V${b.laneY}H${topOf(b)}`;
    return b.side === undefined ? `${enter}V${b.y}` : `${enter}V${b.y}H${b.x}`;
  };
  const readyDrops = large
    ? nodeDrops.map((d) =>
        d.y - barY > KUBE_NODE.gap
          ? `M${marginX},${barY}V${d.y - KUBE_NODE.gap / 2}H${d.x}V${d.y}`
          : `M${d.x},${barY}V${d.y}`,
      )
    : branches.filter((b) => !b.notReady).map(drop);
  return {
    ready: [trunk, bar, ...readyDrops].join(''),
    notReady: large
      ? ''
      : branches
          .filter((b) => b.notReady)
          .map(drop)
          .join(''),
    branch: (podId) => {
      const b = branches.find((x) => x.id === podId);
      return b ? `${trunk}M${trunkX},${barY}H${b.rowY === undefined ? b.laneX : marginX}${drop(b)}` : '';
    },
  };
}
