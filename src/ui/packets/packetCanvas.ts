/**
 * Draws packet dots on one <canvas> laid over the graph, in screen space: flow coordinates go
 * through the viewport transform each frame. Measured in bench:ui: 300 SVG dots inside the React
 * Flow viewport made the browser repaint the whole 1,000-pod layer every frame (85 % busy, frames of
 * 80-100 ms); one canvas costs a clear and 300 arcs. The arcs are stamped from a dot drawn once per
 * size and colour (an offscreen sprite): without a GPU the browser rasterises paths on the main thread,
 * and one path of 300 circles, filled and stroked, cost more per frame than 300 small image copies.
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

export interface PacketCanvas {
  draw(dots: readonly Dot[], viewport: Viewport): void;
  dispose(): void;
}

const RADIUS = 9;
const FOCUSED_RADIUS = 13;

interface Sprite {
  key: string;
  image: HTMLCanvasElement;
  /** Half its size in CSS pixels: where its centre is. */
  half: number;
}

/** A dot (fill at 85 %, then its ring), drawn once at the device's pixel ratio. */
function drawSprite(
  radius: number,
  ring: number,
  fill: string,
  stroke: string,
  ratio: number,
  fillAlpha: number,
): Sprite {
  const half = Math.ceil(radius + ring);
  const image = document.createElement('canvas');
  image.width = image.height = Math.ceil(half * 2 * ratio);
  const context = image.getContext('2d');
  if (context) {
    context.scale(ratio, ratio);
    context.beginPath();
    context.arc(half, half, radius, 0, Math.PI * 2);
    context.fillStyle = fill;
    context.globalAlpha = fillAlpha;
    context.fill();
    context.globalAlpha = 1;
    context.strokeStyle = stroke;
    context.lineWidth = ring;
    context.stroke();
  }
  return { key: '', image, half };
}

export function createPacketCanvas(
  canvas: HTMLCanvasElement,
  colors: () => { fill: string; ring: string },
): PacketCanvas {
  const context = canvas.getContext('2d');
  let width = 0;
  let height = 0;
  let dirty = true;
  let drewSomething = false;
  const resize = () => {
    const ratio = window.devicePixelRatio || 1;
    width = canvas.clientWidth;
    height = canvas.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    context?.setTransform(ratio, 0, 0, ratio, 0, 0);
    dirty = true;
  };
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();

  // Redrawn only when the zoom, the colours or the pixel ratio change, not per frame.
  let plain: Sprite | null = null;
  let focused: Sprite | null = null;
  const sprites = (scale: number, ratio: number): { plain: Sprite; focused: Sprite } => {
    const { fill, ring } = colors();
    const key = `${scale.toFixed(3)} ${ratio} ${fill} ${ring}`;
    if (!plain || plain.key !== key) {
      plain = { ...drawSprite(RADIUS * scale, 2, fill, ring, ratio, 0.85), key };
    }
    if (!focused || focused.key !== key) {
      focused = { ...drawSprite(FOCUSED_RADIUS * scale, 3, fill, ring, ratio, 1), key };
    }
    return { plain, focused };
  };
  const stamp = (sprite: Sprite, dot: Dot, viewport: Viewport) => {
    const sx = dot.x * viewport.zoom + viewport.x;
    const sy = dot.y * viewport.zoom + viewport.y;
    if (sx < -20 || sy < -20 || sx > width + 20 || sy > height + 20) return;
    const size = sprite.half * 2;
    context?.drawImage(sprite.image, sx - sprite.half, sy - sprite.half, size, size);
  };

  return {
    draw(dots, viewport) {
      if (!context) return;
      if (dots.length === 0 && !drewSomething && !dirty) return;
      dirty = false;
      context.clearRect(0, 0, width, height);
      drewSomething = dots.length > 0;
      if (!drewSomething) return;
      const scale = Math.max(0.35, viewport.zoom);
      const { plain: dot, focused: focusedDot } = sprites(scale, window.devicePixelRatio || 1);
      for (const d of dots) if (!d.focused) stamp(dot, d, viewport);
      // The focused packet on top of the others.
      for (const d of dots) if (d.focused) stamp(focusedDot, d, viewport);
    },
    dispose() {
      observer.disconnect();
    },
  };
}
