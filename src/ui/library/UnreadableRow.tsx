/** A stored entry that could not be read: shown with why, kept as it is, and deletable (with Undo). */
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../store/library/libraryEntry.ts';
import '../../i18n/laterTexts.ts';

type Unreadable = Extract<LibraryItem, { kind: 'unreadable' }>;

export function UnreadableRow({ item, onDelete }: { item: Unreadable; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="kp-library-entry kp-library-unreadable" data-testid="library-unreadable">
      <div className="kp-library-text">
        <h3 className="kp-library-name">
          {item.name ?? t('library.unreadable')}
          {item.name && (
            <span className="kp-library-badge kp-library-changed">{t('library.unreadable')}</span>
          )}
        </h3>
        <p className="kp-library-meta">{t('library.unreadableWhy', { reason: item.reason })}</p>
      </div>
      <div className="kp-library-actions">
        <button type="button" className="kp-library-delete" onClick={onDelete} data-testid="library-delete">
          {t('library.delete')}
        </button>
      </div>
    </li>
  );
}
