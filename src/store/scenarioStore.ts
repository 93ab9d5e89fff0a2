/**
 * The scenario: everything a share link will carry and nothing else: the YAML as the user wrote it,
 * the seed, and the ordered log of actions taken after load. Every change here is *recorded*
 * (replayable); the cluster is recomputed from it.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Action } from '../engine/index.ts';

export interface ScenarioState {
  /** The bundled scenario the YAML started from (`kubia`, `nodeport`, …), or `custom`. */
  scenarioId: string;
  yaml: string;
  seed: number;
  actions: Action[];
}

export type ScenarioStore = StoreApi<ScenarioState>;

export const DEFAULT_SEED = 1;

export function createScenarioStore(initial: ScenarioState): ScenarioStore {
  return createStore<ScenarioState>()(() => initial);
}

/** The user edited the YAML: the action log stays (it replays on top of the new text). */
export function setYaml(store: ScenarioStore, yaml: string): void {
  if (store.getState().yaml !== yaml) store.setState({ yaml });
}

/** A bundled scenario replaces everything: a fresh cluster from its YAML. */
export function loadScenario(store: ScenarioStore, scenarioId: string, yaml: string): void {
  store.setState({ scenarioId, yaml, seed: DEFAULT_SEED, actions: [] });
}

/**
 * One more action in the log. A `wait` right after a `wait` adds to it instead: the page clock
 * (pageClock.ts) takes a wait whenever the cluster is due to change by itself, and a share link or an
 * export then says "30 s passed" once rather than in pieces (the engine extends the wait on the
 * cluster on screen, engine/sim/editSimulation.ts).
 */
export function appendAction(store: ScenarioStore, action: Action): void {
  store.setState((s) => {
    const last = s.actions[s.actions.length - 1];
    if (action.type === 'wait' && last?.type === 'wait')
      return {
        actions: [...s.actions.slice(0, -1), { type: 'wait', seconds: last.seconds + action.seconds }],
      };
    return { actions: [...s.actions, action] };
  });
}

export function clearActions(store: ScenarioStore): void {
  store.setState({ actions: [] });
}

export function setSeed(store: ScenarioStore, seed: number): void {
  store.setState({ seed });
}
