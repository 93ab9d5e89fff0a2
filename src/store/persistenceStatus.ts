/**
 * What the page must tell the person about the autosave: the last save failed (and why), or another tab
 * of this browser saved different work since. A vanilla zustand store the autosave components read
 * (src/ui/autosave); only the functions here and in persistenceSync.ts change it.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { onSaveResult } from './persistence.ts';
import type { SaveFailure } from './persistence.ts';
import type { ScenarioState } from './scenarioStore.ts';

export interface OtherTabSave {
  /** The other tab's working copy, as it saved it. */
  theirs: ScenarioState;
  /** When it saved (epoch ms), if it said. */
  savedAt: number | null;
}

export interface AutosaveStatus {
  failure: SaveFailure | null;
  otherTab: OtherTabSave | null;
  /** A choice about the other tab's work that could not be carried out (the library is full). */
  choiceFailed: boolean;
}

export type AutosaveStatusStore = StoreApi<AutosaveStatus>;

export function createAutosaveStatus(): AutosaveStatusStore {
  return createStore<AutosaveStatus>()(() => ({ failure: null, otherTab: null, choiceFailed: false }));
}

/** The page's one status, fed by every autosave's outcome. */
export const autosaveStatus: AutosaveStatusStore = createAutosaveStatus();
onSaveResult((result) => {
  const failure = result === 'saved' ? null : result;
  if (autosaveStatus.getState().failure !== failure) autosaveStatus.setState({ failure });
});
