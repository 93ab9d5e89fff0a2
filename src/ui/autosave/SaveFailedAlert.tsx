/**
 * The autosave failed: said at once, over the page, with ways out — download the YAML, free space in
 * the library, try again. It goes away by itself when a save works again.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveScenario } from '../../store/persistence.ts';
import type { KeyValueStorage } from '../../store/persistence.ts';
import { useApp } from '../../store/react.ts';
import { downloadFile } from '../export/downloadFile.ts';
import { useAutosaveStatus } from './useAutosaveStatus.ts';
import '../app/pageAlert.css';
import './autosave.css';
import '../../i18n/laterTexts.ts';

const LibraryDialog = lazy(async () => ({
  default: (await import('../library/LibraryDialog.tsx')).LibraryDialog,
}));

export function SaveFailedAlert({ storage }: { storage: KeyValueStorage | null }) {
  const { t } = useTranslation();
  const app = useApp();
  const failure = useAutosaveStatus((s) => s.failure);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const retry = () => saveScenario(storage, app.scenario.getState());
  return (
    <>
      {failure && (
        <div className="kp-page-alert kp-autosave-alert" role="alert" data-testid="autosave-failed">
          <p>{t(failure === 'quota' ? 'autosave.failedQuota' : 'autosave.failedUnavailable')}</p>
          <div className="kp-autosave-actions">
            <button
              type="button"
              className="kp-primary"
              data-testid="autosave-download"
              onClick={() => downloadFile(`${app.fileBaseName()}.yaml`, app.scenario.getState().yaml)}
            >
              {t('autosave.download')}
            </button>
            {failure === 'quota' && (
              <>
                <button type="button" data-testid="autosave-library" onClick={() => setLibraryOpen(true)}>
                  {t('autosave.openLibrary')}
                </button>
                <button type="button" data-testid="autosave-retry" onClick={retry}>
                  {t('autosave.retry')}
                </button>
              </>
            )}
          </div>
        </div>
      )}
      {libraryOpen && (
        <Suspense fallback={null}>
          <LibraryDialog
            onClose={() => {
              setLibraryOpen(false);
              // Space freed in the library is tried at once.
              retry();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
