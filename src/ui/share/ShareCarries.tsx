/**
 * What the link carries beside the scenario (always in it): the layout, the request on screen, the
 * lesson step and the detailed narration. The last two are offered only when there is one to carry,
 * and the layout is off, and says why, when nothing was moved.
 */
import { useTranslation } from 'react-i18next';
import { useView } from '../../store/react.ts';
import { CheckOption } from './CheckOption.tsx';
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
      <CheckOption
        checked={options.layout && hasLayout}
        disabled={!hasLayout}
        onChange={(layout) => onOptions({ ...options, layout })}
      >
        {hasLayout ? t('share.layout') : t('share.layoutNone')}
      </CheckOption>
      <CheckOption checked={options.request} onChange={(request) => onOptions({ ...options, request })}>
        {t('share.request')}
      </CheckOption>
      {lessonStep !== null && (
        <CheckOption
          checked={options.lesson ?? false}
          onChange={(lesson) => onOptions({ ...options, lesson })}
          testId="share-lesson"
        >
          {t('share.lesson', { step: lessonStep })}
        </CheckOption>
      )}
      {detailed && (
        <CheckOption
          checked={options.narration ?? false}
          onChange={(narration) => onOptions({ ...options, narration })}
          testId="share-narration"
        >
          {t('share.narrationDetails')}
        </CheckOption>
      )}
    </fieldset>
  );
}
