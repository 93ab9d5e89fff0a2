/**
 * The simulation: derived from the scenario by the engine, never shared. After a syntax error the
 * engine answers with the last good cluster marked stale; `stale` says the cluster is behind the text.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Diagnostic, Simulation } from '../engine/index.ts';
import { NO_GRAPH_FACTS } from '../worker/graphFacts.ts';
import type { GraphFacts } from '../worker/graphFacts.ts';

export type SimulationStatus = 'starting' | 'ready' | 'failed';

export interface SimulationState {
  status: SimulationStatus;
  /** The latest simulation (after a syntax error: the last good cluster, marked stale). */
  sim: Simulation | null;
  /** What the graph draws of `sim` that takes Kubernetes rules to know, computed beside the engine. */
  graph: GraphFacts;
  /** Diagnostics of the latest run (even when it was broken and `sim` is older). */
  diagnostics: Diagnostic[];
  /** True when the latest YAML did not parse and every view shows the last good cluster. */
  stale: boolean;
  /** The engine's own failure (a bug or "not implemented"), shown instead of a graph. */
  engineError: string | null;
  /** Counts applied runs; lets views know that the cluster changed. */
  revision: number;
}

export type SimulationStore = StoreApi<SimulationState>;

export function createSimulationStore(): SimulationStore {
  return createStore<SimulationState>()(() => ({
    status: 'starting',
    sim: null,
    graph: NO_GRAPH_FACTS,
    diagnostics: [],
    stale: false,
    engineError: null,
    revision: 0,
  }));
}

/**
 * The engine's answer, whole: when the YAML has a syntax error the engine itself keeps the last good
 * cluster and marks it stale (editSimulation.ts), so the graph, the terminal, requests, the inspector
 * and lessons all work on that one cluster and all say it is stale.
 */
export function applySimulation(store: SimulationStore, sim: Simulation, graph: GraphFacts): void {
  const previous = store.getState();
  store.setState({
    sim,
    graph,
    diagnostics: sim.diagnostics,
    stale: sim.stale === true,
    status: 'ready',
    engineError: null,
    revision: previous.revision + 1,
  });
}

/**
 * Problems known before the engine's answer (a link over the playground's limits: earlyLimits.ts): listed
 * at once, over whatever cluster is on screen; the engine's answer replaces them with its own, which say
 * the same.
 */
export function showEarlyDiagnostics(store: SimulationStore, diagnostics: Diagnostic[]): void {
  store.setState({ diagnostics });
}

export function applyEngineError(store: SimulationStore, error: string): void {
  store.setState((s) => ({ engineError: error, status: s.sim ? 'ready' : 'failed', stale: s.sim !== null }));
}
