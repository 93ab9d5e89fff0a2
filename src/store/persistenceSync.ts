/**
 * Two tabs of one browser share one autosave (localStorage). Without care the last save wins and the
 * other tab's work is gone without anyone choosing. Here each tab hears the other's saves (the `storage`
 * event, which fires in every other tab of the origin: https://html.spec.whatwg.org/multipage/webstorage.html#the-storage-event)
 * and, when the text differs from its own, holds it and asks: keep mine (theirs goes to the library) or
 * use theirs (mine goes to the library). Either way both texts are kept.
 */
import { readSaveStamp, restoreSavedScenario, saveScenario, STORAGE_KEY } from './persistence.ts';
import type { KeyValueStorage } from './persistence.ts';
import { autosaveStatus } from './persistenceStatus.ts';
import type { AutosaveStatusStore } from './persistenceStatus.ts';
import type { ScenarioState, ScenarioStore } from './scenarioStore.ts';

/** Same yaml, seed and actions: nothing to choose between. */
export function isSameWork(a: ScenarioState, b: ScenarioState): boolean {
  return a.yaml === b.yaml && a.seed === b.seed && JSON.stringify(a.actions) === JSON.stringify(b.actions);
}

/** The part of a StorageEvent we read. */
export interface StorageChange {
  key: string | null;
  newValue: string | null;
}

/** Another tab wrote the autosave: remember its work when it differs from this tab's. */
export function hearOtherTab(
  change: StorageChange,
  mine: ScenarioState,
  status: AutosaveStatusStore = autosaveStatus,
): void {
  if (change.key !== STORAGE_KEY) return;
  const theirs = restoreSavedScenario(change.newValue);
  if (!theirs || isSameWork(theirs, mine)) {
    if (status.getState().otherTab) status.setState({ otherTab: null });
    return;
  }
  status.setState({ otherTab: { theirs, savedAt: readSaveStamp(change.newValue)?.savedAt ?? null } });
}

/** Listens to the other tabs; returns the unsubscribe. */
export function watchOtherTabs(
  scenario: ScenarioStore,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  status: AutosaveStatusStore = autosaveStatus,
): () => void {
  const listener = (event: StorageEvent) => hearOtherTab(event, scenario.getState(), status);
  target.addEventListener('storage', listener);
  // Once this tab holds the same work again (the person typed it, or chose theirs), there is no question.
  const unsubscribe = scenario.subscribe((next) => {
    const other = status.getState().otherTab;
    if (other && isSameWork(other.theirs, next)) status.setState({ otherTab: null });
  });
  return () => {
    target.removeEventListener('storage', listener);
    unsubscribe();
  };
}

/** Puts one scenario in the library under a name; false when it could not (the library is full). */
export type KeepInLibrary = (scenario: ScenarioState, from: 'mine' | 'theirs') => boolean;

/** Keep mine: theirs goes to the library, then this tab's work is the autosave again. */
export function keepMine(
  scenario: ScenarioStore,
  storage: KeyValueStorage | null,
  keep: KeepInLibrary,
  status: AutosaveStatusStore = autosaveStatus,
): boolean {
  const other = status.getState().otherTab;
  if (!other) return true;
  if (!keep(other.theirs, 'theirs')) {
    status.setState({ choiceFailed: true });
    return false;
  }
  status.setState({ otherTab: null, choiceFailed: false });
  saveScenario(storage, scenario.getState());
  return true;
}

/** Use theirs: this tab's work goes to the library, then the other tab's work is on screen (and saved). */
export function switchToTheirs(
  scenario: ScenarioStore,
  keep: KeepInLibrary,
  status: AutosaveStatusStore = autosaveStatus,
): boolean {
  const other = status.getState().otherTab;
  if (!other) return true;
  if (!keep(scenario.getState(), 'mine')) {
    status.setState({ choiceFailed: true });
    return false;
  }
  status.setState({ otherTab: null, choiceFailed: false });
  scenario.setState({ ...other.theirs });
  return true;
}
