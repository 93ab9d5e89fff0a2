/**
 * The autosave's ledger: a save made before the engine built its scenario carries none, and owes one.
 * The page clock's wait can overtake an action's build (the action's answer dropped or arriving after
 * the wait was taken); the autosave must still end up with the allocations of the cluster on screen.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/index.ts';
import type { Action } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createAllocationMemory } from './allocationMemory.ts';
import { createAppAutosave } from './appAutosave.ts';
import { loadSavedScenario, restoreSavedAllocations, STORAGE_KEY } from './persistence.ts';
import { createScenarioStore } from './scenarioStore.ts';
import type { ScenarioState } from './scenarioStore.ts';
import { memoryStorage } from './testing/memoryStorage.ts';

const kubia = SCENARIO_TEXTS['kubia'] ?? '';

function built(s: ScenarioState) {
  return createSimulation({
    files: [{ file: 'manifest.yaml', text: s.yaml }],
    seed: s.seed,
    actions: s.actions,
  }).state;
}

function setup() {
  const storage = memoryStorage();
  const first: ScenarioState = { scenarioId: 'kubia', yaml: kubia, seed: 1, actions: [] };
  const scenario = createScenarioStore(first);
  let timePassedOnly: unknown = null;
  const autosave = createAppAutosave({
    storage,
    scenario,
    allocations: createAllocationMemory(null),
    settleMs: 0,
    building: () => false,
    timePassedOnly: () => timePassedOnly,
  });
  autosave.built(first, built(first));
  const act = (action: Action) => {
    scenario.setState({ actions: [...scenario.getState().actions, action] });
    // The store's own object (zustand merges into a new one), as the app's clock remembers it.
    return scenario.getState();
  };
  return {
    storage,
    autosave,
    /** A user's action: saved at once, before its build. */
    perform(action: Action) {
      const next = act(action);
      autosave.changed(next);
      return next;
    },
    /** The page clock's wait: not saved by itself. */
    clockWait(seconds: number) {
      const next = act({ type: 'wait', seconds });
      timePassedOnly = next;
      return next;
    },
    saved: () => ({
      scenario: loadSavedScenario(storage),
      ledger: restoreSavedAllocations(storage.map.get(STORAGE_KEY) ?? null),
    }),
  };
}

describe('autosave: the allocation ledger', () => {
  it('an action saves at once without a ledger, and with it once built', () => {
    const t = setup();
    const down = t.perform({ type: 'node', name: 'kind-worker2', up: false });
    expect(t.saved().ledger).toBeNull();
    t.autosave.built(down, built(down));
    expect(t.saved().ledger).not.toBeNull();
    expect(t.saved().scenario?.actions).toEqual(down.actions);
  });

  it("still gets its ledger when the clock's wait overtakes the action's build", () => {
    const t = setup();
    t.perform({ type: 'node', name: 'kind-worker2', up: false });
    const waited = t.clockWait(5);
    // Only the wait's build comes back (the action's answer was superseded).
    t.autosave.built(waited, built(waited));
    expect(t.saved().ledger).not.toBeNull();
    expect(t.saved().scenario?.actions).toEqual(waited.actions);
  });

  it("still gets its ledger when the action's build lands after the wait was taken", () => {
    const t = setup();
    const down = t.perform({ type: 'node', name: 'kind-worker2', up: false });
    const waited = t.clockWait(5);
    t.autosave.built(down, built(down));
    t.autosave.built(waited, built(waited));
    expect(t.saved().ledger).not.toBeNull();
  });

  it('does not save time passing by itself once the ledger is saved', () => {
    const t = setup();
    const down = t.perform({ type: 'node', name: 'kind-worker2', up: false });
    t.autosave.built(down, built(down));
    const before = t.storage.map.get(STORAGE_KEY);
    const waited = t.clockWait(5);
    t.autosave.built(waited, built(waited));
    expect(t.storage.map.get(STORAGE_KEY)).toBe(before);
  });
});
