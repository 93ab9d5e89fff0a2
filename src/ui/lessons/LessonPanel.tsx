/**
 * The lessons panel (opened from the activity bar): pick a bundled lesson, then follow it step by step.
 * Always mounted, so a lesson keeps following the student's commands while the panel is closed.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage, toLessonLanguage } from '../../i18n/language.ts';
import { bundledLessons } from '../../lessons/content/index.ts';
import { useApp, useView } from '../../store/react.ts';
import { closePanel } from '../../store/viewStore.ts';
import { setCustomLesson } from '../../store/viewActions.ts';
import type { ViewStore } from '../../store/viewStore.ts';
import { LessonPicker } from './LessonPicker.tsx';
import { LessonStepCard } from './LessonStepCard.tsx';
import { lessonListOf, readSavedCustomLesson, saveCustomLesson } from './customLesson.ts';
import { followLessons, leaveLesson } from './lessonSession.ts';
import './lessons.css';
import { getBrowserStorage } from '../browserStorage.ts';
import '../../i18n/laterTexts.ts';

/** Brings back the lesson file opened on an earlier visit, and keeps the one opened now. */
function keepCustomLesson(view: ViewStore): () => void {
  if (!view.getState().customLesson) {
    const saved = readSavedCustomLesson(getBrowserStorage());
    if (saved) setCustomLesson(view, saved);
  }
  return view.subscribe((next, previous) => {
    if (next.customLesson !== previous.customLesson) saveCustomLesson(getBrowserStorage(), next.customLesson);
  });
}

export function LessonPanel() {
  const app = useApp();
  const { t, i18n } = useTranslation();
  // One list, read from the view wherever it is used (the session reads it between renders: a lesson
  // file is registered and started in one go, before React renders the longer list).
  const currentLessons = useMemo(
    () =>
      lessonListOf(
        app.view,
        bundledLessons(),
        app.scenarios.map((s) => s.id),
      ),
    [app],
  );
  useView((s) => s.customLesson); // re-render when it changes
  const { lessons, customId } = currentLessons();
  const open = useView((s) => s.lessonsOpen);
  const progress = useView((s) => s.lesson);
  const language = toLessonLanguage(toLanguage(i18n.language));
  useEffect(() => followLessons(app, () => currentLessons().lessons), [app, currentLessons]);
  useEffect(() => keepCustomLesson(app.view), [app]);
  if (!open) return null;
  const lesson = progress ? lessons.find((l) => l.id === progress.lessonId) : undefined;
  return (
    <aside className="kp-lessons" aria-label={t('lessons.title')} data-testid="lesson-panel">
      <div className="kp-panel-bar">
        <h2>{t('lessons.title')}</h2>
        <div className="kp-row">
          {lesson && (
            <button type="button" onClick={() => leaveLesson(app)}>
              {t('lessons.other')}
            </button>
          )}
          <button
            type="button"
            onClick={() => closePanel(app.view, 'lessons')}
            aria-label={t('lessons.close')}
          >
            ×
          </button>
        </div>
      </div>
      <div className="kp-lessons-body">
        {lesson && progress ? (
          <LessonStepCard lesson={lesson} progress={progress} language={language} />
        ) : (
          <LessonPicker lessons={lessons} customId={customId} language={language} />
        )}
      </div>
    </aside>
  );
}
