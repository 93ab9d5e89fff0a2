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

/**
 * Paints dots on `canvas` (a <canvas> or an OffscreenCanvas); it never reads the DOM.
 *
 * A frame whose dots all sit on the same device pixels as in the last drawing is not drawn: the canvas
 * keeps its pixels, and no new frame reaches the compositor, which without a GPU blends the graph pane
 * again for every frame the crowd's canvas sends (a paused crowd of 300 sent 30 a second, the same
 * picture each time; docs/performance.md#packets-in-flight).
 */
export function createDotPainter(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  newCanvas: SpriteCanvasFactory,
): DotPainter {
  const context = canvas.getContext('2d') as Context2D | null;
  let surface: Surface = { width: 0, height: 0, ratio: 1 };
  // Drawn again at the next paint whatever the dots (the canvas was resized, so cleared).
  let dirty = true;
  // The last drawing's dots as device pixels and kind (x, y, focused: three numbers a dot), and its
  // sprites' key; `places` is this frame's, swapped with it once drawn.
  let drawnPlaces: number[] = [];
  let places: number[] = [];
  let drawnKey = '';
  // Redrawn only when the zoom, the colours or the pixel ratio change, not per frame.
  let plain: Sprite | null = null;
  let focused: Sprite | null = null;
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
  const onCanvas = (sx: number, sy: number) =>
    sx >= -20 && sy >= -20 && sx <= surface.width + 20 && sy <= surface.height + 20;
  /** Where the dots fall on the canvas, in device pixels, into `places`. */
  const locate = (dots: readonly Dot[], viewport: Viewport) => {
    places.length = 0;
    const { ratio } = surface;
    for (const dot of dots) {
      const sx = dot.x * viewport.zoom + viewport.x;
      const sy = dot.y * viewport.zoom + viewport.y;
      if (onCanvas(sx, sy)) places.push(Math.round(sx * ratio), Math.round(sy * ratio), dot.focused ? 1 : 0);
    }
  };
  const samePlaces = () =>
    places.length === drawnPlaces.length && places.every((value, i) => value === drawnPlaces[i]);
  const stamp = (sprite: Sprite, dot: Dot, viewport: Viewport) => {
    const sx = dot.x * viewport.zoom + viewport.x;
    const sy = dot.y * viewport.zoom + viewport.y;
    if (!onCanvas(sx, sy)) return;
    const size = sprite.half * 2;
    context?.drawImage(sprite.image, sx - sprite.half, sy - sprite.half, size, size);
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
      const key = `${scale.toFixed(3)} ${surface.ratio} ${colors.fill} ${colors.ring}`;
      locate(dots, viewport);
      if (!dirty && key === drawnKey && samePlaces()) return;
      dirty = false;
      drawnKey = key;
      [drawnPlaces, places] = [places, drawnPlaces];
      // The whole canvas, not the last dots' box: a box made the compositor no cheaper here (bench:ui
      // traces), and a canvas cleared whole need not keep its last frame's pixels.
      context.clearRect(0, 0, surface.width, surface.height);
      if (drawnPlaces.length === 0) return;
      const { plain: dot, focused: focusedDot } = sprites(key, scale, colors);
      for (const d of dots) if (!d.focused) stamp(dot, d, viewport);
      // The focused packet on top of the others.
      for (const d of dots) if (d.focused) stamp(focusedDot, d, viewport);
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
