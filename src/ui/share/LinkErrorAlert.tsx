/**
 * A link that could not be opened (damaged, cut short, made by a newer kubeplay, hostile): said plainly
 * over the page, with the reassurance that the person's own work is still there.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../app/pageAlert.css';
import './share.css';
import '../../i18n/laterTexts.ts';

/** `message`: why the link was refused, in the codec's own words (English), set in a translated sentence. */
export function LinkErrorAlert({ message }: { message: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <div className="kp-page-alert kp-link-error" role="alert" data-testid="link-error">
      <p>
        <strong>{t('share.linkError', { reason: message })}</strong>
        <br />
        {t('share.linkErrorKept')}
      </p>
      <button type="button" onClick={() => setShown(false)} aria-label={t('share.dismiss')}>
        ×
      </button>
    </div>
  );
}
