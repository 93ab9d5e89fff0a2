import { describe, expect, it } from 'vitest';
import { labelAnchor, labelScaleAt } from './focusLabel.ts';

/** A 1,000 px wide pane showing graph x from 0 to 1000 (zoom 1, no pan). */
const pane = { x: 0, y: 0, zoom: 1, width: 1000 };
const LABEL = '10.244.2.1:52120 → 10.244.2.2:8080';

/** The label's ends in graph coordinates, by the same estimate the anchor uses (17 px mono, 0.62 em). */
function ends(at: { x: number; scale: number }): [number, number] {
  const half = ((LABEL.length * 0.62 * 17 + 6) / 2) * at.scale;
  return [at.x - half, at.x + half];
}

describe('labelAnchor', () => {
  it('sits 24 px above a packet in the middle of the pane', () => {
    expect(labelAnchor(500, 300, LABEL.length, pane)).toEqual({ x: 500, y: 276, scale: 1 });
  });

  it('slides left so the whole label stays on the pane near its right edge, and right near its left edge', () => {
    const right = labelAnchor(990, 300, LABEL.length, pane);
    expect(ends(right)[1]).toBeLessThanOrEqual(1000);
    expect(right.x).toBeLessThan(990);
    const left = labelAnchor(5, 300, LABEL.length, pane);
    // Clear of the zoom controls, which cover the pane's left 52 px.
    expect(ends(left)[0]).toBeGreaterThanOrEqual(52);
    expect(left.x).toBeGreaterThan(5);
  });

  it('goes under a packet at the top edge instead of above the pane', () => {
    const at = labelAnchor(500, 10, LABEL.length, pane);
    expect(at.y).toBeGreaterThan(10);
  });

  it('reads the pane through the viewport: panned and zoomed out, the edges are in graph coordinates', () => {
    // zoom 0.5 panned 100 px right: the pane shows graph x from -200 to 1800; the label is drawn twice as large.
    const view = { x: 100, y: 0, zoom: 0.5, width: 1000 };
    const at = labelAnchor(1790, 300, LABEL.length, view);
    expect(at.scale).toBe(labelScaleAt(0.5));
    expect(ends(at)[1]).toBeLessThanOrEqual(1800);
  });

  it('is left where the packet is when the pane is unknown or narrower than the label', () => {
    expect(labelAnchor(990, 300, LABEL.length, { x: 0, y: 0, zoom: 1 })).toEqual({
      x: 990,
      y: 276,
      scale: 1,
    });
    expect(labelAnchor(90, 300, LABEL.length, { ...pane, width: 100 }).x).toBe(90);
  });
});
