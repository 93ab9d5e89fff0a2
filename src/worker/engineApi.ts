/**
 * The one interface the store uses to reach the engine, whether it runs in a Web Worker
 * (engineClient.ts) or on the main thread (inThread.ts). The UI never knows which one runs.
 */
import type { RequestSpec, Simulation, SimulationInput, Trace } from '../engine/index.ts';

export interface SimulateReply {
  /** The generation the request was sent with; only the latest one is applied. */
  generation: number;
  /** The new simulation, or null when the engine failed (error says why). */
  sim: Simulation | null;
  error: string | null;
}

export interface RouteReply {
  traces: Trace[];
  error: string | null;
}

export interface EngineClient {
  /**
   * Rebuilds the cluster from (yaml, seed, actions). Resolves with null when a later call has
   * superseded this one, so a slow reply never overwrites the latest edit.
   */
  simulate(input: SimulationInput): Promise<SimulateReply | null>;
  /** Routes requests in order against the latest simulation (each a new connection); rng and affinity advance. */
  route(requests: RequestSpec[]): Promise<RouteReply>;
  dispose(): void;
}

/** Messages over the Worker boundary: a typed op map (use-cannon's CannonMessageMap idea). */
export type EngineRequestMessage =
  | { op: 'simulate'; id: number; generation: number; input: SimulationInput }
  | { op: 'route'; id: number; requests: RequestSpec[] };

export type EngineReplyMessage =
  | { op: 'simulate'; id: number; reply: SimulateReply }
  | { op: 'route'; id: number; reply: RouteReply };
