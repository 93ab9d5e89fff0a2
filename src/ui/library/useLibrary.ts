/**
 * The page's one library, created when the dialog first opens, over localStorage. Another tab's
 * save (the `storage` event, which fires in every other tab of this origin) refreshes the list.
 */
import { useStore } from 'zustand';
import { createLibrary, refreshLibrary, setOpenEntry } from '../../store/library/libraryStore.ts';
import { onForgetOpenEntry } from './forgetOpenEntry.ts';
import type { Library, LibraryState } from '../../store/library/libraryStore.ts';
import { LIBRARY_KEY } from '../../store/library/libraryDocument.ts';
import { getBrowserStorage } from '../browserStorage.ts';

let library: Library | null = null;

/** crypto.randomUUID needs a secure context; a page served over plain http on a LAN has none. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const random = new Uint32Array(4);
  crypto.getRandomValues(random);
  return Array.from(random, (n) => n.toString(36)).join('-');
}

export function getLibrary(): Library {
  if (library) return library;
  const created = createLibrary({ storage: getBrowserStorage(), now: () => Date.now(), newId });
  window.addEventListener('storage', (event) => {
    // `key` is null when another tab cleared all of this origin's storage.
    if (event.key === null || event.key === LIBRARY_KEY) refreshLibrary(created);
  });
  library = created;
  onForgetOpenEntry(() => setOpenEntry(created, null));
  return created;
}

export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(getLibrary().store, selector);
}
