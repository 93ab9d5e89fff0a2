/** Which library entry the working copy came from and whether it changed since (Update saves over it). */
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import type { getWorkingCopyStatus } from './workingCopy.ts';
import '../../i18n/laterTexts.ts';

export function WorkingCopyLine({
  status,
  onUpdate,
}: {
  status: ReturnType<typeof getWorkingCopyStatus>;
  onUpdate: (entry: LibraryEntry) => void;
}) {
  const { t } = useTranslation();
  return (
    <p className="kp-library-working" data-testid="library-working" data-status={status.kind}>
      {status.kind === 'none'
        ? t('library.workingNone')
        : t(status.kind === 'same' ? 'library.workingSame' : 'library.workingChanged', {
            name: status.entry.name,
          })}
      {status.kind === 'changed' && (
        <>
          {' '}
          <button
            type="button"
            className="kp-primary"
            onClick={() => onUpdate(status.entry)}
            title={t('library.updateTitle')}
            data-testid="library-update"
          >
            {t('library.update', { name: status.entry.name })}
          </button>
        </>
      )}
    </p>
  );
}
