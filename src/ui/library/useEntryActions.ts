/**
 * What the library dialog's buttons do to the library, and what the dialog then says and where the
 * keyboard focus goes: save (once the engine is up to date, so the entry's counts match it), update,
 * rename in place, duplicate, delete with Undo, restore. Each action first clears the last message, and
 * a refused one (an empty name, a full storage: the notices say why) leaves the focus where it was.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storedIdOf } from '../../store/library/libraryEntry.ts';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import {
  clearFailure,
  deleteEntry,
  duplicateEntry,
  getEntry,
  renameEntry,
  saveEntry,
  undoDelete,
  updateEntry,
} from '../../store/library/libraryStore.ts';
import type { Library } from '../../store/library/libraryStore.ts';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import { useLibrary } from './useLibrary.ts';
import { toLibraryContent } from './workingCopy.ts';
import '../../i18n/laterTexts.ts';

/** A control of one entry's row, as a selector for the focus to go to. */
export function entrySelector(id: string, control: string): string {
  return `[data-entry-id="${CSS.escape(id)}"] [data-testid="${control}"]`;
}

export interface EntryActions {
  /** What the last action did, for the notices line ('' when there is nothing to say). */
  message: string;
  /** The key of the entry whose name is being edited. */
  renaming: string | null;
  startRename(key: string): void;
  rename(entry: LibraryEntry, text: string): boolean;
  cancelRename(entry: LibraryEntry): void;
  save(name: string): Promise<void>;
  update(entry: LibraryEntry): Promise<void>;
  duplicate(entry: LibraryEntry): void;
  remove(key: string): void;
  restore(): void;
}

export function useEntryActions(
  app: KubeplayApp,
  library: Library,
  setFocusNext: (selector: string) => void,
): EntryActions {
  const { t } = useTranslation();
  const undo = useLibrary((s) => s.undo);
  const [message, setMessage] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);

  /** The working copy as stored: the engine is brought up to date first, so the counts match it. */
  const currentContent = async () => {
    await app.flush();
    const sim = app.simulation.getState();
    return toLibraryContent(
      app.scenario.getState(),
      app.view.getState(),
      sim.stale ? null : (sim.sim?.state ?? null),
    );
  };

  // Saving waits for the engine; a second click meanwhile must not save twice.
  const saving = useRef(false);
  const save = async (name: string) => {
    if (saving.current) return;
    saving.current = true;
    setMessage('');
    const content = await currentContent().finally(() => {
      saving.current = false;
    });
    const saved = saveEntry(library, name, content);
    if (!saved) return;
    setMessage(t('library.saved', { name: getEntry(library.store.getState(), saved)?.name ?? name }));
    setFocusNext(entrySelector(saved, 'library-open'));
  };

  const update = async (entry: LibraryEntry) => {
    setMessage('');
    if (updateEntry(library, entry.id, await currentContent()))
      setMessage(t('library.updated', { name: entry.name }));
  };

  const rename = (entry: LibraryEntry, text: string): boolean => {
    const unchanged = text.trim() === entry.name;
    setMessage('');
    if (!unchanged && !renameEntry(library, entry.id, text)) return false;
    setRenaming(null);
    if (!unchanged) setMessage(t('library.renamed', { name: text.trim() }));
    setFocusNext(entrySelector(entry.id, 'library-rename'));
    return true;
  };

  const cancelRename = (entry: LibraryEntry) => {
    clearFailure(library);
    setRenaming(null);
    setFocusNext(entrySelector(entry.id, 'library-rename'));
  };

  const duplicate = (entry: LibraryEntry) => {
    setMessage('');
    const copyName = t('library.copyName', { name: entry.name });
    const copy = duplicateEntry(library, entry.id, copyName);
    if (!copy) return;
    setMessage(t('library.duplicated', { name: copyName }));
    setFocusNext(entrySelector(copy, 'library-open'));
  };

  const remove = (key: string) => {
    if (!deleteEntry(library, key)) return;
    if (renaming === key) setRenaming(null);
    // The undo line says what was deleted (it stays, with its button, until the next deletion).
    setMessage('');
    setFocusNext('[data-testid="library-undo"]');
  };

  const restore = () => {
    setMessage('');
    if (!undo || !undoDelete(library)) return;
    setMessage(undo.name ? t('library.restored', { name: undo.name }) : '');
    const id = storedIdOf(undo.stored);
    setFocusNext(id ? entrySelector(id, 'library-open') : '[data-testid="library-name"]');
  };

  return {
    message,
    renaming,
    startRename: setRenaming,
    rename,
    cancelRename,
    save,
    update,
    duplicate,
    remove,
    restore,
  };
}
