/**
 * The crowd's animation loop: every packet but the focused one. It runs in a Worker
 * (crowdWorker.ts) and draws on a canvas the page handed over, so the page's main thread does nothing
 * per frame while hundreds of packets fly (bench:ui, docs/performance.md#packets-in-flight). Same
 * timing as the page's own loop (frameLoop.ts): each packet advances by the frame's time × speed,
 * stands still while paused, and lands at once with reduced motion. Arrivals are posted in batches,
 * every LAND_EVERY_MS (less often while a large crowd flies: landEveryMs), and at once when the last
 * packet in the air arrives.
 */
import type { CrowdFlight, CrowdSettings, Motion } from './crowdProtocol.ts';
import type { Dot, DotColors, DotPainter, Surface, Viewport } from './packetCanvas.ts';
import { MAX_FRAME_STEP_MS, positionAt } from './packetTimeline.ts';

/**
 * How often arrivals are counted while packets are in the air: twice a second. Each count is a store
 * update, a render of the Traffic panel's histogram and caption (and of any card whose count shows),
 * then a frame of style, layout, paint and layerizing (bench:ui traces): that, not the dots, is the
 * page's cost of a crowd.
 */
export const LAND_EVERY_MS = 500;

/**
 * While a crowd this large is in the air, arrivals are counted once a second (LAND_EVERY_MS_IN_CROWD).
 * With a hundred dots moving, the eye is on the dots; a tally that moves every second still reads as
 * live (a dashboard's refresh), and it halves the page's cost of the crowd. A class's usual batch (30 to
 * 50 requests at 10 a second) keeps twice a second. docs/performance.md#packets-in-flight.
 */
export const CROWD_IN_AIR = 100;
export const LAND_EVERY_MS_IN_CROWD = 1000;

/** How long arrivals wait to be counted, with `inAir` packets still flying. */
export function landEveryMs(inAir: number): number {
  return inAir >= CROWD_IN_AIR ? LAND_EVERY_MS_IN_CROWD : LAND_EVERY_MS;
}

/**
 * While a crowd that large flies, its dots are drawn 30 times a second, not at the screen's rate: every
 * frame the canvas changes, the Worker hands the compositor a new bitmap of the whole graph pane and
 * the compositor draws the pane again (without a GPU, on the CPU: a fifth of a core at 60 a second with
 * 300 dots in the bench:ui traces), beside the page's main thread on a 2-core machine. Hundreds of dots
 * moving a few pixels a frame still read as motion at 30 (a video's rate); one request, or a class's
 * batch of 30, keeps every frame. docs/performance.md#packets-in-flight.
 */
export const CROWD_FRAME_MS = 1000 / 30;
/** A 60 Hz frame comes 16.7 ms after the last, give or take: skip one, draw the next. */
const FRAME_JITTER_MS = 4;

/** Whether the crowd is drawn this frame, `sincePaint` ms after it was last drawn. */
export function crowdFrameDue(sincePaint: number, inAir: number): boolean {
  return inAir < CROWD_IN_AIR || sincePaint >= CROWD_FRAME_MS - FRAME_JITTER_MS;
}

export interface CrowdAnimatorOptions {
  painter: DotPainter;
  settings: CrowdSettings;
  /** The page's clock (flights' startAt is in it). */
  now: () => number;
  requestFrame: (run: () => void) => void;
  land: (ids: string[]) => void;
}

export interface CrowdAnimator {
  add(flights: readonly CrowdFlight[]): void;
  remove(ids: readonly string[]): void;
  setSurface(surface: Surface): void;
  setViewport(viewport: Viewport): void;
  setColors(colors: DotColors): void;
  setMotion(motion: Motion): void;
}

export function createCrowdAnimator(options: CrowdAnimatorOptions): CrowdAnimator {
  const { painter, now, requestFrame, land } = options;
  let { viewport, colors, motion } = options.settings;
  const flights = new Map<string, CrowdFlight>();
  const dots: Dot[] = [];
  let arrivals: string[] = [];
  let running = false;
  let last = now();
  let lastLanding = last;
  let lastPaint = -Infinity;
  painter.resize(options.settings.surface);

  const landArrivals = (t: number) => {
    lastLanding = t;
    if (arrivals.length === 0) return;
    const batch = arrivals;
    arrivals = [];
    land(batch);
  };

  const tick = () => {
    const t = now();
    if (!crowdFrameDue(t - lastPaint, flights.size)) {
      requestFrame(tick);
      return;
    }
    lastPaint = t;
    const dt = Math.min(t - last, MAX_FRAME_STEP_MS);
    last = t;
    dots.length = 0;
    for (const f of flights.values()) {
      if (t < f.startAt) continue;
      if (motion.reducedMotion) f.elapsed = f.timeline.duration;
      else if (!motion.paused) f.elapsed += dt * motion.speed;
      const p = positionAt(f.timeline, f.elapsed);
      if (p.done) {
        flights.delete(f.id);
        arrivals.push(f.id);
      } else dots.push({ x: p.x, y: p.y, focused: false });
    }
    painter.paint(dots, viewport, colors);
    if (flights.size === 0 || t - lastLanding >= landEveryMs(flights.size)) landArrivals(t);
    // One more frame after the last dot, to clear it; then the loop sleeps until a flight comes.
    running = flights.size > 0 || dots.length > 0;
    if (running) requestFrame(tick);
  };

  const wake = () => {
    if (running) return;
    running = true;
    last = now();
    requestFrame(tick);
  };

  return {
    add(added) {
      for (const f of added) flights.set(f.id, { ...f });
      if (added.length > 0) wake();
    },
    remove(ids) {
      for (const id of ids) flights.delete(id);
      const gone = new Set(ids);
      arrivals = arrivals.filter((id) => !gone.has(id));
      wake();
    },
    setSurface(surface) {
      painter.resize(surface);
      wake();
    },
    setViewport(next) {
      viewport = next;
    },
    setColors(next) {
      colors = next;
    },
    setMotion(next) {
      motion = next;
    },
  };
}
