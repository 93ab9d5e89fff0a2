/**
 * The focused request's progress, told once per hop, never per frame: data attributes on the status
 * element (tests wait on them), its text (an aria-live region: screen readers hear the hop), the hop in
 * the traffic store (the step panel follows it) and the playing row of the step list. The line is said
 * again, at the new level, when Plain ↔ Details is switched mid-request (`narrate`).
 */
import type { Hop } from '../../engine/index.ts';
import type { TrafficStore } from '../../store/trafficStore.ts';
import { setFocusedHop } from '../../store/trafficStore.ts';

/** What the narration needs of a flight. */
export interface NarratedFlight {
  id: string;
  hops: readonly Hop[];
}

export interface FocusNarration {
  /** The focused flight reached `hop`; `arrived` is its arrival key once it has landed. */
  announce(flight: NarratedFlight, hop: number, arrived: string | null): void;
  /** Says the hop last announced again (the narration level changed). */
  narrate(): void;
}

export function createFocusNarration(
  status: HTMLElement,
  traffic: TrafficStore,
  describeHop: (hop: Hop, index: number, total: number) => string,
): FocusNarration {
  let announced: { flight: NarratedFlight; hop: number } | null = null;

  const narrate = () => {
    const h = announced ? announced.flight.hops[announced.hop] : undefined;
    status.textContent = announced && h ? describeHop(h, announced.hop, announced.flight.hops.length) : '';
  };

  return {
    announce(flight, hop, arrived) {
      status.dataset.traceId = flight.id;
      status.dataset.hop = String(hop);
      if (arrived === null) delete status.dataset.arrived;
      else status.dataset.arrived = arrived;
      setFocusedHop(traffic, hop);
      announced = { flight, hop };
      narrate();
      const doc = status.ownerDocument;
      doc.querySelectorAll('.kp-hop-row.kp-playing').forEach((row) => row.classList.remove('kp-playing'));
      doc.querySelector(`.kp-hop-row[data-hop-row="${hop}"]`)?.classList.add('kp-playing');
    },
    narrate,
  };
}
