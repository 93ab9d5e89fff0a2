/**
 * The working copy was replaced by something that is not a library entry (a shared link, a lesson):
 * it no longer "came from" the entry opened before, so the library stops offering to update that
 * entry with it. Light on purpose: callers outside the library dialog import only this.
 */
import { LIBRARY_OPEN_KEY } from '../../store/library/libraryDocument.ts';
import { getBrowserStorage } from '../browserStorage.ts';

let liveLibraryForget: (() => void) | null = null;

/** The dialog's library, once created, forgets in memory too (useLibrary.ts registers it). */
export function onForgetOpenEntry(forget: () => void): void {
  liveLibraryForget = forget;
}

export function forgetOpenEntry(): void {
  if (liveLibraryForget) {
    liveLibraryForget();
    return;
  }
  try {
    getBrowserStorage()?.removeItem(LIBRARY_OPEN_KEY);
  } catch {
    // Storage refused the write: the marker stays, and the library shows the copy as changed.
  }
}
