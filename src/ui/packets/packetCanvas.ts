/**
 * Draws packet dots on one <canvas> laid over the graph, in screen space: flow coordinates go
 * through the viewport transform each frame. Measured in bench:ui: 300 SVG dots inside the React
 * Flow viewport made the browser repaint the whole 1,000-pod layer every frame (85 % busy, frames of
 * 80-100 ms); one canvas costs a clear and 300 arcs.
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

  return {
    draw(dots, viewport) {
      if (!context) return;
      if (dots.length === 0 && !drewSomething && !dirty) return;
      dirty = false;
      context.clearRect(0, 0, width, height);
      drewSomething = dots.length > 0;
      if (!drewSomething) return;
      const { fill, ring } = colors();
      const scale = Math.max(0.35, viewport.zoom);
      context.fillStyle = fill;
      context.strokeStyle = ring;
      context.lineWidth = 2;
      context.beginPath();
      for (const dot of dots) {
        if (dot.focused) continue;
        const sx = dot.x * viewport.zoom + viewport.x;
        const sy = dot.y * viewport.zoom + viewport.y;
        if (sx < -20 || sy < -20 || sx > width + 20 || sy > height + 20) continue;
        context.moveTo(sx + RADIUS * scale, sy);
        context.arc(sx, sy, RADIUS * scale, 0, Math.PI * 2);
      }
      context.globalAlpha = 0.85;
      context.fill();
      context.globalAlpha = 1;
      context.stroke();
      for (const dot of dots) {
        if (!dot.focused) continue;
        const sx = dot.x * viewport.zoom + viewport.x;
        const sy = dot.y * viewport.zoom + viewport.y;
        context.beginPath();
        context.arc(sx, sy, FOCUSED_RADIUS * scale, 0, Math.PI * 2);
        context.fill();
        context.lineWidth = 3;
        context.stroke();
        context.lineWidth = 2;
      }
    },
    dispose() {
      observer.disconnect();
    },
  };
}
