/**
 * The saved entries, in the library's order: a row per readable entry (marked when the working copy
 * came from it), an UnreadableRow per stored entry that cannot be read, and a line saying the library
 * is empty when it is. What the rows' buttons do is useEntryActions'.
 */
import { useTranslation } from 'react-i18next';
import type { LibraryEntry, LibraryItem } from '../../store/library/libraryEntry.ts';
import { LibraryEntryRow } from './LibraryEntryRow.tsx';
import { UnreadableRow } from './UnreadableRow.tsx';
import type { EntryActions } from './useEntryActions.ts';
import type { WorkingCopyStatus } from './workingCopy.ts';
import '../../i18n/laterTexts.ts';

export function LibraryList({
  items,
  bundled,
  status,
  actions,
  onOpen,
}: {
  items: readonly LibraryItem[];
  bundled: { id: string; title: string }[];
  status: WorkingCopyStatus;
  actions: EntryActions;
  onOpen: (entry: LibraryEntry) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <p className="kp-muted" data-testid="library-empty">
        {t('library.empty')}
      </p>
    );
  }
  return (
    <ul className="kp-library-list" aria-label={t('library.listLabel')} data-testid="library-list">
      {items.map((item) =>
        item.kind === 'entry' ? (
          <LibraryEntryRow
            key={item.key}
            entry={item.entry}
            bundled={bundled}
            open={status.kind !== 'none' && status.entry.id === item.entry.id ? status.kind : null}
            renaming={actions.renaming === item.key}
            onOpen={() => onOpen(item.entry)}
            onStartRename={() => actions.startRename(item.key)}
            onRename={(text) => actions.rename(item.entry, text)}
            onCancelRename={() => actions.cancelRename(item.entry)}
            onDuplicate={() => actions.duplicate(item.entry)}
            onDelete={() => actions.remove(item.key)}
          />
        ) : (
          <UnreadableRow key={item.key} item={item} onDelete={() => actions.remove(item.key)} />
        ),
      )}
    </ul>
  );
}
