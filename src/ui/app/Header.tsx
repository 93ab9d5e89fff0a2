import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n/index.ts';
import { toLanguage } from '../../i18n/language.ts';
import { useApp, useScenario, useView } from '../../store/react.ts';
import { dismissNotice, openHelp, setPresenter, toggleTheme } from '../../store/viewStore.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { LibraryButton } from '../library/LibraryButton.tsx';
import { ShareButton } from './ShareButton.tsx';

/** English / 简体中文, saved for the next visit (src/i18n). */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="kp-field kp-inline">
      <span className="kp-visually-hidden">{t('header.language')}</span>
      <select
        value={toLanguage(i18n.language)}
        onChange={(e) => void setLanguage(toLanguage(e.target.value))}
        data-testid="language-picker"
        aria-label={t('header.language')}
      >
        <option value="en" lang="en" title="English">
          EN
        </option>
        <option value="zh-CN" lang="zh-CN" title="简体中文">
          中文
        </option>
      </select>
    </label>
  );
}

export function Header() {
  const app = useApp();
  const { t } = useTranslation();
  const scenarioId = useScenario((s) => s.scenarioId);
  const theme = useView((s) => s.theme);
  const known = app.scenarios.some((s) => s.id === scenarioId);
  const notice = useView((s) => s.notice);
  const presenter = useView((s) => s.presenter);
  return (
    <header className="kp-header">
      <h1 className="kp-logo">
        kube<span>play</span>
      </h1>
      <label className="kp-field kp-inline">
        <span>{t('header.scenario')}</span>
        <select
          value={known ? scenarioId : ''}
          onChange={(e) => app.chooseScenario(e.target.value)}
          data-testid="scenario-picker"
        >
          {!known && <option value="">{t('header.ownYaml')}</option>}
          {app.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {notice && (
        <p className="kp-notice" role="status">
          {notice}{' '}
          <button type="button" onClick={() => dismissNotice(app.view)} aria-label={t('header.dismiss')}>
            ×
          </button>
        </p>
      )}
      <div className="kp-header-actions">
        <LibraryButton />
        <ShareButton />
        <ExportMenu />
        <button
          type="button"
          aria-pressed={presenter}
          title={t('header.presentTitle')}
          onClick={() => setPresenter(app.view, !presenter)}
          data-testid="present-button"
        >
          {t('header.present')}
        </button>
        <button
          type="button"
          onClick={() => toggleTheme(app.view)}
          aria-label={theme === 'light' ? t('header.switchToDark') : t('header.switchToLight')}
        >
          {theme === 'light' ? t('header.dark') : t('header.light')}
        </button>
        <button type="button" onClick={() => openHelp(app.view)}>
          {t('header.help')}
        </button>
        <LanguageSwitch />
      </div>
    </header>
  );
}
