/**
 * The one animation loop (Excalidraw's AnimationController): it reads the flights in the traffic
 * store through `subscribe` into local maps, and each frame writes `transform` attributes on a pool of
 * SVG circles. React renders the pool once; nothing here sets React or zustand state per frame. Each
 * flight lands in the store exactly once, when it arrives.
 */
import type { TrafficStore } from '../../store/trafficStore.ts';
import { getArrivalKey, landFlight } from '../../store/trafficStore.ts';
import type { ViewStore } from '../../store/viewStore.ts';
import { createPacketTimeline, positionAt, timeOfHop } from './packetTimeline.ts';
import type { PacketTimeline, Point } from './packetTimeline.ts';

export interface PacketElements {
  /** Pooled dots, hidden (`display: none`) when unused. */
  dots: SVGGElement[];
  /** The focused packet's label. */
  label: SVGTextElement;
  labelGroup: SVGGElement;
  /** Element whose data attributes and text announce progress (tests wait on it; screen readers hear it). */
  status: HTMLElement;
}

interface Active {
  id: string;
  timeline: PacketTimeline;
  startAt: number;
  elapsed: number;
  focused: boolean;
  slot: number;
  arrival: string;
  traceHops: number;
  hops: { kind: string; at: string; note: string }[];
  lastHop: number;
}

export function startFrameLoop(
  traffic: TrafficStore,
  view: ViewStore,
  elements: PacketElements,
  getCenters: () => ReadonlyMap<string, Point>,
  now: () => number = () => performance.now(),
): () => void {
  const active = new Map<string, Active>();
  const freeSlots = elements.dots.map((_, i) => elements.dots.length - 1 - i);
  let last = now();
  let frame = 0;
  let lastLabel = '';

  const announce = (a: Active, hop: number, arrived: string | null) => {
    const s = elements.status;
    s.dataset.traceId = a.id;
    s.dataset.hop = String(hop);
    if (arrived === null) delete s.dataset.arrived;
    else s.dataset.arrived = arrived;
    // Narrate the hop once (an aria-live region), and mark its row in the step list.
    const h = a.hops[hop];
    s.textContent = h ? `Hop ${hop + 1} of ${a.traceHops} · ${h.kind} at ${h.at}: ${h.note}` : '';
    const doc = s.ownerDocument;
    doc.querySelectorAll('.kp-hop-row.kp-playing').forEach((row) => row.classList.remove('kp-playing'));
    doc.querySelector(`.kp-hop-row[data-hop-row="${hop}"]`)?.classList.add('kp-playing');
  };

  function sync(): void {
    const { flights } = traffic.getState();
    const ids = new Set(flights.map((f) => f.id));
    for (const [id, a] of active) {
      if (!ids.has(id)) release(a);
    }
    const centers = getCenters();
    for (const f of flights) {
      const existing = active.get(f.id);
      if (existing) {
        existing.focused = f.focused;
        continue;
      }
      const slot = freeSlots.pop();
      if (slot === undefined) {
        // Pool exhausted: count it without drawing (a stress test, not a lesson).
        queueMicrotask(() => landFlight(traffic, f.id));
        continue;
      }
      const a: Active = {
        id: f.id,
        timeline: createPacketTimeline(f.trace, centers),
        startAt: f.startAt,
        elapsed: 0,
        focused: f.focused,
        slot,
        arrival: getArrivalKey(f.trace),
        traceHops: f.trace.hops.length,
        hops: f.trace.hops,
        lastHop: -2,
      };
      active.set(f.id, a);
      if (f.focused) announce(a, 0, null);
    }
  }

  function release(a: Active): void {
    active.delete(a.id);
    const dot = elements.dots[a.slot];
    if (dot) dot.style.display = 'none';
    freeSlots.push(a.slot);
  }

  function tick(): void {
    const t = now();
    const dt = t - last;
    last = t;
    const { speed, paused, stepMode, stepHop, reducedMotion } = view.getState();
    let focusedShown = false;
    const landed: Active[] = [];
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
      const dot = elements.dots[a.slot];
      if (dot) {
        dot.style.display = '';
        dot.setAttribute('transform', `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`);
        dot.classList.toggle('kp-packet-focused', a.focused);
      }
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
        elements.labelGroup.setAttribute(
          'transform',
          `translate(${p.x.toFixed(1)} ${(p.y - 22).toFixed(1)})`,
        );
      }
      if (p.done) landed.push(a);
    }
    elements.labelGroup.style.display = focusedShown ? '' : 'none';
    for (const a of landed) {
      if (a.focused) announce(a, Math.max(0, a.traceHops - 1), a.arrival);
      release(a);
      landFlight(traffic, a.id);
    }
    frame = requestAnimationFrame(tick);
  }

  const unsubscribe = traffic.subscribe((next, previous) => {
    if (next.flights !== previous.flights) sync();
  });
  sync();
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}
