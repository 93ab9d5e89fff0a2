/**
 * Arrivals are counted in the traffic store in batches, not one per frame: every landing updates the
 * hit counters, so with 300 packets arriving one store update per frame made every pod card's selector
 * run and the traffic panel re-render 60 times a second (bench:ui, docs/performance.md). A packet that
 * arrived is drawn no more at once; it is counted with the next batch, every landEveryMs
 * (crowdAnimator.ts), or at once when the caller says so (the focused request, the last packet).
 */
import type { TrafficStore } from '../../store/trafficStore.ts';
import { landFlights } from '../../store/trafficStore.ts';
import { landEveryMs } from './crowdAnimator.ts';

export interface ArrivalBatches {
  /** The flight arrived: it waits for the next batch. */
  add(id: string): void;
  /** Whether the flight has arrived (counted or waiting): it is not drawn again. */
  has(id: string): boolean;
  /** Forgets flights the store no longer holds. */
  keepOnly(ids: ReadonlySet<string>): void;
  /** Whether a batch is due at `t` with `inAir` packets still drawn (at once when none is). */
  due(t: number, inAir: number): boolean;
  /** Counts the waiting arrivals in the store. */
  land(t: number): void;
}

export function createArrivalBatches(traffic: TrafficStore, startedAt: number): ArrivalBatches {
  const arrived = new Set<string>();
  let waiting: string[] = [];
  let lastLanding = startedAt;
  return {
    add(id) {
      arrived.add(id);
      waiting.push(id);
    },
    has: (id) => arrived.has(id),
    keepOnly(ids) {
      for (const id of arrived) if (!ids.has(id)) arrived.delete(id);
    },
    due: (t, inAir) => inAir === 0 || t - lastLanding >= landEveryMs(inAir),
    land(t) {
      lastLanding = t;
      if (waiting.length === 0) return;
      const batch = waiting;
      waiting = [];
      landFlights(traffic, batch);
    },
  };
}
