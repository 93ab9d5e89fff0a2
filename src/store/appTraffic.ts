/**
 * Requests on the graph: one from the request bar, a batch from the traffic panel, the ones a terminal
 * line made. The engine routes them (once the cluster on screen is built) and each becomes a flight
 * the packet layer animates.
 */
import type { RequestSpec, Trace } from '../engine/index.ts';
import type { LessonEvent } from '../lessons/index.ts';
import type { EngineClient } from '../worker/engineApi.ts';
import type { TrafficPlan } from './kubeplayApp.ts';
import { launchFlights, setTrafficError, startBatch } from './trafficStore.ts';
import type { Flight, TrafficStore } from './trafficStore.ts';
import type { ViewStore } from './viewStore.ts';

const MAX_BATCH = 2000;
/** A terminal line's requests start one after another, this far apart (ms). */
const COMMAND_TRACE_GAP_MS = 400;

export interface AppTrafficOptions {
  engine: EngineClient;
  traffic: TrafficStore;
  view: ViewStore;
  now: () => number;
  /** Resolves when the cluster on screen is built (requests are routed on it). */
  ready: () => Promise<void>;
  report: (event: LessonEvent) => void;
}

export interface AppTraffic {
  sendRequest(spec: RequestSpec): Promise<void>;
  sendTraffic(plan: TrafficPlan): Promise<void>;
  /** A terminal line's requests, in order; the last is the one the step panel explains. */
  launchCommandTraces(traces: Trace[]): void;
}

export function createAppTraffic({
  engine,
  traffic,
  view,
  now,
  ready,
  report,
}: AppTrafficOptions): AppTraffic {
  let flightCounter = 0;
  let batchCounter = 0;

  function makeFlight(
    trace: Flight['trace'],
    startAt: number,
    focused: boolean,
    batch: number | null,
  ): Flight {
    flightCounter += 1;
    return { id: `t${flightCounter}`, trace, startAt, focused, batch };
  }

  return {
    async sendRequest(spec) {
      await ready();
      const reply = await engine.route([spec]);
      setTrafficError(traffic, reply.error);
      const trace = reply.traces[0];
      if (!trace) return;
      view.setState({ stepHop: 0 });
      launchFlights(traffic, [makeFlight(trace, now(), true, null)]);
      report({ type: 'trace', trace });
    },
    async sendTraffic(plan) {
      const count = Math.max(0, Math.min(MAX_BATCH, Math.floor(plan.count)));
      if (count === 0 || plan.from.length === 0) return;
      await ready();
      const requests: RequestSpec[] = Array.from({ length: count }, (_, i) => ({
        from: plan.from[i % plan.from.length] ?? plan.from[0] ?? 'client/laptop',
        url: plan.url,
        ...(plan.host ? { headers: { Host: plan.host } } : {}),
      }));
      const reply = await engine.route(requests);
      setTrafficError(traffic, reply.error);
      batchCounter += 1;
      startBatch(traffic, batchCounter, reply.traces);
      const gap = 1000 / Math.max(0.1, plan.ratePerSecond);
      const start = now();
      launchFlights(
        traffic,
        reply.traces.map((trace, i) => makeFlight(trace, start + i * gap, false, batchCounter)),
      );
    },
    launchCommandTraces(traces) {
      if (traces.length === 0) return;
      const start = now();
      const last = traces.length - 1;
      view.setState({ stepHop: 0 });
      launchFlights(
        traffic,
        traces.map((trace, i) => makeFlight(trace, start + i * COMMAND_TRACE_GAP_MS, i === last, null)),
      );
    },
  };
}
