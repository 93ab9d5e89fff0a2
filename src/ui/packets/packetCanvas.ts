/**
 * Draws packet dots on a canvas laid over the graph, in screen space: flow coordinates go through
 * the viewport transform each frame. Measured in bench:ui: 300 SVG dots inside the React Flow
 * viewport made the browser repaint the whole 1,000-pod layer every frame (85 % busy, frames of
 * 80-100 ms); one canvas costs a clear and 300 arcs. The arcs are stamped from a dot drawn once per
 * size and colour (an offscreen sprite): without a GPU the browser rasterises paths on the main thread,
 * and one path of 300 circles, filled and stroked, cost more per frame than 300 small image copies.
 *
 * The painter (`createDotPainter`) touches no DOM, so the same code draws in the page (the focused
 * packet, packetCanvas below) and in the crowd's Worker on an OffscreenCanvas (crowdWorker.ts).
 */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Dot {
  x: number;
  y: number;
  focused: boolean;
}

export interface DotColors {
  fill: string;
  ring: string;
}

/** The canvas's size in CSS pixels and the device's pixel ratio. */
export interface Surface {
  width: number;
  height: number;
  ratio: number;
}

export interface PacketCanvas {
  draw(dots: readonly Dot[], viewport: Viewport): void;
  dispose(): void;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A canvas to draw a sprite on: a detached <canvas> in the page, an OffscreenCanvas in a Worker. */
export type SpriteCanvasFactory = (width: number, height: number) => HTMLCanvasElement | OffscreenCanvas;

const RADIUS = 9;
const FOCUSED_RADIUS = 13;

interface Sprite {
  key: string;
  image: HTMLCanvasElement | OffscreenCanvas;
  /** Half its size in CSS pixels: where its centre is. */
  half: number;
}

/** A dot (fill at 85 %, then its ring), drawn once at the device's pixel ratio. */
function drawSprite(
  newCanvas: SpriteCanvasFactory,
  radius: number,
  ring: number,
  colors: { fill: string; stroke: string },
  ratio: number,
  fillAlpha: number,
): Sprite {
  const half = Math.ceil(radius + ring);
  const size = Math.ceil(half * 2 * ratio);
  const image = newCanvas(size, size);
  const context = image.getContext('2d') as Context2D | null;
  if (context) {
    context.scale(ratio, ratio);
    context.beginPath();
    context.arc(half, half, radius, 0, Math.PI * 2);
    context.fillStyle = colors.fill;
    context.globalAlpha = fillAlpha;
    context.fill();
    context.globalAlpha = 1;
    context.strokeStyle = colors.stroke;
    context.lineWidth = ring;
    context.stroke();
  }
  return { key: '', image, half };
}

export interface DotPainter {
  /** Sets the canvas's pixel size for `surface` (the caller resized it) and redraws next time. */
  resize(surface: Surface): void;
  /**
   * Draws the dots. A frame in which no dot is on another device pixel than in the last drawing (a
   * paused crowd, packets waiting at their hops, no dots after none) draws nothing.
   */
  paint(dots: readonly Dot[], viewport: Viewport, colors: DotColors): void;
}

/** A rectangle in the canvas's CSS pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Antialiasing reaches a little past a sprite drawn at a fractional place: what is cleared and what
 * counts as drawn is this much wider, in CSS pixels.
 */
const BLEED = 2;

/**
 * Paints dots on `canvas` (a <canvas> or an OffscreenCanvas); it never reads the DOM.
 *
 * Each drawing clears only the box the last one drew in, not the whole canvas: Chromium hands the
 * compositor the part of a canvas that changed since its last frame (the union of the boxes cleared
 * and drawn), and without a GPU the compositor blends the graph pane again over that part for each
 * frame of the crowd (docs/performance.md#packets-in-flight). A frame whose dots all sit on the same
 * device pixels as in the last drawing is not drawn: the canvas keeps its pixels, and no new frame
 * reaches the compositor.
 */
export function createDotPainter(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  newCanvas: SpriteCanvasFactory,
): DotPainter {
  const context = canvas.getContext('2d') as Context2D | null;
  let surface: Surface = { width: 0, height: 0, ratio: 1 };
  // The whole canvas is cleared at the next drawing (its size, or what it shows, changed).
  let dirty = true;
  // Where the last drawing put ink; null: nowhere (the canvas is clear).
  let inked: Box | null = null;
  // The last drawing's dots, as device pixels and kind (x, y, focused), and its sprites' key.
  let drawnPlaces: Int32Array = new Int32Array(0);
  let drawnKey = '';
  const places: number[] = [];
  // Redrawn only when the zoom, the colours or the pixel ratio change, not per frame.
  let plain: Sprite | null = null;
  let focused: Sprite | null = null;
  const spriteKey = (scale: number, colors: DotColors) =>
    `${scale.toFixed(3)} ${surface.ratio} ${colors.fill} ${colors.ring}`;
  const sprites = (key: string, scale: number, colors: DotColors): { plain: Sprite; focused: Sprite } => {
    const { fill, ring } = colors;
    const { ratio } = surface;
    if (!plain || plain.key !== key) {
      plain = { ...drawSprite(newCanvas, RADIUS * scale, 2, { fill, stroke: ring }, ratio, 0.85), key };
    }
    if (!focused || focused.key !== key) {
      focused = {
        ...drawSprite(newCanvas, FOCUSED_RADIUS * scale, 3, { fill, stroke: ring }, ratio, 1),
        key,
      };
    }
    return { plain, focused };
  };
  /** The dots on the canvas, in device pixels (3 numbers a dot), into `places`. */
  const placesOf = (dots: readonly Dot[], viewport: Viewport) => {
    places.length = 0;
    const { ratio } = surface;
    for (const dot of dots) {
      const sx = dot.x * viewport.zoom + viewport.x;
      const sy = dot.y * viewport.zoom + viewport.y;
      if (sx < -20 || sy < -20 || sx > surface.width + 20 || sy > surface.height + 20) continue;
      places.push(Math.round(sx * ratio), Math.round(sy * ratio), dot.focused ? 1 : 0);
    }
  };
  const samePlaces = () => {
    if (places.length !== drawnPlaces.length) return false;
    for (let i = 0; i < places.length; i++) if (places[i] !== drawnPlaces[i]) return false;
    return true;
  };
  const stamp = (sprite: Sprite, dot: Dot, viewport: Viewport, box: Box) => {
    const sx = dot.x * viewport.zoom + viewport.x;
    const sy = dot.y * viewport.zoom + viewport.y;
    if (sx < -20 || sy < -20 || sx > surface.width + 20 || sy > surface.height + 20) return;
    const size = sprite.half * 2;
    context?.drawImage(sprite.image, sx - sprite.half, sy - sprite.half, size, size);
    box.left = Math.min(box.left, sx - sprite.half);
    box.top = Math.min(box.top, sy - sprite.half);
    box.right = Math.max(box.right, sx + sprite.half);
    box.bottom = Math.max(box.bottom, sy + sprite.half);
  };
  const clear = (box: Box) => {
    const left = Math.max(0, Math.floor(box.left - BLEED));
    const top = Math.max(0, Math.floor(box.top - BLEED));
    const right = Math.min(surface.width, Math.ceil(box.right + BLEED));
    const bottom = Math.min(surface.height, Math.ceil(box.bottom + BLEED));
    if (right > left && bottom > top) context?.clearRect(left, top, right - left, bottom - top);
  };
  return {
    resize(next) {
      surface = next;
      canvas.width = Math.round(next.width * next.ratio);
      canvas.height = Math.round(next.height * next.ratio);
      context?.setTransform(next.ratio, 0, 0, next.ratio, 0, 0);
      dirty = true;
    },
    paint(dots, viewport, colors) {
      if (!context) return;
      const scale = Math.max(0.35, viewport.zoom);
      const key = spriteKey(scale, colors);
      placesOf(dots, viewport);
      if (!dirty && key === drawnKey && samePlaces()) return;
      if (dirty) context.clearRect(0, 0, surface.width, surface.height);
      else if (inked) clear(inked);
      dirty = false;
      drawnKey = key;
      drawnPlaces = Int32Array.from(places);
      inked = null;
      if (places.length === 0) return;
      const box: Box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
      const { plain: dot, focused: focusedDot } = sprites(key, scale, colors);
      for (const d of dots) if (!d.focused) stamp(dot, d, viewport, box);
      // The focused packet on top of the others.
      for (const d of dots) if (d.focused) stamp(focusedDot, d, viewport, box);
      inked = box;
    },
  };
}

/** The canvas's CSS size and the page's pixel ratio, now. */
export function measureSurface(canvas: HTMLCanvasElement): Surface {
  return { width: canvas.clientWidth, height: canvas.clientHeight, ratio: window.devicePixelRatio || 1 };
}

/** A painter on a <canvas> in the page, resized with it. */
export function createPacketCanvas(canvas: HTMLCanvasElement, colors: () => DotColors): PacketCanvas {
  const painter = createDotPainter(canvas, (width, height) => {
    const image = document.createElement('canvas');
    image.width = width;
    image.height = height;
    return image;
  });
  let ratio = 1;
  const resize = () => {
    const surface = measureSurface(canvas);
    ratio = surface.ratio;
    painter.resize(surface);
  };
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();
  return {
    draw(dots, viewport) {
      // Moved to a screen with another pixel ratio: the canvas's size in CSS pixels may not change.
      if ((window.devicePixelRatio || 1) !== ratio) resize();
      painter.paint(dots, viewport, colors());
    },
    dispose() {
      observer.disconnect();
    },
  };
}
