/**
 * What the link carries beside the scenario (always in it): the layout, the request on screen, the
 * lesson step and the detailed narration. The last two are offered only when there is one to carry,
 * and the layout is off, and says why, when nothing was moved.
 */
import { useTranslation } from 'react-i18next';
import { useView } from '../../store/react.ts';
import type { ShareOptions } from './shareLinks.ts';
import '../../i18n/laterTexts.ts';

export function ShareCarries({
  options,
  onOptions,
}: {
  options: ShareOptions;
  onOptions: (options: ShareOptions) => void;
}) {
  const { t } = useTranslation();
  const detailed = useView((s) => s.narration === 'details');
  const hasLayout = useView((s) => Object.keys(s.positions).length > 0);
  const lessonStep = useView((s) => (s.lesson && !s.lesson.finished ? s.lesson.step + 1 : null));
  return (
    <fieldset className="kp-share-options">
      <legend>{t('share.carries')}</legend>
      <label className="kp-check">
        <input
          type="checkbox"
          checked={options.layout && hasLayout}
          disabled={!hasLayout}
          onChange={(e) => onOptions({ ...options, layout: e.target.checked })}
        />
        {hasLayout ? t('share.layout') : t('share.layoutNone')}
      </label>
      <label className="kp-check">
        <input
          type="checkbox"
          checked={options.request}
          onChange={(e) => onOptions({ ...options, request: e.target.checked })}
        />
        {t('share.request')}
      </label>
      {lessonStep !== null && (
        <label className="kp-check">
          <input
            type="checkbox"
            checked={options.lesson ?? false}
            onChange={(e) => onOptions({ ...options, lesson: e.target.checked })}
            data-testid="share-lesson"
          />
          {t('share.lesson', { step: lessonStep })}
        </label>
      )}
      {detailed && (
        <label className="kp-check">
          <input
            type="checkbox"
            checked={options.narration ?? false}
            onChange={(e) => onOptions({ ...options, narration: e.target.checked })}
            data-testid="share-narration"
          />
          {t('share.narrationDetails')}
        </label>
      )}
    </fieldset>
  );
}
