import { describe, expect, it } from 'vitest';
import { getIngressControllerPods, getPolicySelections } from '../../engine/index.ts';
import { createKubiaFixture } from '../../store/testing/clusterFixture.ts';
import type { RoutedData } from './cardRoutes.ts';
import { pathSegments, ROUTE_UP_TO_CARDS, ROUTED_EDGE_TYPE } from './cardRoutes.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { createSimulation } from '../../engine/index.ts';
import { getAbsoluteOrigins } from './flowIdentity.ts';
import { KUBE_NODE } from './layoutMetrics.ts';
import type { GraphShape } from './layoutMetrics.ts';
import type { Point, Rect } from './orthogonalRoute.ts';
import { routeOrthogonal } from './orthogonalRoute.ts';
import { toFlowElements } from './toFlowElements.ts';

/** Whether the axis-aligned segment a-b enters the inside of the box (its border excluded). */
function crosses(a: Point, b: Point, box: Rect): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > box.x + 1 && x1 < box.x + box.width - 1 && y2 > box.y + 1 && y1 < box.y + box.height - 1;
}

describe('Ingress edges routed around the cards', () => {
  for (const shape of ['wide', 'tall', 'panorama', 'strip'] as GraphShape[]) {
    it(`cross no card, no node header and no pod (${shape} pane)`, () => {
      const state = createKubiaFixture();
      const { nodes, edges } = toFlowElements({
        state,
        ingressControllers: getIngressControllerPods(state),
        policies: getPolicySelections(state),
        stale: false,
        shape,
      });
      const origins = getAbsoluteOrigins(nodes);
      const boxes = nodes
        .filter((n) => n.type !== 'cluster')
        .map((n) => {
          const at = origins.get(n.id)!;
          // A node's body may be crossed (between its pods); its header may not.
          const height = n.type === 'node' ? KUBE_NODE.header - KUBE_NODE.lane : (n.height ?? 0);
          return { id: n.id, x: at.x, y: at.y, width: n.width ?? 0, height };
        });
      const routed = edges.filter((e) => /kp-edge-(controller|backend)/.test(e.className ?? ''));
      // The Ingress to its backend, Traefik's pod to the Ingress it serves.
      expect(routed.map((e) => e.id).sort()).toEqual([
        'e:ing/default/kubia->svc/default/kubia-nodeport',
        expect.stringMatching(/^e:pod\/kube-system\/traefik-ingress-controller-.*->ing\/default\/kubia$/),
      ]);
      for (const e of routed) {
        expect(e.type).toBe(ROUTED_EDGE_TYPE);
        const points = (e.data as RoutedData).points;
        expect(points.length).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < points.length; i++) {
          const [a, b] = [points[i - 1]!, points[i]!];
          expect(a.x === b.x || a.y === b.y, `${e.id} segment ${i} is straight`).toBe(true);
          const hit = boxes.filter((box) => crosses(a, b, box)).map((box) => box.id);
          expect(hit, `${e.id} segment ${i}`).toEqual([]);
        }
      }
    });
  }
});

describe('a large cluster', () => {
  it(`keeps its Ingress lines as curves above ${ROUTE_UP_TO_CARDS} cards (routing each edit would be slow)`, () => {
    const text = generateScenario({ nodes: 6, apps: 30, ingresses: 10, namespaces: 2 });
    const state = createSimulation({ files: [{ file: 'large.yaml', text }], seed: 1 }).state;
    const { nodes, edges } = toFlowElements({
      state,
      ingressControllers: getIngressControllerPods(state),
      policies: getPolicySelections(state),
      stale: false,
    });
    expect(nodes.length).toBeGreaterThan(ROUTE_UP_TO_CARDS);
    const ingressLines = edges.filter((e) => /kp-edge-(controller|backend)/.test(e.className ?? ''));
    expect(ingressLines.length).toBeGreaterThan(0);
    expect(ingressLines.filter((e) => e.type === ROUTED_EDGE_TYPE)).toEqual([]);
  });
});

describe('orthogonal routes', () => {
  const card = (x: number, y: number): Rect => ({ x, y, width: 100, height: 50 });

  it('goes round a card in the way, down the gap beside it, with as few bends as it can', () => {
    const a = card(0, 0);
    const b = card(0, 200);
    const wall = { x: -20, y: 90, width: 140, height: 40 };
    const points = routeOrthogonal({
      from: [{ x: 50, y: 50, side: 'bottom', card: a }],
      to: [{ x: 50, y: 200, side: 'top', card: b }],
      obstacles: [a, b, wall],
    })!;
    expect(points[0]).toEqual({ x: 50, y: 50 });
    expect(points.at(-1)).toEqual({ x: 50, y: 200 });
    for (let i = 1; i < points.length; i++)
      expect([a, b, wall].some((box) => crosses(points[i - 1]!, points[i]!, box))).toBe(false);
    expect(points.length).toBe(6);
  });

  it('runs beside a line it should avoid rather than on it', () => {
    const a = card(0, 0);
    const b = card(0, 200);
    const avoid = [{ a: { x: 50, y: 0 }, b: { x: 50, y: 300 } }];
    const points = routeOrthogonal({
      from: [{ x: 50, y: 50, side: 'bottom', card: a }],
      to: [{ x: 50, y: 200, side: 'top', card: b }],
      obstacles: [a, b],
      avoid,
    })!;
    // Straight down would run 150 along the line; the route leaves it at the first line of the grid.
    let along = 0;
    for (let i = 1; i < points.length; i++)
      if (points[i]!.x === 50 && points[i - 1]!.x === 50) along += Math.abs(points[i]!.y - points[i - 1]!.y);
    expect(along).toBeLessThanOrEqual(75);
  });

  it('gives up when the cards wall the port in', () => {
    const a = card(0, 0);
    const b = card(300, 0);
    const lid = { x: -50, y: -50, width: 200, height: 48 };
    const floor = { x: -50, y: 52, width: 200, height: 48 };
    const left = { x: -50, y: -50, width: 48, height: 150 };
    const right = { x: 102, y: -50, width: 48, height: 150 };
    expect(
      routeOrthogonal({
        from: [{ x: 100, y: 25, side: 'right', card: a }],
        to: [{ x: 300, y: 25, side: 'left', card: b }],
        obstacles: [a, b, lid, floor, left, right],
      }),
    ).toBeNull();
  });

  it('reads the runs of the bus and load balancer paths', () => {
    expect(pathSegments('M1,2V10H5M0 0 H 3 V -4')).toEqual([
      { a: { x: 1, y: 2 }, b: { x: 1, y: 10 } },
      { a: { x: 1, y: 10 }, b: { x: 5, y: 10 } },
      { a: { x: 0, y: 0 }, b: { x: 3, y: 0 } },
      { a: { x: 3, y: 0 }, b: { x: 3, y: -4 } },
    ]);
  });
});
