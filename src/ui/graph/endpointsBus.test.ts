import { describe, it, expect } from 'vitest';
import { createKubiaFixture } from '../../store/testing/clusterFixture.ts';
import type { GraphNode } from './graphData.ts';
import type { BusData } from './endpointsBus.ts';
import { getBusPaths } from './endpointsBus.ts';
import { getAbsoluteCenters, toFlowElements } from './toFlowElements.ts';
import type { GraphShape } from './layoutMetrics.ts';

interface Box {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}
type Segment = [number, number, number, number];

/** The straight segments of an SVG path made of M, H and V commands. */
function segments(path: string): Segment[] {
  const out: Segment[] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of path.matchAll(/([MHV])([^MHV]*)/g)) {
    if (command === 'M') [x, y] = args!.split(',').map(Number) as [number, number];
    else if (command === 'H') {
      out.push([x, y, Number(args), y]);
      x = Number(args);
    } else {
      out.push([x, y, x, Number(args)]);
      y = Number(args);
    }
  }
  return out;
}

/** Does the segment pass through the box's inside (touching its edge is not crossing)? */
function crosses([x1, y1, x2, y2]: Segment, b: Box): boolean {
  const [minX, maxX, minY, maxY] = [Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)];
  return minX < b.right - 1 && maxX > b.left + 1 && minY < b.bottom - 1 && maxY > b.top + 1;
}

function absoluteBoxes(nodes: GraphNode[]): Map<string, Box> {
  const centers = getAbsoluteCenters(nodes);
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const c = centers.get(n.id);
    if (!c || n.width === undefined || n.height === undefined) continue;
    boxes.set(n.id, {
      id: n.id,
      left: c.x - n.width / 2,
      right: c.x + n.width / 2,
      top: c.y - n.height / 2,
      bottom: c.y + n.height / 2,
    });
  }
  return boxes;
}

describe('the Endpoints bus', () => {
  for (const shape of ['tall', 'wide', 'panorama', 'strip'] as GraphShape[]) {
    it(`reaches every pod without crossing another node, pod or card (${shape})`, () => {
      // With Traefik in kube-system (the scenario as shipped): its only pod is in the second row of nodes.
      const { nodes, edges } = toFlowElements({
        state: createKubiaFixture(),
        ingressControllers: {},
        policies: [],
        stale: false,
        shape,
      });
      const boxes = absoluteBoxes(nodes);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const buses = edges.filter((e) => e.type === 'bus');
      expect(buses.length).toBeGreaterThan(0);
      for (const bus of buses) {
        const source = boxes.get(bus.source)!;
        const data = bus.data as BusData;
        const paths = getBusPaths({ x: (source.left + source.right) / 2, y: source.bottom }, data);
        for (const branch of data.branches) {
          const pod = byId.get(branch.id)!;
          const allowed = new Set([bus.source, branch.id, pod.parentId, 'cluster']);
          const crossed = [...boxes.values()]
            .filter((b) => !allowed.has(b.id))
            .filter((b) => segments(paths.branch(branch.id)).some((s) => crosses(s, b)))
            .map((b) => b.id);
          expect(crossed, `${bus.source} -> ${branch.id}`).toEqual([]);
        }
      }
    });
  }
});
