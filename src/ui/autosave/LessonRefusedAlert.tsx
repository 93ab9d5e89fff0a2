/** A link carried a teacher's own lesson that does not parse: say why instead of dropping it silently. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../app/pageAlert.css';
import './autosave.css';
import '../../i18n/laterTexts.ts';

export function LessonRefusedAlert({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <div
      className="kp-page-alert kp-autosave-alert kp-autosave-lesson"
      role="alert"
      data-testid="link-lesson-error"
    >
      <p>{t('autosave.lessonRefused', { reason })}</p>
      <button type="button" onClick={() => setShown(false)} aria-label={t('share.dismiss')}>
        ×
      </button>
    </div>
  );
}
