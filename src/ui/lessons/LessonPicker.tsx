/**
 * The list of bundled lessons, in course order. Opening one replaces the cluster, so the student is
 * asked first when their YAML was edited (or actions were taken) since the scenario was loaded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson, LessonLanguage } from '../../lessons/index.ts';
import { useApp } from '../../store/react.ts';
import { setCustomLesson } from '../../store/viewActions.ts';
import { formatLessonErrors, loadLessonFile } from './customLesson.ts';
import { hasUnsavedWork, openLesson } from './lessonSession.ts';
import '../../i18n/laterTexts.ts';

export function LessonPicker({
  lessons,
  customId,
  language,
}: {
  lessons: readonly Lesson[];
  /** The lesson that came from the teacher's own file, listed first. */
  customId: string | null;
  language: LessonLanguage;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Lesson | null>(null);
  const [fileErrors, setFileErrors] = useState<{ name: string; lines: string[] } | null>(null);
  const openFile = async (file: File) => {
    const loaded = loadLessonFile(
      await file.text(),
      app.scenarios.map((s) => s.id),
    );
    if (!loaded.ok) {
      setFileErrors({ name: file.name, lines: formatLessonErrors(loaded.errors) });
      return;
    }
    setFileErrors(null);
    setCustomLesson(app.view, loaded.custom);
    choose(loaded.lesson);
  };
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
      <div className="kp-lesson-file">
        <label className="kp-button-like">
          {t('lessons.openFile')}
          <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
            className="kp-visually-hidden"
            data-testid="lesson-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openFile(file);
            }}
          />
        </label>
        {customId && (
          <button type="button" onClick={() => setCustomLesson(app.view, null)}>
            {t('lessons.removeOwn')}
          </button>
        )}
        <p className="kp-muted">{t('lessons.fileHint')}</p>
        {fileErrors && (
          <div role="alert" className="kp-lesson-file-errors" data-testid="lesson-file-errors">
            <p>{t('lessons.fileErrors', { name: fileErrors.name })}</p>
            <ul>
              {fileErrors.lines.slice(0, 12).map((line) => (
                <li key={line} className="kp-mono">
                  {line}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <ol className="kp-lesson-list">
        {lessons.map((lesson) => (
          <li key={lesson.id} className={lesson.id === customId ? 'kp-lesson-own' : undefined}>
            <button type="button" onClick={() => choose(lesson)} data-testid={`lesson-${lesson.id}`}>
              <span className="kp-lesson-list-title">{lesson.title[language]}</span>
              <span className="kp-muted">
                {lesson.id === customId && `${t('lessons.ownFile')} · `}
                {t('lessons.steps', { count: lesson.steps.length })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
