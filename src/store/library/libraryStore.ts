/**
 * The library of saved scenarios: a vanilla zustand store over one localStorage value (libraryDocument)
 * and the id of the entry the working copy came from. Every change re-reads storage first, so two tabs
 * never overwrite each other's entries, and writes the whole library with one setItem: a full quota
 * leaves both storage and this store as they were, with a failure to show.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { KeyValueStorage } from '../persistence.ts';
import {
  formatLibraryDocument,
  LIBRARY_BACKUP_KEY,
  LIBRARY_KEY,
  LIBRARY_OPEN_KEY,
  parseLibraryDocument,
} from './libraryDocument.ts';
import type { LibraryProblem } from './libraryDocument.ts';
import { restoreLibraryEntry, storedIdOf, toEntryName, toStoredEntry } from './libraryEntry.ts';
import type { LibraryContent, LibraryEntry, LibraryItem } from './libraryEntry.ts';

/**
 * Why the last change did not happen (the UI words it):
 * - `quota`: the browser's storage for this site is full;
 * - `unavailable`: storage is disabled or failed (private mode, a blocked site);
 * - `newer`: the library was written by a newer kubeplay, which this one must not overwrite;
 * - `missing`: the entry is gone (deleted in another tab);
 * - `empty-name`: a name must have at least one visible character.
 */
export type LibraryFailure = 'quota' | 'unavailable' | 'newer' | 'missing' | 'empty-name';

/** The last deletion, kept so that one click brings it back exactly as it was stored. */
export interface DeletedEntry {
  stored: unknown;
  index: number;
  name: string | null;
}

export interface LibraryState {
  /** Newest save first; unreadable entries last. */
  items: LibraryItem[];
  /** The entry the working copy was opened from or last saved to (it may have been deleted since). */
  openId: string | null;
  problem: LibraryProblem | null;
  failure: LibraryFailure | null;
  undo: DeletedEntry | null;
}

export interface LibraryOptions {
  storage: KeyValueStorage | null;
  /** Wall clock, epoch ms (Date.now in the browser). */
  now: () => number;
  /** A new unique entry id (crypto.randomUUID in the browser). */
  newId: () => string;
}

export interface Library extends LibraryOptions {
  store: StoreApi<LibraryState>;
}

export function createLibrary(options: LibraryOptions): Library {
  const store = createStore<LibraryState>()(() => ({
    ...readLibrary(options.storage),
    failure: null,
    undo: null,
  }));
  return { ...options, store };
}

/**
 * Another tab changed the library (the `storage` event), or the dialog opened: read the entries again.
 * The open entry stays this tab's own: another tab opening something does not change what this one shows.
 */
export function refreshLibrary(library: Library): void {
  const { items, problem } = readLibrary(library.storage);
  library.store.setState({ items, problem });
}

export function getEntry(state: LibraryState, id: string | null): LibraryEntry | null {
  if (id === null) return null;
  for (const item of state.items) if (item.kind === 'entry' && item.entry.id === id) return item.entry;
  return null;
}

/** Saves the working copy as a new entry, which becomes the open one. Returns its id, or null. */
export function saveEntry(library: Library, name: string, content: LibraryContent): string | null {
  const entryName = toEntryName(name);
  if (entryName === null) return fail(library, 'empty-name');
  const entry: LibraryEntry = { ...content, id: library.newId(), name: entryName, savedAt: library.now() };
  if (!change(library, (entries) => [toStoredEntry(entry), ...entries])) return null;
  setOpenEntry(library, entry.id);
  return entry.id;
}

/** Saves the working copy over an entry ("Update"): its name stays, its time and content change. */
export function updateEntry(library: Library, id: string, content: LibraryContent): boolean {
  const done = change(library, (entries) =>
    replaceEntry(entries, id, (entry) => ({ ...entry, ...content, savedAt: library.now() })),
  );
  if (done) setOpenEntry(library, id);
  return done;
}

export function renameEntry(library: Library, id: string, name: string): boolean {
  const entryName = toEntryName(name);
  if (entryName === null) return refuse(library, 'empty-name');
  return change(library, (entries) => replaceEntry(entries, id, (entry) => ({ ...entry, name: entryName })));
}

/** A copy under `name` (the UI words it: "kubia (copy)"), saved now. Returns the copy's id, or null. */
export function duplicateEntry(library: Library, id: string, name: string): string | null {
  const copyName = toEntryName(name);
  if (copyName === null) return fail(library, 'empty-name');
  const copyId = library.newId();
  const done = change(library, (entries) => {
    const index = entries.findIndex((value) => storedIdOf(value) === id);
    const item = index < 0 ? null : restoreLibraryEntry(entries[index], id);
    if (!item || item.kind !== 'entry') return 'missing';
    const copy: LibraryEntry = { ...item.entry, id: copyId, name: copyName, savedAt: library.now() };
    return [...entries.slice(0, index + 1), toStoredEntry(copy), ...entries.slice(index + 1)];
  });
  return done ? copyId : null;
}

/** Deletes an entry, readable or not, by its item key; `undoDelete` brings it back. */
export function deleteEntry(library: Library, key: string): boolean {
  let deleted: DeletedEntry | null = null;
  const done = change(library, (entries) => {
    const index = keysOf(entries).indexOf(key);
    if (index < 0) return 'missing';
    const stored = entries[index];
    const item = restoreLibraryEntry(stored, key);
    deleted = { stored, index, name: item.kind === 'entry' ? item.entry.name : item.name };
    return [...entries.slice(0, index), ...entries.slice(index + 1)];
  });
  if (done) library.store.setState({ undo: deleted });
  return done;
}

/** Puts the last deleted entry back where it was, unless it is back already (another tab). */
export function undoDelete(library: Library): boolean {
  const undo = library.store.getState().undo;
  if (!undo) return false;
  const id = storedIdOf(undo.stored);
  const done = change(library, (entries) => {
    if (id !== null && entries.some((value) => storedIdOf(value) === id)) return entries;
    const index = Math.min(undo.index, entries.length);
    return [...entries.slice(0, index), undo.stored, ...entries.slice(index)];
  });
  if (done) library.store.setState({ undo: null });
  return done;
}

export function dismissUndo(library: Library): void {
  library.store.setState({ undo: null });
}

export function clearFailure(library: Library): void {
  library.store.setState({ failure: null });
}

/** Remembers which entry the working copy now shows (it survives a reload, like the working copy). */
export function setOpenEntry(library: Library, id: string | null): void {
  library.store.setState({ openId: id });
  try {
    library.storage?.setItem(LIBRARY_OPEN_KEY, id ?? '');
  } catch {
    // Only the "open" marker is lost; the entries are safe.
  }
}

function readLibrary(storage: KeyValueStorage | null): Pick<LibraryState, 'items' | 'openId' | 'problem'> {
  let text: string | null = null;
  let openId: string | null = null;
  try {
    text = storage?.getItem(LIBRARY_KEY) ?? null;
    openId = storage?.getItem(LIBRARY_OPEN_KEY) || null;
  } catch {
    // Storage that throws on read (a blocked site) reads as empty.
  }
  const document = parseLibraryDocument(text);
  return { items: toItems(document.entries), openId, problem: document.problem };
}

/** Item keys: the entry's id, or `#index` for a value without a usable (or with a repeated) id. */
function keysOf(entries: unknown[]): string[] {
  const seen = new Set<string>();
  return entries.map((value, index) => {
    const id = storedIdOf(value);
    if (id === null || seen.has(id) || id.startsWith('#')) return `#${index}`;
    seen.add(id);
    return id;
  });
}

function toItems(entries: unknown[]): LibraryItem[] {
  const keys = keysOf(entries);
  const items = entries.map((value, index): LibraryItem => {
    const key = keys[index] ?? `#${index}`;
    const item = restoreLibraryEntry(value, key);
    if (item.kind === 'entry' && key.startsWith('#')) {
      return { kind: 'unreadable', key, name: item.entry.name, reason: 'the same id as another entry' };
    }
    return item;
  });
  return items.sort(byNewestSave);
}

function byNewestSave(a: LibraryItem, b: LibraryItem): number {
  if (a.kind !== b.kind) return a.kind === 'entry' ? -1 : 1;
  if (a.kind === 'entry' && b.kind === 'entry') {
    const time = (b.entry.savedAt ?? -Infinity) - (a.entry.savedAt ?? -Infinity);
    if (time !== 0 && !Number.isNaN(time)) return time;
    return a.entry.name.localeCompare(b.entry.name);
  }
  return 0;
}

function replaceEntry(
  entries: unknown[],
  id: string,
  edit: (entry: LibraryEntry) => LibraryEntry,
): unknown[] | LibraryFailure {
  const index = entries.findIndex((value) => storedIdOf(value) === id);
  const item = index < 0 ? null : restoreLibraryEntry(entries[index], id);
  if (!item || item.kind !== 'entry') return 'missing';
  const next = [...entries];
  next[index] = toStoredEntry(edit(item.entry));
  return next;
}

function fail(library: Library, failure: LibraryFailure): null {
  library.store.setState({ failure });
  return null;
}

function refuse(library: Library, failure: LibraryFailure): false {
  library.store.setState({ failure });
  return false;
}

/**
 * Read, change, write back in one setItem. On any failure nothing is written and the store keeps
 * what it showed, plus the failure.
 */
function change(library: Library, edit: (entries: unknown[]) => unknown[] | LibraryFailure): boolean {
  const { storage } = library;
  if (!storage) return refuse(library, 'unavailable');
  try {
    const text = storage.getItem(LIBRARY_KEY);
    const document = parseLibraryDocument(text);
    if (document.problem === 'newer') return refuse(library, 'newer');
    const next = edit([...document.entries]);
    if (typeof next === 'string') {
      const { items, problem } = readLibrary(storage);
      library.store.setState({ items, problem, failure: next });
      return false;
    }
    // Keep an unreadable library's text before the first write replaces it.
    if (document.problem === 'corrupt' && text !== null) storage.setItem(LIBRARY_BACKUP_KEY, text);
    storage.setItem(LIBRARY_KEY, formatLibraryDocument(next));
    library.store.setState({ items: toItems(next), problem: null, failure: null });
    return true;
  } catch (error) {
    return refuse(library, isQuotaError(error) ? 'quota' : 'unavailable');
  }
}

/** QuotaExceededError, by name or by the legacy codes (22; Firefox 1014). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}
