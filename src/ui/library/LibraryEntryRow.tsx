/**
 * One saved scenario in the list: its name (renamed in place: Enter saves, Esc cancels), when it was
 * saved and what is in it, and what can be done with it.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import { formatEntrySummary, formatSavedAt } from './entrySummary.ts';
import '../../i18n/laterTexts.ts';

export interface LibraryEntryRowProps {
  entry: LibraryEntry;
  bundled: { id: string; title: string }[];
  /** The working copy came from this entry; `changed` when it differs now. */
  open: 'same' | 'changed' | null;
  renaming: boolean;
  onOpen: () => void;
  onStartRename: () => void;
  /** Returns false when the name was refused (empty): the field stays. */
  onRename: (name: string) => boolean;
  onCancelRename: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function LibraryEntryRow(props: LibraryEntryRowProps) {
  const { entry, open } = props;
  const { t, i18n } = useTranslation();
  return (
    <li
      className={open ? 'kp-library-entry kp-library-open' : 'kp-library-entry'}
      data-testid="library-entry"
      data-entry-id={entry.id}
      data-entry-name={entry.name}
    >
      <div className="kp-library-text">
        {props.renaming ? (
          <RenameField
            name={entry.name}
            onRename={props.onRename}
            onCancel={props.onCancelRename}
            label={t('library.renameLabel', { name: entry.name })}
          />
        ) : (
          <h3 className="kp-library-name">
            <span data-testid="library-entry-name">{entry.name}</span>
            {open && <span className="kp-library-badge">{t('library.openBadge')}</span>}
            {open === 'changed' && (
              <span className="kp-library-badge kp-library-changed">{t('library.changedBadge')}</span>
            )}
          </h3>
        )}
        <p className="kp-library-meta">
          {formatSavedAt(entry.savedAt, i18n.language, t)}
          <br />
          <span data-testid="library-entry-summary">{formatEntrySummary(entry, props.bundled, t)}</span>
        </p>
      </div>
      <div className="kp-library-actions">
        <button
          type="button"
          className="kp-primary"
          onClick={props.onOpen}
          title={t('library.openTitle', { name: entry.name })}
          data-testid="library-open"
        >
          {t('library.open')}
        </button>
        <button
          type="button"
          onClick={props.onStartRename}
          disabled={props.renaming}
          data-testid="library-rename"
        >
          {t('library.rename')}
        </button>
        <button type="button" onClick={props.onDuplicate} data-testid="library-duplicate">
          {t('library.duplicate')}
        </button>
        <button
          type="button"
          className="kp-library-delete"
          onClick={props.onDelete}
          data-testid="library-delete"
        >
          {t('library.delete')}
        </button>
      </div>
    </li>
  );
}

function RenameField(props: {
  name: string;
  label: string;
  onRename: (name: string) => boolean;
  onCancel: () => void;
}) {
  const [text, setText] = useState(props.name);
  // Enter or Esc ends the edit; the blur that follows when the field goes away must not act again.
  const done = useRef(false);
  const finish = (save: boolean) => {
    if (done.current) return;
    if (save && props.onRename(text)) done.current = true;
    else if (!save) {
      done.current = true;
      props.onCancel();
    }
  };
  return (
    <input
      className="kp-library-rename"
      value={text}
      aria-label={props.label}
      data-testid="library-rename-input"
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          // Esc leaves the field, not the dialog.
          e.preventDefault();
          e.stopPropagation();
          finish(false);
        }
      }}
      // Clicking elsewhere keeps a valid name and drops an empty one.
      onBlur={() => (text.trim() ? finish(true) : finish(false))}
    />
  );
}
