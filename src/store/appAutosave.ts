/**
 * The working copy's autosave. Typing is saved once it pauses and the engine has answered, not at each
 * key: at 1,000 pods a save (the text and the allocation ledger as JSON in localStorage) cost the main
 * thread more than the graph's update (docs/performance.md, "A keystroke at 1,000 pods"). Any other
 * change (an action, another scenario, a link) is saved at once. The page saves what waits when it is
 * hidden (`saveIfWaiting`).
 */
import type { AllocationLedger, ClusterState } from '../engine/index.ts';
import type { AllocationMemory } from './allocationMemory.ts';
import { saveScenario } from './persistence.ts';
import type { KeyValueStorage } from './persistence.ts';
import type { BuiltFrom } from './appBuildLoop.ts';
import type { ScenarioState, ScenarioStore } from './scenarioStore.ts';

export interface AppAutosaveOptions {
  storage: KeyValueStorage | null;
  scenario: ScenarioStore;
  allocations: AllocationMemory;
  /** How long typing must pause before it is saved. */
  settleMs: number;
  /** An engine run is pending or in flight: its answer starts the wait again. */
  building: () => boolean;
  /**
   * The scenario as the page clock's last wait left it. Time passing on its own is not work: it is not
   * saved by itself (an idle tab must not overwrite what another tab saved, nor count as newer work
   * there); the next edit or action saves it with the rest.
   */
  timePassedOnly: () => unknown;
}

export interface AppAutosave {
  /** The text changed by typing: save once the typing pauses. */
  typed(): void;
  /** Anything but typing changed the scenario: save it now. */
  changed(next: ScenarioState): void;
  /** The engine built `from`: its allocations go with the next save (at once unless typing waits). */
  built(from: BuiltFrom, state: ClusterState): void;
  /** The engine failed: typing still gets saved when it pauses. */
  failed(): void;
  /** Saves now whatever waits (the page is being hidden or closed, a flush). */
  saveIfWaiting(): void;
  dispose(): void;
}

export function createAppAutosave(options: AppAutosaveOptions): AppAutosave {
  const { storage, scenario, allocations, settleMs } = options;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let typedUnsaved = false;
  // The engine's latest build while typing: its allocations are recorded when the save happens.
  let builtUnsaved: { from: BuiltFrom; state: ClusterState } | null = null;
  // The last save carried no ledger (the engine had not built that scenario yet): the next build that
  // has one saves again, even if only the page clock's time passed meanwhile. Without this, an action
  // whose build was overtaken by the clock's wait left the autosave without its ledger for good, and a
  // reload renamed the pods a live edit had made.
  let owesLedger = false;

  function save(current: ScenarioState, ledger: AllocationLedger | null): void {
    saveScenario(storage, current, undefined, ledger);
    owesLedger = ledger === null;
  }

  function cancelTimer(): void {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
  }

  function saveWhenTypingPauses(): void {
    typedUnsaved = true;
    cancelTimer();
    saveTimer = setTimeout(saveOnceBuilt, settleMs);
  }

  /** The pause is over: save, unless the engine is still building (its answer restarts the wait). */
  function saveOnceBuilt(): void {
    saveTimer = null;
    if (!options.building()) saveNow();
  }

  function saveNow(): void {
    cancelTimer();
    const changed = builtUnsaved !== null && allocations.remember(builtUnsaved.from, builtUnsaved.state);
    builtUnsaved = null;
    const current = scenario.getState();
    const ledger = allocations.ledgerFor(current);
    const timeOnly = current === options.timePassedOnly();
    if (typedUnsaved || (ledger !== null && (owesLedger || (changed && !timeOnly)))) save(current, ledger);
    typedUnsaved = false;
  }

  return {
    typed: saveWhenTypingPauses,
    changed(next) {
      cancelTimer();
      typedUnsaved = false;
      save(next, allocations.ledgerFor(next));
    },
    built(from, state) {
      builtUnsaved = { from, state };
      if (typedUnsaved) saveWhenTypingPauses();
      else saveNow();
    },
    failed() {
      if (typedUnsaved) saveWhenTypingPauses();
    },
    saveIfWaiting() {
      if (typedUnsaved || builtUnsaved) saveNow();
    },
    dispose: cancelTimer,
  };
}
