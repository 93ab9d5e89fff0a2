/**
 * The focused packet's label, an SVG text inside the viewport that follows the packet. Per frame it
 * is one transform; the text and the visibility are written only when they change, so a frame that
 * moves the packet along the same hop touches one attribute.
 */

export interface FocusLabel {
  /** The label's text (the hop the packet is on). */
  write(text: string): void;
  /**
   * Puts the label above the packet at (x, y), in graph coordinates, for the viewport's zoom, moved
   * along or under the packet where it would leave the pane (when the pane's width is known).
   */
  place(x: number, y: number, view: LabelView): void;
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

/** The viewport (React Flow's transform) and, when known, the pane's width in CSS pixels. */
export interface LabelView {
  x: number;
  y: number;
  zoom: number;
  width?: number;
}

/** The label's font (app.css `.kp-packet-label text`: 17 px monospace, a 6 px halo). */
const FONT_PX = 17;
const CHAR_EM = 0.62;
const HALO_PX = 6;
/** Between the packet and the label's baseline, and the room kept to the pane's edge (label px). */
const ABOVE_PX = 24;
const EDGE_PX = 8;
/** The pane's left strip that React Flow's zoom controls cover (screen px; the fit leaves it free too). */
const CONTROLS_PX = 52;

/**
 * Where the label's anchor (the middle of its baseline) goes, in graph coordinates: above the packet,
 * slid sideways so that neither end leaves the pane or runs under the zoom controls, and under the
 * packet when above it would leave the top. Without it a packet at a card near the pane's edge had its
 * label cut there ("10.244.2.1:52120 → 10.244.2.…"). The width is estimated from the monospace font,
 * so no layout is read per frame.
 */
export function labelAnchor(
  x: number,
  y: number,
  characters: number,
  view: LabelView,
): { x: number; y: number; scale: number } {
  const scale = labelScaleAt(view.zoom);
  let anchorY = y - ABOVE_PX * scale;
  if (view.width === undefined) return { x, y: anchorY, scale };
  const half = ((characters * CHAR_EM * FONT_PX + HALO_PX) / 2 + EDGE_PX) * scale;
  const left = (CONTROLS_PX - view.x) / view.zoom;
  const right = (view.width - view.x) / view.zoom;
  const anchorX = right - left >= 2 * half ? Math.min(Math.max(x, left + half), right - half) : x;
  const top = -view.y / view.zoom;
  if (anchorY - (FONT_PX + EDGE_PX) * scale < top) anchorY = y + (ABOVE_PX + FONT_PX) * scale;
  return { x: anchorX, y: anchorY, scale };
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
    place(x, y, view) {
      const at = labelAnchor(x, y, lastText.length, view);
      group.setAttribute(
        'transform',
        `translate(${at.x.toFixed(1)} ${at.y.toFixed(1)}) scale(${at.scale.toFixed(2)})`,
      );
    },
    show(next) {
      if (next === shown) return;
      shown = next;
      group.style.display = next ? '' : 'none';
    },
  };
}
