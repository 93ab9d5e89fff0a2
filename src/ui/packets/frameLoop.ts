/**
 * The one animation loop (Excalidraw's AnimationController): it reads the flights in the traffic
 * store through `subscribe` into a local map, and each frame draws every packet on one canvas and
 * moves the focused packet's label (an SVG text inside the viewport). Nothing here sets React or
 * zustand state per frame, and nothing reads the DOM: per frame the work is one position per packet
 * and one canvas draw. Arrivals land in the store in batches (arrivalBatches.ts); the focused
 * request, and the last packet in the air, land at once. Progress of the focused request is written
 * as data attributes (and narrated) once per hop (focusNarration.ts); its label follows it
 * (focusLabel.ts).
 *
 * Given a crowd (crowdClient.ts), every packet but the focused one is handed to it: a Worker moves
 * and draws them on a canvas of its own and posts back their arrivals, so with 300 packets and no
 * focused request this loop does not run at all. A focused packet that loses focus mid-flight (a new
 * request was sent) is handed over where it is.
 */
import type { Hop } from '../../engine/index.ts';
import { readHops } from '../../engine/index.ts';
import type { TrafficStore } from '../../store/trafficStore.ts';
import { getArrivalKey } from '../../store/trafficStore.ts';
import type { ViewState, ViewStore } from '../../store/viewStore.ts';
import { createArrivalBatches } from './arrivalBatches.ts';
import { LAND_EVERY_MS } from './crowdAnimator.ts';
import type { Crowd } from './crowdClient.ts';
import type { Motion } from './crowdProtocol.ts';
import { createFocusLabel } from './focusLabel.ts';
import { createFocusNarration } from './focusNarration.ts';
import type { Dot, PacketCanvas } from './packetCanvas.ts';
import type { LabelView } from './focusLabel.ts';
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
  hops: readonly Hop[];
  lastHop: number;
}

export interface FrameLoopSources {
  getCenters: () => ReadonlyMap<string, Point>;
  /** The viewport, with the pane's size when known (the focused label keeps on the pane). */
  getViewport: () => LabelView;
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
  const narration = createFocusNarration(elements.status, traffic, sources.describeHop);
  const label = createFocusLabel(elements.label, elements.labelGroup);
  const arrivals = createArrivalBatches(traffic, last);
  // Handed to the crowd, in the air there.
  const delegated = new Set<string>();
  let crowd = elements.crowd ?? null;

  function sync(): void {
    const { flights } = traffic.getState();
    const ids = new Set(flights.map((f) => f.id));
    for (const id of active.keys()) if (!ids.has(id)) active.delete(id);
    arrivals.keepOnly(ids);
    const gone = [...delegated].filter((id) => !ids.has(id));
    for (const id of gone) delegated.delete(id);
    crowd?.remove(gone);
    // Read only for a flight not seen yet: a landing (the flights list shrinks) needs no centers, and
    // reading them walks every node of the graph (1,000 pods) once a second in a crowd.
    let centers: ReadonlyMap<string, Point> | undefined;
    const handed: Active[] = [];
    for (const f of flights) {
      if (arrivals.has(f.id) || delegated.has(f.id)) continue;
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
        timeline: createPacketTimeline(f.trace, (centers ??= sources.getCenters())),
        startAt: f.startAt,
        elapsed: 0,
        focused: f.focused,
        arrival: getArrivalKey(f.trace),
        hops: readHops(f.trace),
        lastHop: -2,
      };
      if (crowd && !f.focused) {
        handed.push(a);
        continue;
      }
      active.set(f.id, a);
      if (f.focused) narration.announce(a, 0, null);
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
    for (const id of ids) if (delegated.delete(id)) arrivals.add(id);
    arrivals.land(now());
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
    for (const a of active.values()) {
      if (t < a.startAt) continue;
      if (a.focused && stepMode) {
        a.elapsed = stepHop >= a.hops.length ? a.timeline.duration : timeOfHop(a.timeline, stepHop);
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
          narration.announce(a, p.hop, null);
        }
        label.write(p.label);
        if (focusedShown) label.place(p.x, p.y, viewport);
      }
      if (p.done) {
        if (a.focused) {
          narration.announce(a, Math.max(0, a.hops.length - 1), a.arrival);
          focusedLanded = true;
        }
        active.delete(a.id);
        arrivals.add(a.id);
      }
    }
    label.show(focusedShown);
    elements.canvas.draw(dots, viewport);
    if (focusedLanded || arrivals.due(t, active.size)) arrivals.land(t);
    frame = active.size > 0 ? requestAnimationFrame(tick) : 0;
  }

  const unsubscribe = traffic.subscribe((next, previous) => {
    if (next.flights !== previous.flights) sync();
  });
  // Plain ↔ Details switched mid-request: the line says the same hop at the new level.
  const unsubscribeView = view.subscribe((next, previous) => {
    if (next.narration !== previous.narration) narration.narrate();
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
    arrivals.land(now());
  };
}
