/**
 * The engine side of the boundary, shared by the Worker and the in-thread fallback: it keeps the
 * latest cluster state so requests route against it without shipping the state back and forth.
 * Contract: simulation only here; nothing in this file knows about React or the DOM.
 */
import { createSimulation, routeRequest } from '../engine/index.ts';
import type { ClusterState, RequestSpec, SimulationInput, Trace } from '../engine/index.ts';
import type { RouteReply, SimulateReply } from './engineApi.ts';

export interface EngineHost {
  simulate(generation: number, input: SimulationInput): SimulateReply;
  route(requests: RequestSpec[]): RouteReply;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createEngineHost(): EngineHost {
  let state: ClusterState | null = null;
  return {
    simulate(generation, input) {
      try {
        const sim = createSimulation(input);
        state = sim.state;
        return { generation, sim, error: null };
      } catch (error) {
        return { generation, sim: null, error: messageOf(error) };
      }
    },
    route(requests) {
      if (!state) return { traces: [], error: 'The cluster is not ready yet.' };
      const traces: Trace[] = [];
      try {
        for (const request of requests) {
          const result = routeRequest(state, request);
          state = result.state;
          traces.push(result.trace);
        }
        return { traces, error: null };
      } catch (error) {
        return { traces, error: messageOf(error) };
      }
    },
  };
}
