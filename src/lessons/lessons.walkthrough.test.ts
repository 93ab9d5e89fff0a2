/**
 * Every bundled lesson can be finished by typing its proposed commands, in order, into the real
 * terminal over the real engine: each `try` (placeholders resolved) completes its own step.
 */
import { describe, expect, it } from 'vitest';
import { createShellSession, createSimulation, runCommand } from '../engine/index.ts';
import type { Simulation } from '../engine/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { advanceLesson, startLesson } from './checkStep.ts';
import { LESSON_TEXTS } from './content/index.ts';
import { lessonSimulationInput } from './lessonSimulation.ts';
import { parseLesson } from './parseLesson.ts';
import { highlightedIds } from './pattern.ts';
import { resolveCommand, unresolvedPlaceholders } from './resolveCommand.ts';
import type { Lesson, LessonEvent } from './types.ts';

function loadLessons(): Lesson[] {
  return LESSON_TEXTS.map((text) => {
    const parsed = parseLesson(text, { scenarioIds: SCENARIOS.map((s) => s.id) });
    expect(parsed.errors).toEqual([]);
    if (!parsed.lesson) throw new Error('lesson did not parse');
    return parsed.lesson;
  });
}

const lessons = loadLessons();

/** The graph ids the UI draws for this simulation (src/engine/trace.ts), to catch highlight typos. */
function graphIds(sim: Simulation): string[] {
  const s = sim.state;
  return [
    'dns',
    ...s.nodes.map((n) => `node/${n.name}`),
    ...s.pods.map((p) => `pod/${p.metadata.namespace}/${p.metadata.name}`),
    ...s.services.map((v) => `svc/${v.manifest.metadata.namespace}/${v.manifest.metadata.name}`),
    ...s.services
      .filter((v) => v.manifest.spec.type === 'LoadBalancer')
      .map((v) => `lb/${v.manifest.metadata.namespace}/${v.manifest.metadata.name}`),
    ...s.ingresses.map((g) => `ing/${g.manifest.metadata.namespace}/${g.manifest.metadata.name}`),
    ...s.clients.map((c) => `client/${c.name}`),
    ...(s.networkPolicies ?? []).map(
      (p) => `netpol/${p.manifest.metadata.namespace}/${p.manifest.metadata.name}`,
    ),
  ];
}

describe('bundled lessons', () => {
  it('have unique ids and ten lessons in course order', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'three-ips',
      'create-service',
      'where-requests-go',
      'discovery',
      'ping-cluster-ip',
      'endpoints',
      'nodeport',
      'loadbalancer',
      'ingress',
      'network-policy',
    ]);
  });

  it('propose a command for every step', () => {
    for (const lesson of lessons) for (const step of lesson.steps) expect(step.try, lesson.id).toBeTruthy();
  });

  // the lesson's own seed, and others a teacher might pick: the steps must not depend on luck
  for (const lesson of lessons) {
    it.each([undefined, 2, 7, 42])(
      `${lesson.id}: typing each proposed command completes its step (seed %s)`,
      (seed) => {
        const input = lessonSimulationInput(
          seed === undefined ? lesson : { ...lesson, seed },
          SCENARIO_TEXTS,
        );
        expect(input).toBeDefined();
        let sim: Simulation = createSimulation(input ?? { files: [] });
        expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        let session = createShellSession({ files: lesson.files ?? {} });
        let progress = startLesson(lesson);
        lesson.steps.forEach((step, i) => {
          expect(progress.step).toBe(i);
          // an unrelated command must not complete the step: every check asks for something
          const idle = runCommand(sim, session, 'echo idle');
          const idleEvent: LessonEvent = {
            type: 'command',
            command: 'echo idle',
            output: idle.output,
            exitCode: 0,
            traces: [],
            actions: [],
          };
          expect(advanceLesson(progress, idleEvent, sim, lesson), `step ${i} done before its command`).toBe(
            progress,
          );
          for (const pattern of step.highlight)
            expect(highlightedIds([pattern], graphIds(sim)), `step ${i} highlights ${pattern}`).not.toEqual(
              [],
            );
          const template = step.try ?? '';
          expect(unresolvedPlaceholders(template, sim)).toEqual([]);
          const command = resolveCommand(template, sim);
          const result = runCommand(sim, session, command);
          sim = result.sim;
          session = result.session;
          const event: LessonEvent = {
            type: 'command',
            command,
            output: result.output,
            exitCode: result.exitCode,
            traces: result.traces,
            actions: result.actions,
          };
          progress = advanceLesson(progress, event, sim, lesson);
          expect(progress.step, `step ${i}: ${command}\n${result.output}`).toBe(i + 1);
        });
        expect(progress.finished).toBe(true);
      },
    );
  }
});
