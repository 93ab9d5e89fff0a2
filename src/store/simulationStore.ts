/**
 * The simulation: derived from the scenario by the engine, never shared. It keeps the last good
 * cluster so that a broken edit does not blank the graph; `stale` says the graph is behind the text.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Diagnostic, Simulation } from '../engine/index.ts';

export type SimulationStatus = 'starting' | 'ready' | 'failed';

export interface SimulationState {
  status: SimulationStatus;
  /** The last simulation whose YAML parsed; what the graph shows. */
  sim: Simulation | null;
  /** Diagnostics of the latest run (even when it was broken and `sim` is older). */
  diagnostics: Diagnostic[];
  /** True when the latest YAML did not parse and the graph shows an older cluster. */
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
    diagnostics: [],
    stale: false,
    engineError: null,
    revision: 0,
  }));
}

/**
 * The YAML itself is unreadable: a syntax error leaves no trustworthy documents, so the graph keeps
 * the previous cluster. (Other errors, such as an invalid field, still give a cluster worth showing.)
 */
export function isBrokenYaml(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('yaml'));
}

export function applySimulation(store: SimulationStore, sim: Simulation): void {
  const broken = isBrokenYaml(sim.diagnostics);
  const previous = store.getState();
  if (broken && previous.sim) {
    store.setState({ diagnostics: sim.diagnostics, stale: true, status: 'ready', engineError: null });
    return;
  }
  store.setState({
    sim,
    diagnostics: sim.diagnostics,
    stale: false,
    status: 'ready',
    engineError: null,
    revision: previous.revision + 1,
  });
}

export function applyEngineError(store: SimulationStore, error: string): void {
  store.setState((s) => ({ engineError: error, status: s.sim ? 'ready' : 'failed', stale: s.sim !== null }));
}
