/**
 * The library of saved scenarios: save the working copy under a name, see which entry it came from
 * and whether it changed since (Update saves over it), and open, rename, duplicate or delete entries.
 * Delete takes one click and offers Undo, and opening asks first when the working copy holds work
 * that is in no entry. A native modal <dialog>, as the share dialog: the page behind is inert, Tab
 * cycles inside (useFocusTrap), Esc closes (or leaves the rename field / the question first). What
 * the entries' buttons do is useEntryActions; the list is LibraryList.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import { clearFailure, refreshLibrary } from '../../store/library/libraryStore.ts';
import { useApp, useScenario, useShallow, useView } from '../../store/react.ts';
import { useFocusTrap } from '../share/useFocusTrap.ts';
import { LibraryList } from './LibraryList.tsx';
import { LibraryNotices } from './LibraryNotices.tsx';
import { ReplaceQuestion } from './ReplaceQuestion.tsx';
import { SaveForm } from './SaveForm.tsx';
import { openLibraryEntry } from './openLibraryEntry.ts';
import { entrySelector, useEntryActions } from './useEntryActions.ts';
import { useFocusAfterRender } from './useFocusAfterRender.ts';
import { getLibrary, useLibrary } from './useLibrary.ts';
import { WorkingCopyLine } from './WorkingCopyLine.tsx';
import {
  canReplaceWithoutAsking,
  getWorkingCopyStatus,
  isPristineExample,
  toDefaultName,
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
  const [confirming, setConfirming] = useState<LibraryEntry | null>(null);
  // After a change, where the keyboard focus goes (a selector inside the dialog), once it has rendered.
  const setFocusNext = useFocusAfterRender(ref);
  const actions = useEntryActions(app, library, setFocusNext);

  useEffect(() => {
    refreshLibrary(library);
    clearFailure(library);
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>('[data-testid="library-name"]')?.select();
  }, [library]);

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
          <WorkingCopyLine status={status} onUpdate={(entry) => void actions.update(entry)} />
          <SaveForm
            inputId={`${titleId}-name`}
            defaultName={() =>
              toDefaultName(working.scenarioId, app.scenarios, openEntry, t('library.defaultName'))
            }
            onSave={(name) => void actions.save(name)}
          />
          <LibraryNotices
            failure={failure}
            problem={problem}
            message={actions.message}
            undo={undo}
            onUndo={actions.restore}
          />
          <LibraryList
            items={items}
            bundled={app.scenarios}
            status={status}
            actions={actions}
            onOpen={open}
          />
          <p className="kp-muted kp-library-note">{t('library.storedHere')}</p>
        </div>
      )}
    </dialog>
  );
}
