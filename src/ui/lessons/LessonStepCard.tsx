/**
 * The step the student is on: progress, the text (large, for a projector), the proposed command
 * with Paste and Run, and back / next. Placeholders in the command are filled from the cluster on
 * screen by viewLessonStep; when the cluster cannot fill them yet, the buttons wait.
 */
import { useTranslation } from 'react-i18next';
import { viewLessonStep } from '../../lessons/index.ts';
import type { Lesson, LessonLanguage, LessonProgress } from '../../lessons/index.ts';
import { useApp, useShallow, useSimulation, useView } from '../../store/react.ts';
import { showTerminal } from '../../store/viewStore.ts';
import { pasteToTerminal } from '../terminal/terminalInbox.ts';
import { LessonText } from './LessonText.tsx';
import { goToStep, leaveLesson } from './lessonSession.ts';
import { runInTerminal } from './runInTerminal.ts';
import '../../i18n/laterTexts.ts';

function StepDots({ lesson, progress }: { lesson: Lesson; progress: LessonProgress }) {
  const { t } = useTranslation();
  const done = useView(useShallow((s) => s.lessonDone));
  return (
    <ol className="kp-lesson-dots" aria-label={t('lessons.stepList')}>
      {lesson.steps.map((_, i) => {
        const isDone = done.includes(i);
        const current = !progress.finished && i === progress.step;
        return (
          <li
            key={i}
            data-testid={`lesson-step-${i + 1}`}
            data-done={isDone}
            aria-current={current ? 'step' : undefined}
            className={`${isDone ? 'kp-done' : ''}${current ? ' kp-current' : ''}`}
          >
            <span aria-hidden="true">{isDone ? '✓' : i + 1}</span>
            <span className="kp-visually-hidden">
              {isDone
                ? t('lessons.stepDone', { step: i + 1 })
                : t('lessons.progress', { step: i + 1, total: lesson.steps.length })}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Finished({ lesson, language }: { lesson: Lesson; language: LessonLanguage }) {
  const app = useApp();
  const { t } = useTranslation();
  return (
    <div className="kp-lesson-finished" data-testid="lesson-finished" role="status">
      <p className="kp-lesson-big">{t('lessons.finished')}</p>
      <p>{t('lessons.finishedText', { title: lesson.title[language] })}</p>
      <div className="kp-row">
        <button type="button" onClick={() => goToStep(app, lesson, 0)}>
          {t('lessons.restart')}
        </button>
        <button type="button" className="kp-primary" onClick={() => leaveLesson(app)}>
          {t('lessons.other')}
        </button>
      </div>
    </div>
  );
}

export function LessonStepCard({
  lesson,
  progress,
  language,
}: {
  lesson: Lesson;
  progress: LessonProgress;
  language: LessonLanguage;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const sim = useSimulation((s) => s.sim);
  const previousDone = useView((s) => progress.step > 0 && s.lessonDone.includes(progress.step - 1));
  const view = sim ? viewLessonStep(lesson, progress, sim, language) : undefined;
  const total = lesson.steps.length;
  return (
    <div
      className="kp-lesson-card"
      data-testid="lesson-card"
      data-step={progress.step + 1}
      data-finished={progress.finished}
    >
      <h3 className="kp-lesson-title">{lesson.title[language]}</h3>
      <StepDots lesson={lesson} progress={progress} />
      {progress.finished ? (
        <Finished lesson={lesson} language={language} />
      ) : (
        <>
          <p className="kp-lesson-progress" data-testid="lesson-progress">
            {t('lessons.progress', { step: progress.step + 1, total })}
            {previousDone && (
              <span className="kp-lesson-ok" role="status">
                {' '}
                ✓ {t('lessons.stepDone', { step: progress.step })}
              </span>
            )}
          </p>
          {view && <LessonText text={view.text} />}
          {view?.command !== undefined ? (
            <div className="kp-lesson-try">
              <span className="kp-lesson-try-label">{t('lessons.tryThis')}</span>
              <code data-testid="lesson-command">{view.command}</code>
              {view.commandReady ? (
                <div className="kp-row">
                  <button
                    type="button"
                    onClick={() => {
                      showTerminal(app.view);
                      pasteToTerminal(view.command ?? '');
                    }}
                  >
                    {t('lessons.paste')}
                  </button>
                  <button
                    type="button"
                    className="kp-primary"
                    onClick={() => {
                      showTerminal(app.view);
                      runInTerminal(view.command ?? '');
                    }}
                  >
                    ▶ {t('lessons.run')}
                  </button>
                </div>
              ) : (
                <p className="kp-muted">{t('lessons.notReady')}</p>
              )}
            </div>
          ) : (
            view && <p className="kp-muted">{t('lessons.noCommand')}</p>
          )}
        </>
      )}
      <div className="kp-row kp-lesson-nav">
        <button
          type="button"
          disabled={progress.step === 0}
          onClick={() => goToStep(app, lesson, progress.step - 1)}
        >
          {t('lessons.back')}
        </button>
        {!progress.finished && (
          <button type="button" onClick={() => goToStep(app, lesson, progress.step + 1)}>
            {t('lessons.skip')}
          </button>
        )}
      </div>
    </div>
  );
}
