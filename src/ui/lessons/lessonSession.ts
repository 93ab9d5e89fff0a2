/**
 * Following a lesson in the app: open its cluster, keep the student's place in the view state, and
 * move on when what the app reports (a terminal line, a request, an action) completes the step.
 * Contract: whether a step is done is decided by the pure src/lessons functions (advanceLesson);
 * nothing here knows Kubernetes. Vanilla (no React), so it is tested without a page.
 */
import { showTerminal } from '../../store/viewStore.ts';
import { resetViewForNewScenario, setLessonProgress } from '../../store/viewActions.ts';
import { advanceLesson, lessonSimulationInput, startLesson } from '../../lessons/index.ts';
import type { Lesson, LessonEvent, LessonProgress } from '../../lessons/index.ts';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import { DEFAULT_SEED, loadScenario, setSeed } from '../../store/scenarioStore.ts';
import { forgetOpenEntry } from '../library/forgetOpenEntry.ts';

type LessonApp = Pick<
  KubeplayApp,
  'scenario' | 'simulation' | 'view' | 'scenarios' | 'chooseScenario' | 'onEvent' | 'setLaptopFiles'
>;

/**
 * True when opening a lesson would throw away work: the YAML is no longer the bundled scenario's
 * text (or was never one), or actions were taken on it.
 */
export function hasUnsavedWork(app: Pick<LessonApp, 'scenario' | 'scenarios'>): boolean {
  const { scenarioId, yaml, actions } = app.scenario.getState();
  const bundled = app.scenarios.find((s) => s.id === scenarioId);
  if (actions.length > 0) return true;
  return bundled ? bundled.yaml !== yaml : yaml.trim() !== '';
}

/** Puts the student on `progress`, lighting up that step's graph ids. */
function showProgress(app: LessonApp, lesson: Lesson, progress: LessonProgress, done: number[]): void {
  const step = progress.finished ? undefined : lesson.steps[progress.step];
  setLessonProgress(app.view, progress, done, step?.highlight ?? []);
}

/**
 * Opens the lesson's cluster (its scenario, seed and laptop files) and puts the student on step 1.
 * Returns false when the lesson's scenario is not bundled with this app.
 */
export function openLesson(app: LessonApp, lesson: Lesson): boolean {
  const texts = Object.fromEntries(app.scenarios.map((s) => [s.id, s.yaml]));
  const input = lessonSimulationInput(lesson, texts);
  const file = input?.files[0];
  if (!input || !file) return false;
  if ('id' in lesson.scenario) app.chooseScenario(lesson.scenario.id);
  else {
    loadScenario(app.scenario, 'custom', file.text);
    resetViewForNewScenario(app.view);
  }
  const seed = input.seed ?? DEFAULT_SEED;
  if (seed !== DEFAULT_SEED) setSeed(app.scenario, seed);
  app.setLaptopFiles(lesson.files ?? {});
  // A lesson is followed by typing its commands: the terminal opens, tall enough to read their output.
  showTerminal(app.view);
  forgetOpenEntry();
  showProgress(app, lesson, startLesson(lesson), []);
  return true;
}

/** Back / next: the student moves freely; a skipped step is not marked done. */
export function goToStep(app: LessonApp, lesson: Lesson, step: number): void {
  const current = app.view.getState().lesson;
  if (!current || current.lessonId !== lesson.id) return;
  const clamped = Math.max(0, Math.min(lesson.steps.length, step));
  const finished = clamped >= lesson.steps.length;
  showProgress(app, lesson, { lessonId: lesson.id, step: clamped, finished }, app.view.getState().lessonDone);
}

/** Leaves the lesson (the cluster stays as it is). */
export function leaveLesson(app: LessonApp): void {
  app.setLaptopFiles({});
  setLessonProgress(app.view, null, [], []);
}

/** One reported event: advances the current lesson when it completes the step the student is on. */
export function noticeLessonEvent(app: LessonApp, lessons: readonly Lesson[], event: LessonEvent): void {
  const { lesson: progress, lessonDone } = app.view.getState();
  const sim = app.simulation.getState().sim;
  if (!progress || progress.finished || !sim) return;
  const lesson = lessons.find((l) => l.id === progress.lessonId);
  if (!lesson) return;
  const next = advanceLesson(progress, event, sim, lesson);
  if (next === progress) return;
  const done = lessonDone.includes(progress.step) ? lessonDone : [...lessonDone, progress.step];
  showProgress(app, lesson, next, done);
}

/**
 * A lesson put in the view from outside (a share link carries `{id, step}`): check it names a bundled
 * lesson, keep the step in range, and give the laptop the lesson's files and the graph its highlight.
 * The cluster is the link's own; it is not reloaded.
 */
export function resumeLesson(app: LessonApp, lessons: readonly Lesson[]): void {
  const progress = app.view.getState().lesson;
  if (!progress) return;
  const lesson = lessons.find((l) => l.id === progress.lessonId);
  if (!lesson) {
    leaveLesson(app);
    return;
  }
  const step = Math.max(0, Math.min(lesson.steps.length, Math.floor(progress.step)));
  app.setLaptopFiles(lesson.files ?? {});
  showProgress(
    app,
    lesson,
    { lessonId: lesson.id, step, finished: step >= lesson.steps.length },
    app.view.getState().lessonDone,
  );
}

/**
 * Follows the student: resumes a lesson already in the view (or put there later, by an opened link)
 * and listens to the app's events, until the returned function is called. `lessons` may be a getter:
 * the list can grow (a lesson file opened) in the same moment its lesson starts.
 */
export function followLessons(
  app: LessonApp,
  lessons: readonly Lesson[] | (() => readonly Lesson[]),
): () => void {
  const current = typeof lessons === 'function' ? lessons : () => lessons;
  resumeLesson(app, current());
  const stopView = app.view.subscribe((next, previous) => {
    if (next.lesson && next.lesson.lessonId !== previous.lesson?.lessonId) resumeLesson(app, current());
  });
  const stopEvents = app.onEvent((event) => noticeLessonEvent(app, current(), event));
  return () => {
    stopView();
    stopEvents();
  };
}
