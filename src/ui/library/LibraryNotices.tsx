/**
 * What the library has to say under the save form: a failure (alert), a store it could not read, and
 * the status line (the last change, and the Undo of the last deletion until the next one).
 */
import { useTranslation } from 'react-i18next';
import type { LibraryFailure, LibraryState } from '../../store/library/libraryStore.ts';
import '../../i18n/laterTexts.ts';

const FAILURE_TEXT: Record<LibraryFailure, string> = {
  quota: 'library.failQuota',
  unavailable: 'library.failUnavailable',
  newer: 'library.failNewer',
  missing: 'library.failMissing',
  'empty-name': 'library.failEmptyName',
};

export function LibraryNotices({
  failure,
  problem,
  message,
  undo,
  onUndo,
}: Pick<LibraryState, 'failure' | 'problem' | 'undo'> & { message: string; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {failure && (
        <p className="kp-library-failure" role="alert" data-testid="library-failure">
          {t(FAILURE_TEXT[failure])}
        </p>
      )}
      {problem === 'corrupt' && !failure && (
        <p className="kp-library-failure">{t('library.problemCorrupt')}</p>
      )}
      {problem === 'newer' && !failure && <p className="kp-library-failure">{t('library.failNewer')}</p>}
      <div className="kp-library-status" role="status" data-testid="library-message">
        {message && <span>{message}</span>}
        {undo && (
          <span className="kp-library-undo">
            {undo.name ? t('library.deleted', { name: undo.name }) : t('library.deletedUnreadable')}{' '}
            <button type="button" onClick={onUndo} data-testid="library-undo">
              {t('library.undo')}
            </button>
          </span>
        )}
      </div>
    </>
  );
}
