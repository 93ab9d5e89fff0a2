import { describe, expect, it } from 'vitest';
import { fittedViewport, replacesDrawing } from './fittedViewport.ts';
import type { FitFrame } from './fittedViewport.ts';
import type { GraphNode } from './graphData.ts';

const box = (id: string, x: number, y: number, width: number, height: number, parentId?: string) =>
  ({ id, position: { x, y }, width, height, data: {}, ...(parentId ? { parentId } : {}) }) as GraphNode;

const frame: FitFrame = {
  width: 1000,
  height: 500,
  padding: { top: 46, left: 52, right: 14, bottom: 14 },
  minZoom: 0.05,
  maxZoom: 2.5,
};

/** Where a flow point lands on screen at a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => ({
  x: x * v.zoom + v.x,
  y: y * v.zoom + v.y,
});

describe('fittedViewport', () => {
  // A cluster at (100, 50), a pod inside it whose corner (parent offset added) is the lowest and
  // rightmost point, a client outside to the left: flow bounds x -200..540, y 0..380.
  const nodes = [
    box('cluster', 100, 50, 400, 300),
    box('pod/a', 390, 290, 50, 40, 'cluster'),
    box('client', -200, 0, 100, 40),
  ];

  it('fits every card, parents offsets added, inside the padded pane, as large as it fits', () => {
    const v = fittedViewport(nodes, frame)!;
    // The height is the tighter side: (500 - 46 - 14) / 380.
    expect(v.zoom).toBeCloseTo(440 / 380, 6);
    const topLeft = onScreen(v, -200, 0);
    const bottomRight = onScreen(v, 540, 380);
    expect(topLeft.x).toBeGreaterThanOrEqual(52 - 1);
    expect(topLeft.y).toBeGreaterThanOrEqual(46 - 1);
    expect(bottomRight.x).toBeLessThanOrEqual(1000 - 14 + 1);
    expect(bottomRight.y).toBeLessThanOrEqual(500 - 14 + 1);
  });

  it('keeps to the zoom limits', () => {
    expect(fittedViewport([box('client', 0, 0, 10, 10)], frame)?.zoom).toBe(2.5);
    expect(fittedViewport([box('cluster', 0, 0, 1e6, 1e6)], frame)?.zoom).toBe(0.05);
  });

  it('leaves out hidden and unsized nodes, and has nothing to fit without a pane or nodes', () => {
    const hidden = { ...box('far', 5000, 5000, 10, 10), hidden: true };
    const unsized = { ...box('far2', -5000, -5000, 10, 10), width: undefined };
    expect(fittedViewport([...nodes, hidden, unsized], frame)).toEqual(fittedViewport(nodes, frame));
    expect(fittedViewport(nodes, { ...frame, width: 0 })).toBeNull();
    expect(fittedViewport([], frame)).toBeNull();
  });
});

describe('replacesDrawing', () => {
  const ids = (...names: string[]) => names.map((id) => ({ id }));

  it('is a replacement when fewer than half of the new nodes were drawn', () => {
    expect(replacesDrawing(new Set(), ids('a', 'b'))).toBe(true);
    expect(replacesDrawing(new Set(['cluster', 'dns']), ids('cluster', 'dns', 'x', 'y', 'z'))).toBe(true);
  });

  it('is an edit when most nodes stay, and nothing when there is nothing to draw', () => {
    expect(replacesDrawing(new Set(['a', 'b', 'c']), ids('a', 'b', 'c', 'd'))).toBe(false);
    expect(replacesDrawing(new Set(['a', 'b']), ids('a', 'c'))).toBe(false);
    expect(replacesDrawing(new Set(['a']), [])).toBe(false);
  });
});
