import { describe, expect, it } from 'vitest';
import { createKubiaFixture } from '../../store/testing/clusterFixture.ts';
import { getAbsoluteOrigins } from './flowIdentity.ts';
import type { GraphShape } from './layoutMetrics.ts';
import { getLbRoutePath, LB_EDGE_TYPE } from './loadBalancerRoute.ts';
import type { LbRouteData } from './loadBalancerRoute.ts';
import { toFlowElements } from './toFlowElements.ts';
import { fitPortList, servicePortLines } from './graphLabels.ts';

/** The corners of an `M x y H x V y …` path. */
function corners(path: string): { x: number; y: number }[] {
  const tokens = path.split(' ');
  const points: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length; i++) {
    const op = tokens[i];
    if (op === 'M') {
      x = Number(tokens[++i]);
      y = Number(tokens[++i]);
    } else if (op === 'H') x = Number(tokens[++i]);
    else if (op === 'V') y = Number(tokens[++i]);
    else continue;
    points.push({ x, y });
  }
  return points;
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether the axis-aligned segment a-b enters the inside of the box (its border excluded). */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > box.x + 1 && x1 < box.x + box.width - 1 && y2 > box.y + 1 && y1 < box.y + box.height - 1;
}

describe('load balancer edges', () => {
  for (const shape of ['wide', 'tall', 'panorama'] as GraphShape[]) {
    it(`reach every node without crossing a card (${shape} pane)`, () => {
      const { nodes, edges } = toFlowElements({
        state: createKubiaFixture(),
        ingressControllers: {},
        policies: [],
        stale: false,
        shape,
      });
      const origins = getAbsoluteOrigins(nodes);
      const boxes: Box[] = nodes
        .filter((n) => n.type !== 'cluster')
        .map((n) => ({ id: n.id, ...origins.get(n.id)!, width: n.width ?? 0, height: n.height ?? 0 }));
      const routes = edges.filter((e) => e.source.startsWith('lb/'));
      expect(routes.length).toBe(nodes.filter((n) => n.type === 'node').length);
      for (const e of routes) {
        expect(e.type).toBe(LB_EDGE_TYPE);
        const lb = boxes.find((b) => b.id === e.source)!;
        const target = boxes.find((b) => b.id === e.target)!;
        const path = getLbRoutePath(
          lb.x + lb.width,
          lb.y + lb.height / 2,
          target.x + target.width / 2,
          target.y + target.height,
          e.data as LbRouteData,
        );
        const points = corners(path);
        expect(points.at(-1)).toEqual({ x: target.x + target.width / 2, y: target.y + target.height });
        for (let i = 1; i < points.length; i++) {
          const hit = boxes.filter((b) => crosses(points[i - 1]!, points[i]!, b)).map((b) => b.id);
          expect(hit, `${e.id} segment ${i}`).toEqual([]);
        }
      }
    });
  }
});

describe('Service ports on a card', () => {
  it('keeps a list that fits, and says how many more when it does not', () => {
    expect(fitPortList('80:30123/TCP')).toEqual({ lines: ['80:30123/TCP'], more: 0 });
    expect(fitPortList('80:31234/TCP,443:31555/TCP')).toEqual({ lines: ['80:31234/TCP'], more: 1 });
    expect(fitPortList('80/TCP,443/TCP,8080/TCP,8443/TCP,9090/TCP')).toEqual({
      lines: ['80/TCP'],
      more: 4,
    });
    expect(fitPortList('80/TCP,443/TCP')).toEqual({ lines: ['80/TCP,443/TCP'], more: 0 });
    // A single port longer than the line is shown whole (the card clips it, the title has it).
    expect(fitPortList('65535:32767/SCTP,1/TCP', 1, 10)).toEqual({ lines: ['65535:32767/SCTP'], more: 1 });
  });

  it('uses a second line when the card has room for one', () => {
    expect(fitPortList('80:31234/TCP,443:31555/TCP', 2)).toEqual({
      lines: ['80:31234/TCP,', '443:31555/TCP'],
      more: 0,
    });
    expect(fitPortList('80/TCP,443/TCP,8080/TCP,8443/TCP,9090/TCP,9443/TCP,10000/TCP', 2)).toEqual({
      lines: ['80/TCP,443/TCP,', '8080/TCP'],
      more: 4,
    });
    expect(servicePortLines({ name: 'web', externalIP: '', notes: '' })).toBe(2);
    expect(servicePortLines({ name: 'web', externalIP: '172.18.255.200', notes: '' })).toBe(1);
    expect(servicePortLines({ name: 'traefik-ingress-service', externalIP: '', notes: '' })).toBe(1);
  });
});
