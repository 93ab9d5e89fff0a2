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
  /** The engine built `input` into `state`. */
  remember(input: Built, state: ClusterState): void;
  /** The ledger to save with `scenario`, when the cluster on screen was built from exactly it. */
  ledgerFor(scenario: Built): AllocationLedger | null;
}

/** `saved`: the autosaved scenario and its ledger, when the page opens from the autosave. */
export function createAllocationMemory(
  saved: { scenario: Built; allocations: AllocationLedger } | null,
): AllocationMemory {
  let restore = saved?.allocations ?? null;
  let latest = saved ? { input: saved.scenario, allocations: saved.allocations } : null;
  return {
    takeRestore() {
      const ledger = restore;
      restore = null;
      return ledger;
    },
    remember(input, state) {
      latest = { input, allocations: recordAllocations(state) };
    },
    ledgerFor(scenario) {
      return latest && sameInput(latest.input, scenario) ? latest.allocations : null;
    },
  };
}
