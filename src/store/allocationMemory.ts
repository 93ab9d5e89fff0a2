/**
 * The allocations of the cluster on screen, kept next to the autosave so that a reload shows the same
 * pod names and addresses (docs/editing.md). A ledger is saved only with the scenario it was built
 * from: while the engine has not yet built the latest text, the autosave carries none rather than one
 * of another cluster.
 */
import { recordAllocations } from '../engine/index.ts';
import type { AllocationLedger, ClusterState } from '../engine/index.ts';
import type { ScenarioState } from './scenarioStore.ts';

type Built = Pick<ScenarioState, 'yaml' | 'seed' | 'actions'>;

function sameInput(a: Built, b: Built): boolean {
  return (
    a.yaml === b.yaml &&
    a.seed === b.seed &&
    (a.actions === b.actions || JSON.stringify(a.actions) === JSON.stringify(b.actions))
  );
}

export interface AllocationMemory {
  /** The saved ledger for the first build (the page load), once; null afterwards. */
  takeRestore(): AllocationLedger | null;
  /**
   * The engine built `input` into `state`; true when its allocations differ from the last ones
   * remembered (only then is a save worth it: every save is heard by the other tabs).
   */
  remember(input: Built, state: ClusterState): boolean;
  /** The ledger to save with `scenario`, when the cluster on screen was built from exactly it. */
  ledgerFor(scenario: Built): AllocationLedger | null;
}

/** `saved`: the autosaved scenario and its ledger, when the page opens from the autosave. */
export function createAllocationMemory(
  saved: { scenario: Built; allocations: AllocationLedger } | null,
): AllocationMemory {
  let restore = saved?.allocations ?? null;
  let latest = saved ? { input: saved.scenario, allocations: saved.allocations } : null;
  let latestText = saved ? JSON.stringify(saved.allocations) : '';
  return {
    takeRestore() {
      const ledger = restore;
      restore = null;
      return ledger;
    },
    remember(input, state) {
      const allocations = recordAllocations(state);
      const text = JSON.stringify(allocations);
      const changed = text !== latestText || latest === null || !sameInput(latest.input, input);
      latest = { input, allocations };
      latestText = text;
      return changed;
    },
    ledgerFor(scenario) {
      return latest && sameInput(latest.input, scenario) ? latest.allocations : null;
    },
  };
}
