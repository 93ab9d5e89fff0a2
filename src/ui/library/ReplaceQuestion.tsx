/**
 * "Replace the working copy?": asked inside the library dialog before an entry replaces work that is
 * in no entry. Cancel has the focus (the dialog moves it there), so Enter never replaces by accident.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/laterTexts.ts';

export function ReplaceQuestion(props: { name: string; onReplace: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section
      className="kp-library-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid="library-confirm"
    >
      <h3 id={`${id}-title`}>{t('library.confirmTitle')}</h3>
      <p id={`${id}-text`}>{t('library.confirmText', { name: props.name })}</p>
      <div className="kp-row kp-library-confirm-actions">
        <button
          type="button"
          className="kp-primary"
          data-testid="library-confirm-open"
          onClick={props.onReplace}
        >
          {t('library.confirmOpen', { name: props.name })}
        </button>
        <button type="button" data-testid="library-confirm-cancel" onClick={props.onCancel}>
          {t('library.cancel')}
        </button>
      </div>
    </section>
  );
}
