/**
 * Following a lesson through the app over the real engine (in-thread): typing each proposed command
 * marks its step done and moves on; an unrelated line does not; the lesson's files reach the laptop.
 */
import { describe, expect, it } from 'vitest';
import type { ShellSession } from '../../engine/index.ts';
import { viewLessonStep } from '../../lessons/index.ts';
import { bundledLessons } from '../../lessons/content/index.ts';
import type { Lesson } from '../../lessons/index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { createKubeplayApp } from '../../store/kubeplayApp.ts';
import { openShareLink } from '../../store/shareLink.ts';
import { setYaml } from '../../store/scenarioStore.ts';
import { setLessonProgress } from '../../store/viewActions.ts';
import { createInThreadEngine } from '../../worker/inThread.ts';
import { followLessons, goToStep, hasUnsavedWork, leaveLesson, openLesson } from './lessonSession.ts';

function makeApp() {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: Object.entries(SCENARIO_TEXTS).map(([id, yaml]) => ({ id, title: id, yaml })),
    storage: null,
    now: () => 1000,
    debounceMs: 5,
  });
}

function lessonById(id: string): Lesson {
  const lesson = bundledLessons().find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
}

/** Types the current step's proposed command, as the student would. */
async function typeProposed(app: ReturnType<typeof makeApp>, lesson: Lesson, session: ShellSession | null) {
  const progress = app.view.getState().lesson;
  const sim = app.simulation.getState().sim;
  if (!progress || !sim) throw new Error('no lesson or cluster');
  const command = viewLessonStep(lesson, progress, sim, 'en')?.command ?? '';
  return app.runCommand(command, session);
}

describe('lesson session', () => {
  it('completes the cluster-IP ping lesson step by step from the typed commands', async () => {
    const app = makeApp();
    const lesson = lessonById('ping-cluster-ip');
    const stop = followLessons(app, [lesson]);
    expect(openLesson(app, lesson)).toBe(true);
    await app.flush();
    expect(app.view.getState().lessonHighlight).toEqual(['pod/default/kubia-*']);

    // Something else first: no step is done.
    let reply = await app.runCommand('kubectl get nodes', null);
    expect(app.view.getState().lesson?.step).toBe(0);

    let session: ShellSession | null = reply.session;
    for (let step = 0; step < lesson.steps.length; step += 1) {
      reply = await typeProposed(app, lesson, session);
      session = reply.session;
      expect(app.view.getState().lessonDone).toContain(step);
    }
    expect(app.view.getState().lesson).toEqual({ lessonId: lesson.id, step: 4, finished: true });
    expect(app.view.getState().lessonHighlight).toEqual([]);
    stop();
    app.dispose();
  });

  it('gives the laptop the lesson’s files, so `kubectl create -f` finds them', async () => {
    const app = makeApp();
    const lesson = lessonById('create-service');
    openLesson(app, lesson);
    await app.flush();
    const name = Object.keys(lesson.files ?? {})[0] ?? '';
    expect(name).not.toBe('');
    const reply = await app.runCommand(`kubectl create -f ${name}`, null);
    expect(reply.exitCode).toBe(0);
    leaveLesson(app);
    const again = await app.runCommand(`kubectl apply -f ${name}`, null);
    expect(again.exitCode).not.toBe(0);
    app.dispose();
  });

  it('a request sent from the request bar completes a step that asks for a request', async () => {
    const app = makeApp();
    const lesson = lessonById('ping-cluster-ip');
    const stop = followLessons(app, [lesson]);
    openLesson(app, lesson);
    await app.flush();
    goToStep(app, lesson, 1); // "curl the cluster IP": done by a request through the kubia Service
    const pod = app.simulation.getState().sim?.state.pods.find((p) => p.metadata.name.startsWith('kubia-'));
    await app.sendRequest({ from: `pod/default/${pod?.metadata.name ?? ''}`, url: 'http://kubia' });
    expect(app.view.getState().lesson?.step).toBe(2);
    expect(app.view.getState().lessonDone).toEqual([1]);
    stop();
    app.dispose();
  });

  it('moves back and next without marking skipped steps done', async () => {
    const app = makeApp();
    const lesson = lessonById('ping-cluster-ip');
    openLesson(app, lesson);
    goToStep(app, lesson, 2);
    expect(app.view.getState().lesson).toEqual({ lessonId: lesson.id, step: 2, finished: false });
    goToStep(app, lesson, 99);
    expect(app.view.getState().lesson?.finished).toBe(true);
    goToStep(app, lesson, -1);
    expect(app.view.getState().lesson?.step).toBe(0);
    expect(app.view.getState().lessonDone).toEqual([]);
    app.dispose();
  });

  it('knows when opening a lesson would discard edited YAML or taken actions', async () => {
    const app = makeApp();
    app.chooseScenario('kubia');
    expect(hasUnsavedWork(app)).toBe(false);
    setYaml(app.scenario, `${app.scenario.getState().yaml}\n# mine\n`);
    expect(hasUnsavedWork(app)).toBe(true);
    app.chooseScenario('kubia');
    await app.runCommand('kubectl scale rc kubia --replicas=2', null);
    expect(hasUnsavedWork(app)).toBe(true);
    app.dispose();
  });
});

describe('lesson in a share link', () => {
  it('goes into the link and comes back on the same step, with the lesson’s files on the laptop', async () => {
    const app = makeApp();
    const lesson = lessonById('create-service');
    openLesson(app, lesson);
    goToStep(app, lesson, 2);
    const fragment = await app.shareLink();
    app.dispose();

    const opened = openShareLink(`#${fragment}`);
    if (!opened?.ok) throw new Error('link did not open');
    expect(opened.link.lesson).toEqual({ id: 'create-service', step: 2 });
    const again = createKubeplayApp({
      engine: createInThreadEngine(),
      scenarios: [],
      storage: null,
      now: () => 1000,
      link: opened.link,
    });
    const stop = followLessons(again, [lesson]);
    expect(again.view.getState().lesson).toEqual({ lessonId: 'create-service', step: 2, finished: false });
    expect(again.view.getState().lessonsOpen).toBe(true);
    expect(again.view.getState().lessonHighlight).toEqual(lesson.steps[2]?.highlight);
    await again.flush();
    const name = Object.keys(lesson.files ?? {})[0] ?? '';
    expect((await again.runCommand(`kubectl create -f ${name}`, null)).exitCode).toBe(0);
    stop();
    again.dispose();
  });

  it('drops a lesson id the app does not know', () => {
    const app = makeApp();
    setLessonProgress(app.view, { lessonId: 'no-such-lesson', step: 1, finished: false }, [], []);
    const stop = followLessons(app, bundledLessons());
    expect(app.view.getState().lesson).toBeNull();
    stop();
    app.dispose();
  });
});
