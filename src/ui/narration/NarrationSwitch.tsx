/**
 * Plain | Details: the level hop captions are told at. The choice is remembered in this browser
 * (src/store/narration.ts); a share link made afterwards carries it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { saveNarration } from '../../store/narration.ts';
import { useApp, useView } from '../../store/react.ts';
import { setNarration } from '../../store/viewActions.ts';
import type { NarrationLevel } from '../../store/viewStore.ts';
import { getBrowserStorage } from '../browserStorage.ts';
import './narration.css';

const LEVELS: NarrationLevel[] = ['plain', 'details'];

/**
 * Two toggle buttons rather than radios: a focused button leaves the presenter's keys working (they
 * ignore keys typed into inputs), so a teacher can click Details and go on with N and the arrows.
 */
export function NarrationSwitch({ where }: { where: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const level = useView((s) => s.narration);
  const labelId = useId();
  const choose = (next: NarrationLevel) => {
    setNarration(app.view, next);
    saveNarration(getBrowserStorage(), next);
  };
  return (
    <div
      className="kp-narration"
      role="group"
      aria-labelledby={labelId}
      title={t('narration.levelTitle')}
      data-testid={`${where}-narration`}
      data-level={level}
    >
      <span id={labelId} className="kp-narration-label">
        {t('narration.level')}
      </span>
      {LEVELS.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={level === option}
          onClick={() => choose(option)}
          data-testid={`${where}-narration-${option}`}
        >
          {t(`narration.${option}`)}
        </button>
      ))}
    </div>
  );
}
