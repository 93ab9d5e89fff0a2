/**
 * Endpoints -> pods as one edge: a bus. The trunk leaves the Endpoints card, runs down the gutter
 * beside its column to a bar just above the nodes band, and drops one branch to each pod it lists.
 * Several Endpoints that list the same pods (three Services over three pods) share that bar and
 * those branches, so the picture shows one fan instead of a tangle of crossing curves.
 *
 * Pure: the branch points come from the laid-out positions (a drag is taken into account once it
 * ends and the layout is recomputed with the dragged position).
 */
import type { EndpointSubset } from '../../engine/index.ts';
import type { GraphEdge, GraphNode } from './graphData.ts';
import { CARD, CLUSTER } from './layoutMetrics.ts';

export const BUS_EDGE_TYPE = 'bus';

export interface BusBranch {
  /** The pod's graph id. */
  id: string;
  /** The pod's top centre, in flow coordinates. */
  x: number;
  y: number;
  notReady: boolean;
}

export interface BusData extends Record<string, unknown> {
  branches: BusBranch[];
  /** Height of the shared bar, in flow coordinates. */
  barY: number;
  /** The gutter the trunk runs down, as an offset from the Endpoints card's centre. */
  gutterDx: number;
}

export function getBusEdgeId(endpointsId: string): string {
  return `e:${endpointsId}->pods`;
}

export function endpointsBus(
  endpointsId: string,
  subsets: EndpointSubset[],
  known: ReadonlySet<string>,
  origins: ReadonlyMap<string, { x: number; y: number }>,
  nodes: GraphNode[],
): GraphEdge | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const branches: BusBranch[] = [];
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
        branches.push({ id, x: origin.x + (pod.width ?? 0) / 2, y: origin.y, notReady });
        // The bar runs in the gap above the node that holds the pod.
        const holder = pod.parentId ? origins.get(pod.parentId) : undefined;
        barY = Math.min(barY, (holder?.y ?? origin.y) - CLUSTER.bandGap / 2);
      }
    }
  }
  const first = branches[0];
  if (!first) return null;
  const data: BusData = { branches, barY, gutterDx: -(CARD.width + CARD.gap) / 2 };
  return {
    id: getBusEdgeId(endpointsId),
    type: BUS_EDGE_TYPE,
    source: endpointsId,
    target: first.id,
    className: 'kp-edge-endpoint kp-edge-bus',
    data,
    selectable: false,
    focusable: false,
  };
}

/** The bus's SVG paths: the trunk with the ready branches, and the not-ready branches apart (dashed). */
export function getBusPaths(
  source: { x: number; y: number },
  data: BusData,
): { ready: string; notReady: string; branch: (podId: string) => string } {
  const { branches, barY, gutterDx } = data;
  const below = source.y + CARD.gap / 2;
  // The last row of cards sits right above the bar: the trunk drops straight down.
  const trunkX = below >= barY - 1 ? source.x : source.x + gutterDx;
  const trunk =
    trunkX === source.x
      ? `M${source.x},${source.y}V${barY}`
      : `M${source.x},${source.y}V${below}H${trunkX}V${barY}`;
  const xs = [trunkX, ...branches.map((b) => b.x)];
  const bar = `M${Math.min(...xs)},${barY}H${Math.max(...xs)}`;
  const drop = (b: BusBranch) => `M${b.x},${barY}V${b.y}`;
  return {
    ready: [trunk, bar, ...branches.filter((b) => !b.notReady).map(drop)].join(''),
    notReady: branches
      .filter((b) => b.notReady)
      .map(drop)
      .join(''),
    branch: (podId) => {
      const b = branches.find((x) => x.id === podId);
      return b ? `${trunk}M${trunkX},${barY}H${b.x}${drop(b)}` : '';
    },
  };
}
