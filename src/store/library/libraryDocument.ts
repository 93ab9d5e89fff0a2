/**
 * The library as stored: one localStorage value, `{"version":1,"entries":[…]}`, written whole with one
 * setItem, so a failed write (quota) leaves the previous library exactly as it was. The version lets a
 * later format be told apart: an older kubeplay never overwrites a newer library it cannot read.
 */
export const LIBRARY_KEY = 'kubeplay.library.v1';
/** Which entry the working copy was last opened from or saved to (see libraryStore). */
export const LIBRARY_OPEN_KEY = 'kubeplay.library.open.v1';
/** Where an unparseable library is kept before a save starts a new one: nothing is thrown away. */
export const LIBRARY_BACKUP_KEY = 'kubeplay.library.v1.unreadable';
export const LIBRARY_VERSION = 1;

/**
 * - `corrupt`: the stored text is not a library (not JSON, wrong shape); a save starts a new one and
 *   keeps the old text under LIBRARY_BACKUP_KEY.
 * - `newer`: a newer kubeplay wrote it; this one only reads nothing and writes nothing.
 */
export type LibraryProblem = 'corrupt' | 'newer';

export interface LibraryDocument {
  /** The stored entries, untouched (restoreLibraryEntry reads each). */
  entries: unknown[];
  problem: LibraryProblem | null;
}

export function parseLibraryDocument(text: string | null): LibraryDocument {
  if (text === null) return { entries: [], problem: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { entries: [], problem: 'corrupt' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { entries: [], problem: 'corrupt' };
  }
  const { version, entries } = value as Record<string, unknown>;
  if (typeof version === 'number' && Number.isFinite(version) && version > LIBRARY_VERSION) {
    return { entries: [], problem: 'newer' };
  }
  if (version !== LIBRARY_VERSION || !Array.isArray(entries)) return { entries: [], problem: 'corrupt' };
  return { entries, problem: null };
}

export function formatLibraryDocument(entries: unknown[]): string {
  return JSON.stringify({ version: LIBRARY_VERSION, entries });
}
