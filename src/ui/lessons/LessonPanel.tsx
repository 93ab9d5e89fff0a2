/**
 * The lessons panel (opened from the header): pick a bundled lesson, then follow it step by step.
 * Always mounted, so a lesson keeps following the student's commands while the panel is closed.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage, toLessonLanguage } from '../../i18n/language.ts';
import { bundledLessons } from '../../lessons/content/index.ts';
import { useApp, useView } from '../../store/react.ts';
import { LessonPicker } from './LessonPicker.tsx';
import { LessonStepCard } from './LessonStepCard.tsx';
import { followLessons, leaveLesson } from './lessonSession.ts';
import './lessons.css';

export function LessonPanel() {
  const app = useApp();
  const { t, i18n } = useTranslation();
  const lessons = useMemo(() => bundledLessons(), []);
  const open = useView((s) => s.lessonsOpen);
  const progress = useView((s) => s.lesson);
  const language = toLessonLanguage(toLanguage(i18n.language));
  useEffect(() => followLessons(app, lessons), [app, lessons]);
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
            onClick={() => app.view.setState({ lessonsOpen: false })}
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
          <LessonPicker lessons={lessons} language={language} />
        )}
      </div>
    </aside>
  );
}
