/**
 * The library of saved scenarios: save the working copy under a name, see which entry it came from
 * and whether it changed since (Update saves over it), and open, rename, duplicate or delete entries.
 * Delete takes one click and offers Undo, and opening asks first when the working copy holds work
 * that is in no entry. A native modal <dialog>, as the share dialog: the page behind is inert, Tab
 * cycles inside (useFocusTrap), Esc closes (or leaves the rename field / the question first).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storedIdOf } from '../../store/library/libraryEntry.ts';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import {
  deleteEntry,
  duplicateEntry,
  getEntry,
  refreshLibrary,
  renameEntry,
  saveEntry,
  undoDelete,
  updateEntry,
  clearFailure,
} from '../../store/library/libraryStore.ts';
import { useApp, useScenario, useShallow, useView } from '../../store/react.ts';
import { useFocusTrap } from '../share/useFocusTrap.ts';
import { LibraryEntryRow } from './LibraryEntryRow.tsx';
import { LibraryNotices } from './LibraryNotices.tsx';
import { ReplaceQuestion } from './ReplaceQuestion.tsx';
import { SaveForm } from './SaveForm.tsx';
import { UnreadableRow } from './UnreadableRow.tsx';
import { openLibraryEntry } from './openLibraryEntry.ts';
import { useFocusAfterRender } from './useFocusAfterRender.ts';
import { getLibrary, useLibrary } from './useLibrary.ts';
import { WorkingCopyLine } from './WorkingCopyLine.tsx';
import {
  canReplaceWithoutAsking,
  getWorkingCopyStatus,
  isPristineExample,
  toDefaultName,
  toLibraryContent,
  toWorkingScenario,
} from './workingCopy.ts';
import './library.css';
import '../../i18n/laterTexts.ts';

/** The working copy as a share link would carry it, kept current while the dialog is open. */
function useWorkingCopy() {
  const scenario = useScenario((s) => s);
  const view = useView(
    useShallow((s) => ({ positions: s.positions, selection: s.selection, draft: s.draft })),
  );
  return useMemo(
    () => ({
      scenarioId: scenario.scenarioId,
      shared: toWorkingScenario(scenario, view),
    }),
    [scenario, view],
  );
}

function entrySelector(id: string, control: string): string {
  return `[data-entry-id="${CSS.escape(id)}"] [data-testid="${control}"]`;
}

export function LibraryDialog({ onClose }: { onClose: () => void }) {
  const app = useApp();
  const { t } = useTranslation();
  const library = getLibrary();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement | null>(null);
  useFocusTrap(ref);
  const items = useLibrary((s) => s.items);
  const openId = useLibrary((s) => s.openId);
  const problem = useLibrary((s) => s.problem);
  const failure = useLibrary((s) => s.failure);
  const undo = useLibrary((s) => s.undo);
  const working = useWorkingCopy();
  const entries = useMemo(() => items.flatMap((i) => (i.kind === 'entry' ? [i.entry] : [])), [items]);
  const openEntry = entries.find((entry) => entry.id === openId) ?? null;
  const status = getWorkingCopyStatus(
    working.shared,
    openEntry,
    isPristineExample(working.shared, working.scenarioId, app.scenarios),
  );
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<LibraryEntry | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  // After a change, where the keyboard focus goes (a selector inside the dialog), once it has rendered.
  const setFocusNext = useFocusAfterRender(ref);

  useEffect(() => {
    refreshLibrary(library);
    clearFailure(library);
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>('[data-testid="library-name"]')?.select();
  }, [library]);

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

  const open = (entry: LibraryEntry) => {
    const safe = canReplaceWithoutAsking(working.shared, working.scenarioId, entries, app.scenarios);
    if (!safe) {
      setConfirming(entry);
      setFocusNext('[data-testid="library-confirm-cancel"]');
      return;
    }
    openLibraryEntry(app, library, entry);
    ref.current?.close();
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
    // The undo line below says what was deleted (it stays, with its button, until the next deletion).
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

  return (
    <dialog
      ref={ref}
      className="kp-dialog kp-library"
      aria-labelledby={titleId}
      data-testid="library-dialog"
      onClose={onClose}
      onCancel={(e) => {
        // Esc answers the question "replace?" with Cancel before it closes the dialog.
        if (confirming) {
          e.preventDefault();
          setConfirming(null);
        }
      }}
    >
      <div className="kp-library-head">
        <h2 id={titleId}>{t('library.title')}</h2>
        <form method="dialog">
          <button type="submit" aria-label={t('library.close')} data-testid="library-close">
            ×
          </button>
        </form>
      </div>
      {confirming ? (
        <ReplaceQuestion
          name={confirming.name}
          onReplace={() => {
            openLibraryEntry(app, library, confirming);
            ref.current?.close();
          }}
          onCancel={() => {
            setConfirming(null);
            setFocusNext(entrySelector(confirming.id, 'library-open'));
          }}
        />
      ) : (
        <div className="kp-library-body">
          <WorkingCopyLine status={status} onUpdate={(entry) => void update(entry)} />
          <SaveForm
            inputId={`${titleId}-name`}
            defaultName={() =>
              toDefaultName(working.scenarioId, app.scenarios, openEntry, t('library.defaultName'))
            }
            onSave={(name) => void save(name)}
          />
          <LibraryNotices
            failure={failure}
            problem={problem}
            message={message}
            undo={undo}
            onUndo={restore}
          />
          {items.length === 0 ? (
            <p className="kp-muted" data-testid="library-empty">
              {t('library.empty')}
            </p>
          ) : (
            <ul className="kp-library-list" aria-label={t('library.listLabel')} data-testid="library-list">
              {items.map((item) =>
                item.kind === 'entry' ? (
                  <LibraryEntryRow
                    key={item.key}
                    entry={item.entry}
                    bundled={app.scenarios}
                    open={status.kind !== 'none' && status.entry.id === item.entry.id ? status.kind : null}
                    renaming={renaming === item.key}
                    onOpen={() => open(item.entry)}
                    onStartRename={() => setRenaming(item.key)}
                    onRename={(text) => rename(item.entry, text)}
                    onCancelRename={() => {
                      clearFailure(library);
                      setRenaming(null);
                      setFocusNext(entrySelector(item.entry.id, 'library-rename'));
                    }}
                    onDuplicate={() => duplicate(item.entry)}
                    onDelete={() => remove(item.key)}
                  />
                ) : (
                  <UnreadableRow key={item.key} item={item} onDelete={() => remove(item.key)} />
                ),
              )}
            </ul>
          )}
          <p className="kp-muted kp-library-note">{t('library.storedHere')}</p>
        </div>
      )}
    </dialog>
  );
}
