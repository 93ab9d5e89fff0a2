/**
 * Requests in flight and what they hit. Flights are added once per request and removed once when they
 * arrive; the frame loop reads them through `subscribe` and never writes here per frame
 * (zustand's transient updates).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { GraphId, Trace } from '../engine/index.ts';
import { showsCountsNow } from './rowsPace.ts';

export interface Flight {
  id: string;
  trace: Trace;
  /** Wall-clock start in ms (performance.now()), possibly in the future for a paced batch. */
  startAt: number;
  /** The request whose hops the step panel explains and whose label is drawn. */
  focused: boolean;
  /** The batch it belongs to, when sent by the traffic generator. */
  batch: number | null;
}

export interface BatchStats {
  id: number;
  requested: number;
  arrived: number;
  /** Arrivals by endpoint graph id (`pod/ns/name`) or by outcome (`refused`, `timeout`, …). */
  byTarget: Record<string, number>;
  /** The counts the histogram draws: `byTarget` as of `shownAt`, paced for a crowd (rowsPace.ts). */
  shown: Record<string, number>;
  /** When `shown` was last set (performance.now()); -Infinity before the first landing. */
  shownAt: number;
}

export interface TrafficState {
  flights: Flight[];
  /** The latest single request (kept after it arrives, for the step panel). */
  focused: Flight | null;
  /** The focused request has arrived: its outcome may be revealed (students predict first). */
  focusedLanded: boolean;
  /** The focused request was routed on an earlier version of the YAML (the cluster changed since). */
  focusedStale: boolean;
  /** The latest batch was routed on an earlier version of the YAML. */
  batchStale: boolean;
  /** The hop the focused request has reached (set once per hop by the frame loop, never per frame). */
  focusedHop: number;
  /** Requests delivered to each pod since the last reset. */
  hits: Record<GraphId, number>;
  batch: BatchStats | null;
  /** The traces of the latest batch, for the inspector and assertions. */
  batchTraces: Trace[];
  error: string | null;
}

export type TrafficStore = StoreApi<TrafficState>;

export function createTrafficStore(): TrafficStore {
  return createStore<TrafficState>()(() => ({
    flights: [],
    focused: null,
    focusedLanded: false,
    focusedStale: false,
    batchStale: false,
    focusedHop: 0,
    hits: {},
    batch: null,
    batchTraces: [],
    error: null,
  }));
}

/** Where a trace ended, as a key for counters: the pod's graph id, or the outcome. */
export function getArrivalKey(trace: Trace): string {
  if (trace.endpoint?.pod) return `pod/${trace.endpoint.pod}`;
  if (trace.endpoint) return `${trace.endpoint.ip}:${trace.endpoint.port}`;
  return trace.outcome;
}

export function launchFlights(store: TrafficStore, flights: Flight[]): void {
  if (flights.length === 0) return;
  const focused = flights.find((f) => f.focused);
  store.setState((s) => ({
    flights: [...s.flights.map((f) => (focused && f.focused ? { ...f, focused: false } : f)), ...flights],
    ...(focused ? { focused, focusedLanded: false, focusedStale: false, focusedHop: 0 } : {}),
  }));
}

export function startBatch(store: TrafficStore, id: number, traces: Trace[]): void {
  store.setState({
    // Never shown yet: the first landing is drawn at once, however large the crowd.
    batch: { id, requested: traces.length, arrived: 0, byTarget: {}, shown: {}, shownAt: -Infinity },
    batchTraces: traces,
    batchStale: false,
  });
}

/**
 * Flights that reached their end (all those landing in one frame): each is counted once and dropped
 * from the in-flight list, in one store update.
 */
export function landFlights(store: TrafficStore, flightIds: string[], now = performance.now()): void {
  if (flightIds.length === 0) return;
  store.setState((s) => {
    const landing = new Set(flightIds);
    const landed = s.flights.filter((f) => landing.has(f.id));
    if (landed.length === 0) return s;
    // One copy of the counters per landing, however many flights land in it (a batch of arrivals
    // from the frame loop can be dozens, and there can be a thousand pods).
    const hits = { ...s.hits };
    let delivered = 0;
    let batch = s.batch;
    const byTarget = batch ? { ...batch.byTarget } : {};
    let batchArrived = 0;
    for (const flight of landed) {
      const key = getArrivalKey(flight.trace);
      if (flight.trace.endpoint?.pod !== undefined && flight.trace.outcome !== 'refused') {
        hits[key] = (hits[key] ?? 0) + 1;
        delivered++;
      }
      if (batch && flight.batch === batch.id) {
        batchArrived++;
        byTarget[key] = (byTarget[key] ?? 0) + 1;
      }
    }
    if (batch && batchArrived > 0) {
      const arrived = batch.arrived + batchArrived;
      const shows = showsCountsNow({
        targets: Object.keys(byTarget).length,
        done: arrived >= batch.requested,
        sinceShown: now - batch.shownAt,
      });
      batch = shows
        ? { ...batch, arrived, byTarget, shown: byTarget, shownAt: now }
        : { ...batch, arrived, byTarget };
    }
    const focusedLanded = s.focusedLanded || (s.focused !== null && landing.has(s.focused.id));
    return {
      flights: s.flights.filter((f) => !landing.has(f.id)),
      hits: delivered > 0 ? hits : s.hits,
      batch,
      focusedLanded,
    };
  });
}

export function clearTraffic(store: TrafficStore): void {
  store.setState({
    flights: [],
    hits: {},
    batch: null,
    batchTraces: [],
    focused: null,
    focusedLanded: false,
    focusedStale: false,
    batchStale: false,
    error: null,
  });
}

/** The cluster changed: what was routed before stays drawn, marked as from an earlier version of the YAML. */
export function markTrafficStale(store: TrafficStore): void {
  const s = store.getState();
  const focusedStale = s.focusedStale || s.focused !== null;
  const batchStale = s.batchStale || s.batch !== null;
  if (focusedStale !== s.focusedStale || batchStale !== s.batchStale)
    store.setState({ focusedStale, batchStale });
}

export function setTrafficError(store: TrafficStore, error: string | null): void {
  store.setState({ error });
}

export function setFocusedHop(store: TrafficStore, hop: number): void {
  if (store.getState().focusedHop !== hop) store.setState({ focusedHop: hop });
}
