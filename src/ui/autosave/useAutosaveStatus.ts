/** The autosave's status (src/store/persistenceStatus.ts) for a component. */
import { useStore } from 'zustand';
import { autosaveStatus } from '../../store/persistenceStatus.ts';
import type { AutosaveStatus } from '../../store/persistenceStatus.ts';

export function useAutosaveStatus<T>(selector: (state: AutosaveStatus) => T): T {
  return useStore(autosaveStatus, selector);
}
