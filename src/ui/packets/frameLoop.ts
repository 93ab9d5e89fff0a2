/**
 * The one animation loop (Excalidraw's AnimationController): it reads the flights in the traffic
 * store through `subscribe` into a local map, and each frame draws every packet on one canvas and
 * moves the focused packet's label (an SVG text inside the viewport). Nothing here sets React or
 * zustand state per frame, and nothing reads the DOM: per frame the work is one position per packet
 * and one canvas draw. Arrivals land in the store in batches (landEveryMs): every landing updates
 * the hit counters, so with 300 packets arriving one store update per frame made every pod card's
 * selector run and the traffic panel re-render 60 times a second (bench:ui, docs/performance.md).
 * The focused request, and the last packet in the air, land at once. Progress of the focused request
 * is written as data attributes (and narrated) once per hop.
 *
 * Given a crowd (crowdClient.ts), every packet but the focused one is handed to it: a Worker moves
 * and draws them on a canvas of its own and posts back their arrivals, so with 300 packets and no
 * focused request this loop does not run at all. A focused packet that loses focus mid-flight (a new
 * request was sent) is handed over where it is.
 */
import type { Hop } from '../../engine/index.ts';
import type { TrafficStore } from '../../store/trafficStore.ts';
import { getArrivalKey, landFlights, setFocusedHop } from '../../store/trafficStore.ts';
import type { ViewState, ViewStore } from '../../store/viewStore.ts';
import { LAND_EVERY_MS, landEveryMs } from './crowdAnimator.ts';
import type { Crowd } from './crowdClient.ts';
import type { Motion } from './crowdProtocol.ts';
import type { Dot, PacketCanvas, Viewport } from './packetCanvas.ts';
import { createPacketTimeline, MAX_FRAME_STEP_MS, positionAt, timeOfHop } from './packetTimeline.ts';
import type { PacketTimeline, Point } from './packetTimeline.ts';

export interface PacketElements {
  canvas: PacketCanvas;
  /** The focused packet's label. */
  label: SVGTextElement;
  labelGroup: SVGGElement;
  /** Element whose data attributes and text announce progress (tests wait on it; screen readers hear it). */
  status: HTMLElement;
  /** Draws every packet but the focused one off the main thread; none: this loop draws them all. */
  crowd?: CrowdSink | null;
}

export type CrowdSink = Pick<Crowd, 'add' | 'remove' | 'setMotion' | 'onLanded' | 'onLost'>;

interface Active {
  id: string;
  timeline: PacketTimeline;
  startAt: number;
  elapsed: number;
  focused: boolean;
  arrival: string;
  traceHops: number;
  hops: readonly Hop[];
  lastHop: number;
}

export interface FrameLoopSources {
  getCenters: () => ReadonlyMap<string, Point>;
  getViewport: () => Viewport;
  /** The status line's text for one hop, at the narration level now chosen (narration/statusLine.ts). */
  describeHop: (hop: Hop, index: number, total: number) => string;
  now?: () => number;
}

export { LAND_EVERY_MS };

const motionOf = (s: ViewState): Motion => ({
  speed: s.speed,
  paused: s.paused,
  reducedMotion: s.reducedMotion,
});

export function startFrameLoop(
  traffic: TrafficStore,
  view: ViewStore,
  elements: PacketElements,
  sources: FrameLoopSources,
): () => void {
  const now = sources.now ?? (() => performance.now());
  const active = new Map<string, Active>();
  const dots: Dot[] = [];
  let last = now();
  let frame = 0;
  let lastLabel = '';
  let labelShown = false;
  let announced: { a: Active; hop: number } | null = null;
  // Arrived, drawn no more, not yet counted in the store (the next batch).
  let arrivals: string[] = [];
  const arrived = new Set<string>();
  let lastLanding = last;
  // Handed to the crowd, in the air there.
  const delegated = new Set<string>();
  let crowd = elements.crowd ?? null;

  const landArrivals = (t: number) => {
    lastLanding = t;
    if (arrivals.length === 0) return;
    const batch = arrivals;
    arrivals = [];
    landFlights(traffic, batch);
  };

  const narrate = () => {
    const h = announced ? announced.a.hops[announced.hop] : undefined;
    elements.status.textContent =
      announced && h ? sources.describeHop(h, announced.hop, announced.a.traceHops) : '';
  };

  const announce = (a: Active, hop: number, arrived: string | null) => {
    const s = elements.status;
    s.dataset.traceId = a.id;
    s.dataset.hop = String(hop);
    if (arrived === null) delete s.dataset.arrived;
    else s.dataset.arrived = arrived;
    setFocusedHop(traffic, hop);
    // Narrate the hop once (an aria-live region), and mark its row in the step list.
    announced = { a, hop };
    narrate();
    const doc = s.ownerDocument;
    doc.querySelectorAll('.kp-hop-row.kp-playing').forEach((row) => row.classList.remove('kp-playing'));
    doc.querySelector(`.kp-hop-row[data-hop-row="${hop}"]`)?.classList.add('kp-playing');
  };

  function sync(): void {
    const { flights } = traffic.getState();
    const ids = new Set(flights.map((f) => f.id));
    for (const id of active.keys()) if (!ids.has(id)) active.delete(id);
    for (const id of arrived) if (!ids.has(id)) arrived.delete(id);
    const gone = [...delegated].filter((id) => !ids.has(id));
    for (const id of gone) delegated.delete(id);
    crowd?.remove(gone);
    const centers = sources.getCenters();
    const handed: Active[] = [];
    for (const f of flights) {
      if (arrived.has(f.id) || delegated.has(f.id)) continue;
      const existing = active.get(f.id);
      if (existing) {
        existing.focused = f.focused;
        if (crowd && !f.focused) {
          active.delete(f.id);
          handed.push(existing);
        }
        continue;
      }
      const a: Active = {
        id: f.id,
        timeline: createPacketTimeline(f.trace, centers),
        startAt: f.startAt,
        elapsed: 0,
        focused: f.focused,
        arrival: getArrivalKey(f.trace),
        traceHops: f.trace.hops.length,
        hops: f.trace.hops,
        lastHop: -2,
      };
      if (crowd && !f.focused) {
        handed.push(a);
        continue;
      }
      active.set(f.id, a);
      if (f.focused) announce(a, 0, null);
    }
    if (crowd && handed.length > 0) {
      for (const a of handed) delegated.add(a.id);
      crowd.add(
        handed.map((a) => ({ id: a.id, timeline: a.timeline, startAt: a.startAt, elapsed: a.elapsed })),
      );
    }
    wake();
  }

  // Arrivals from the crowd are already batched: counted at once, with any of this loop's.
  const crowdLanded = (ids: string[]) => {
    for (const id of ids) {
      if (!delegated.delete(id)) continue;
      arrived.add(id);
      arrivals.push(id);
    }
    landArrivals(now());
  };
  // The Worker failed: what it was drawing is counted as arrived, and this loop draws from now on.
  const crowdLost = () => {
    crowd = null;
    crowdLanded([...delegated]);
  };
  crowd?.onLanded(crowdLanded);
  crowd?.onLost(crowdLost);

  // The loop runs while it has packets; the frame the last one arrives clears the canvas.
  function wake(): void {
    if (frame === 0 && active.size > 0) {
      last = now();
      frame = requestAnimationFrame(tick);
    }
  }

  function tick(): void {
    const t = now();
    const dt = Math.min(t - last, MAX_FRAME_STEP_MS);
    last = t;
    const { speed, paused, stepMode, stepHop, reducedMotion } = view.getState();
    let focusedShown = false;
    let focusedLanded = false;
    dots.length = 0;
    const viewport = sources.getViewport();
    // The label stays readable when zoomed out (a projector shows the whole cluster at ~0.5).
    const labelScale = Math.min(3, Math.max(1, 1 / Math.max(0.01, viewport.zoom)));
    for (const a of active.values()) {
      if (t < a.startAt) continue;
      if (a.focused && stepMode) {
        a.elapsed = stepHop >= a.traceHops ? a.timeline.duration : timeOfHop(a.timeline, stepHop);
      } else if (reducedMotion) {
        a.elapsed = a.timeline.duration;
      } else if (!paused) {
        a.elapsed += dt * speed;
      }
      const p = positionAt(a.timeline, a.elapsed);
      if (!p.done) dots.push({ x: p.x, y: p.y, focused: a.focused });
      if (a.focused) {
        focusedShown = !p.done;
        if (p.hop !== a.lastHop && p.hop >= 0) {
          a.lastHop = p.hop;
          announce(a, p.hop, null);
        }
        if (p.label !== lastLabel) {
          lastLabel = p.label;
          elements.label.textContent = p.label;
        }
        if (focusedShown) {
          elements.labelGroup.setAttribute(
            'transform',
            `translate(${p.x.toFixed(1)} ${(p.y - 24 * labelScale).toFixed(1)}) scale(${labelScale.toFixed(2)})`,
          );
        }
      }
      if (p.done) {
        if (a.focused) {
          announce(a, Math.max(0, a.traceHops - 1), a.arrival);
          focusedLanded = true;
        }
        active.delete(a.id);
        arrived.add(a.id);
        arrivals.push(a.id);
      }
    }
    if (focusedShown !== labelShown) {
      labelShown = focusedShown;
      elements.labelGroup.style.display = focusedShown ? '' : 'none';
    }
    elements.canvas.draw(dots, viewport);
    if (focusedLanded || active.size === 0 || t - lastLanding >= landEveryMs(active.size)) landArrivals(t);
    frame = active.size > 0 ? requestAnimationFrame(tick) : 0;
  }

  const unsubscribe = traffic.subscribe((next, previous) => {
    if (next.flights !== previous.flights) sync();
  });
  // Plain ↔ Details switched mid-request: the line says the same hop at the new level.
  const unsubscribeView = view.subscribe((next, previous) => {
    if (next.narration !== previous.narration) narrate();
    if (
      next.speed !== previous.speed ||
      next.paused !== previous.paused ||
      next.reducedMotion !== previous.reducedMotion
    )
      crowd?.setMotion(motionOf(next));
  });
  sync();
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
    unsubscribeView();
    // What arrived is counted even when the loop stops between two batches.
    landArrivals(now());
  };
}
