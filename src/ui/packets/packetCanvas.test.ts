import { describe, expect, it } from 'vitest';
import { createDotPainter } from './packetCanvas.ts';
import type { Dot, Viewport } from './packetCanvas.ts';

type Call = [string, ...number[]];

/** A canvas whose 2D context records what is cleared and drawn (the painter reads nothing back). */
function fakeCanvas() {
  const calls: Call[] = [];
  const context = {
    setTransform: () => undefined,
    clearRect: (x: number, y: number, w: number, h: number) => calls.push(['clear', x, y, w, h]),
    drawImage: (_image: unknown, x: number, y: number, w: number, h: number) =>
      calls.push(['draw', x, y, w, h]),
    scale: () => undefined,
    beginPath: () => undefined,
    arc: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
  };
  const canvas = { width: 0, height: 0, getContext: () => context } as unknown as OffscreenCanvas;
  const painter = createDotPainter(canvas, () => canvas);
  painter.resize({ width: 800, height: 600, ratio: 1 });
  const take = () => calls.splice(0);
  return { painter, take };
}

const view: Viewport = { x: 0, y: 0, zoom: 1 };
const colors = { fill: '#e2540b', ring: '#fff' };
const dot = (x: number, y: number, focused = false): Dot => ({ x, y, focused });

describe('createDotPainter', () => {
  it('clears the canvas and stamps every dot at each drawing', () => {
    const { painter, take } = fakeCanvas();
    painter.paint([dot(100, 100), dot(200, 150)], view, colors);
    const first = take();
    expect(first[0]).toEqual(['clear', 0, 0, 800, 600]);
    // The sprites are 11 px from their centre (radius 9, ring 2).
    expect(first.slice(1)).toEqual([
      ['draw', 89, 89, 22, 22],
      ['draw', 189, 139, 22, 22],
    ]);
    painter.paint([dot(110, 100), dot(200, 150)], view, colors);
    expect(take()).toEqual([
      ['clear', 0, 0, 800, 600],
      ['draw', 99, 89, 22, 22],
      ['draw', 189, 139, 22, 22],
    ]);
  });

  it('draws nothing while no dot moves to another device pixel (a paused crowd, dots at their hops)', () => {
    const { painter, take } = fakeCanvas();
    painter.paint([dot(100, 100), dot(200, 150)], view, colors);
    take();
    painter.paint([dot(100, 100), dot(200, 150)], view, colors);
    painter.paint([dot(100.2, 100), dot(200, 149.8)], view, colors);
    expect(take()).toEqual([]);
    // One dot on another pixel: the frame is drawn again, every dot in it.
    painter.paint([dot(101, 100), dot(200, 150)], view, colors);
    expect(take().filter((c) => c[0] === 'draw')).toHaveLength(2);
  });

  it('draws again when the view moves, the colours change or a dot gains focus, though no dot moved', () => {
    const { painter, take } = fakeCanvas();
    painter.paint([dot(100, 100)], view, colors);
    take();
    painter.paint([dot(100, 100)], { x: 5, y: 0, zoom: 1 }, colors);
    expect(take().filter((c) => c[0] === 'draw')).toEqual([['draw', 94, 89, 22, 22]]);
    painter.paint([dot(100, 100)], { x: 5, y: 0, zoom: 1 }, { ...colors, fill: '#000' });
    expect(take().filter((c) => c[0] === 'draw')).toHaveLength(1);
    painter.paint([dot(100, 100, true)], { x: 5, y: 0, zoom: 1 }, { ...colors, fill: '#000' });
    expect(take().filter((c) => c[0] === 'draw')).toHaveLength(1);
  });

  it('clears once when the last dot is gone, and again after a resize', () => {
    const { painter, take } = fakeCanvas();
    painter.paint([dot(100, 100)], view, colors);
    take();
    painter.paint([], view, colors);
    expect(take()).toEqual([['clear', 0, 0, 800, 600]]);
    painter.paint([], view, colors);
    expect(take()).toEqual([]);
    painter.resize({ width: 400, height: 300, ratio: 2 });
    painter.paint([], view, colors);
    expect(take()).toEqual([['clear', 0, 0, 400, 300]]);
  });

  it('leaves out dots off the canvas, and does not draw again for them', () => {
    const { painter, take } = fakeCanvas();
    painter.paint([dot(100, 100)], view, colors);
    take();
    painter.paint([dot(100, 100), dot(5000, 100)], view, colors);
    expect(take()).toEqual([]);
  });
});
