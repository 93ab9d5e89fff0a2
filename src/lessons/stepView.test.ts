import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { bundledLessons } from './content/index.ts';
import { startLesson } from './checkStep.ts';
import { viewLessonStep } from './stepView.ts';

const sim = createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }] });
const lesson = bundledLessons().find((l) => l.id === 'ping-cluster-ip');

describe('viewLessonStep', () => {
  it('shows the current step in the chosen language with the command filled in', () => {
    if (!lesson) throw new Error('missing lesson');
    const progress = { ...startLesson(lesson), step: 1 };
    const clusterIp = sim.state.services.find((s) => s.manifest.metadata.name === 'kubia')?.manifest.spec
      .clusterIP;
    const zh = viewLessonStep(lesson, progress, sim, 'zh');
    expect(zh).toMatchObject({
      index: 1,
      total: 4,
      title: '为什么 ping 不通 Cluster IP',
      highlight: ['svc/default/kubia'],
      command: `curl -s http://${clusterIp ?? '?'}`,
      commandReady: true,
    });
    expect(zh?.text).toContain('kube-proxy');
    expect(viewLessonStep(lesson, progress, sim, 'en')?.title).toBe('Why a cluster IP cannot be pinged');
  });

  it('says when the command cannot be filled in, and shows nothing once finished', () => {
    if (!lesson) throw new Error('missing lesson');
    const empty = createSimulation({ files: [] });
    expect(viewLessonStep(lesson, startLesson(lesson), empty, 'en')).toMatchObject({
      command: 'kubectl exec -it {pod:app=kubia} -- bash',
      commandReady: false,
    });
    expect(
      viewLessonStep(lesson, { lessonId: lesson.id, step: 4, finished: true }, sim, 'en'),
    ).toBeUndefined();
    expect(
      viewLessonStep(lesson, { lessonId: 'other', step: 0, finished: false }, sim, 'en'),
    ).toBeUndefined();
  });
});

describe('bundledLessons', () => {
  it('parses every bundled file once', () => {
    expect(bundledLessons()).toHaveLength(10);
    expect(bundledLessons()).toBe(bundledLessons());
  });
});
