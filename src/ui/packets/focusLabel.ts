/**
 * The focused packet's label, an SVG text inside the viewport that follows the packet. Per frame it
 * is one transform; the text and the visibility are written only when they change, so a frame that
 * moves the packet along the same hop touches one attribute.
 */

export interface FocusLabel {
  /** The label's text (the hop the packet is on). */
  write(text: string): void;
  /** Puts the label above the packet at (x, y), in graph coordinates, for the viewport's zoom. */
  place(x: number, y: number, zoom: number): void;
  /** Shows the label while the focused packet is in the air, hides it otherwise. */
  show(shown: boolean): void;
}

/**
 * The label's scale at a zoom: it stays readable when zoomed out (a projector shows the whole cluster
 * at ~0.5), up to three times its size.
 */
export function labelScaleAt(zoom: number): number {
  return Math.min(3, Math.max(1, 1 / Math.max(0.01, zoom)));
}

export function createFocusLabel(label: SVGTextElement, group: SVGGElement): FocusLabel {
  let lastText = '';
  let shown = false;
  return {
    write(text) {
      if (text === lastText) return;
      lastText = text;
      label.textContent = text;
    },
    place(x, y, zoom) {
      const scale = labelScaleAt(zoom);
      group.setAttribute(
        'transform',
        `translate(${x.toFixed(1)} ${(y - 24 * scale).toFixed(1)}) scale(${scale.toFixed(2)})`,
      );
    },
    show(next) {
      if (next === shown) return;
      shown = next;
      group.style.display = next ? '' : 'none';
    },
  };
}
