/**
 * The list of bundled lessons, in course order. Opening one replaces the cluster, so the student is
 * asked first when their YAML was edited (or actions were taken) since the scenario was loaded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson, LessonLanguage } from '../../lessons/index.ts';
import { useApp } from '../../store/react.ts';
import { hasUnsavedWork, openLesson } from './lessonSession.ts';

export function LessonPicker({
  lessons,
  language,
}: {
  lessons: readonly Lesson[];
  language: LessonLanguage;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Lesson | null>(null);
  const choose = (lesson: Lesson) => {
    if (hasUnsavedWork(app)) setAsking(lesson);
    else openLesson(app, lesson);
  };
  if (asking)
    return (
      <div className="kp-lesson-confirm" role="alertdialog" aria-labelledby="kp-lesson-confirm-title">
        <h3 id="kp-lesson-confirm-title">{t('lessons.confirmTitle')}</h3>
        <p>{t('lessons.confirmText')}</p>
        <p className="kp-lesson-confirm-name">{asking.title[language]}</p>
        <div className="kp-row">
          <button
            type="button"
            className="kp-primary"
            onClick={() => {
              openLesson(app, asking);
              setAsking(null);
            }}
          >
            {t('lessons.replace')}
          </button>
          {/* The safe choice has the focus: Enter by habit keeps the student's work. */}
          <button type="button" onClick={() => setAsking(null)} autoFocus>
            {t('lessons.cancel')}
          </button>
        </div>
      </div>
    );
  return (
    <nav aria-label={t('lessons.pick')}>
      <h3 className="kp-lesson-subtitle">{t('lessons.pick')}</h3>
      <ol className="kp-lesson-list">
        {lessons.map((lesson) => (
          <li key={lesson.id}>
            <button type="button" onClick={() => choose(lesson)} data-testid={`lesson-${lesson.id}`}>
              <span className="kp-lesson-list-title">{lesson.title[language]}</span>
              <span className="kp-muted">{t('lessons.steps', { count: lesson.steps.length })}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
