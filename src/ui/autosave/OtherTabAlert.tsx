/**
 * Another tab of this browser saved different work: this tab asks which to keep here, and keeps both
 * whatever the answer (the one not shown goes to the library). Nothing is lost without a choice.
 */
import { useTranslation } from 'react-i18next';
import type { KeyValueStorage } from '../../store/persistence.ts';
import { keepMine, switchToTheirs } from '../../store/persistenceSync.ts';
import { useApp } from '../../store/react.ts';
import { libraryKeeper } from './libraryKeeper.ts';
import { useAutosaveStatus } from './useAutosaveStatus.ts';
import '../app/pageAlert.css';
import './autosave.css';
import '../../i18n/laterTexts.ts';

function formatTime(epochMs: number | null): string {
  if (epochMs === null) return '?';
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function OtherTabAlert({ storage }: { storage: KeyValueStorage | null }) {
  const { t } = useTranslation();
  const app = useApp();
  const other = useAutosaveStatus((s) => s.otherTab);
  const failed = useAutosaveStatus((s) => s.choiceFailed);
  if (!other) return null;
  const time = formatTime(other.savedAt);
  const name = (from: 'mine' | 'theirs', keptAt: number) =>
    from === 'mine'
      ? t('autosave.entryMine', { time: formatTime(keptAt) })
      : t('autosave.entryTheirs', { time });
  return (
    <div
      className="kp-page-alert kp-autosave-alert kp-autosave-other"
      role="alert"
      data-testid="autosave-other-tab"
    >
      <p>{t('autosave.otherTab', { time })}</p>
      {failed && <p data-testid="autosave-choice-failed">{t('autosave.choiceFailed')}</p>}
      <div className="kp-autosave-actions">
        <button
          type="button"
          className="kp-primary"
          data-testid="autosave-keep-mine"
          onClick={async () => keepMine(app.scenario, storage, await libraryKeeper(app, name))}
        >
          {t('autosave.keepMine')}
        </button>
        <button
          type="button"
          data-testid="autosave-use-theirs"
          onClick={async () => switchToTheirs(app.scenario, await libraryKeeper(app, name))}
        >
          {t('autosave.useTheirs')}
        </button>
      </div>
    </div>
  );
}
