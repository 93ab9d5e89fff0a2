import { describe, expect, it } from 'vitest';
import { createShellSession, createSimulation, runCommand } from '../engine/index.ts';
import type { Simulation, Trace } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { actionMatches, advanceLesson, checkStep, startLesson, traceMatches } from './checkStep.ts';
import type { Lesson, LessonEvent, LessonStep } from './types.ts';

const sim: Simulation = createSimulation({
  files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
  seed: 3,
});

function command(line: string, on: Simulation = sim): { event: LessonEvent; sim: Simulation } {
  const r = runCommand(on, createShellSession(), line);
  return {
    event: {
      type: 'command',
      command: line,
      output: r.output,
      exitCode: r.exitCode,
      traces: r.traces,
      actions: r.actions,
    },
    sim: r.sim,
  };
}

function step(done: LessonStep['done']): LessonStep {
  return { text: { en: 'x', zh: 'x' }, highlight: [], done };
}

const TRACE: Trace = {
  from: 'client/laptop',
  request: { method: 'GET', url: 'http://x/', host: 'x', clientIp: '172.18.0.1' },
  outcome: 'ok',
  service: 'default/kubia-nodeport',
  endpoint: { pod: 'default/kubia-abcde', node: 'kind-worker2', ip: '10.244.2.2', port: 8080 },
  ports: [],
  path: [
    { at: 'client/laptop', kind: 'send', src: '', dst: '', note: '' },
    { at: 'node/kind-worker2', kind: 'deliver', src: '', dst: '', note: '' },
  ],
};

describe('checkStep', () => {
  it('matches the typed command, its output and exit code together', () => {
    const { event } = command('kubectl get svc');
    expect(checkStep(step({ command: '^kubectl get (svc|services?)\\b' }), event, sim)).toBe(true);
    expect(checkStep(step({ command: '^kubectl get svc', output: '^kubia-nodeport\\s' }), event, sim)).toBe(
      true,
    );
    expect(checkStep(step({ command: '^kubectl get svc', output: '^no-such-service' }), event, sim)).toBe(
      false,
    );
    expect(checkStep(step({ command: '^kubectl get pods' }), event, sim)).toBe(false);
    expect(checkStep(step({ command: '^kubectl get svc', exitCode: 1 }), event, sim)).toBe(false);
  });

  it('needs a command event for command checks', () => {
    const event: LessonEvent = { type: 'trace', trace: TRACE };
    expect(checkStep(step({ command: '.*' }), event, sim)).toBe(false);
  });

  it('a lesson pattern that backtracks exponentially in JavaScript checks a long output at once', () => {
    // A lesson may come from a link: its patterns are matched with RE2 (linear time), so these classic
    // ReDoS patterns cannot freeze the page on a 30,000-character command or output.
    const EVIL: [string, string, string][] = [
      ['(x|x)*y', 'x'.repeat(30000), 'xxy'],
      ['^(?:x|x)*$', `${'x'.repeat(30000)}!`, 'xx'],
      ['(\\s|\\s)*$', `${' '.repeat(30000)}!`, '  '],
      ['^(a|aa)+b$', 'a'.repeat(30000), 'aab'],
      ['^(\\d|\\d\\d)+$', `${'1'.repeat(30000)}x`, '12'],
    ];
    const event = (text: string): LessonEvent => ({
      type: 'command',
      command: text,
      output: text,
      exitCode: 0,
      traces: [],
      actions: [],
    });
    for (const [pattern, hostile, matching] of EVIL) {
      // `(\s|\s)*$` matches the empty end of any text, so it completes the step; the others match nothing.
      // These end at all only because patterns run on a linear-time engine (the suite's timeout bounds them).
      const onOutput = checkStep(step({ output: pattern }), event(hostile), sim);
      const onCommand = checkStep(step({ command: pattern }), event(hostile), sim);
      expect(onOutput, pattern).toBe(pattern === '(\\s|\\s)*$');
      expect(onCommand, pattern).toBe(pattern === '(\\s|\\s)*$');
      expect(checkStep(step({ output: pattern }), event(matching), sim), pattern).toBe(true);
    }
  });

  it('matches traces by from, service, outcome, endpoint and hops not taken', () => {
    expect(traceMatches({ from: 'client/*', service: 'default/kubia-nodeport', outcome: 'ok' }, TRACE)).toBe(
      true,
    );
    expect(traceMatches({ endpointPod: 'default/kubia-*', endpointNode: 'kind-worker2' }, TRACE)).toBe(true);
    expect(traceMatches({ outcome: 'timeout' }, TRACE)).toBe(false);
    expect(traceMatches({ service: 'default/kubia' }, TRACE)).toBe(false);
    expect(traceMatches({ notThrough: 'node/kind-worker' }, TRACE)).toBe(true);
    expect(traceMatches({ notThrough: 'node/kind-worker*' }, TRACE)).toBe(false);
    expect(
      traceMatches({ endpointPod: 'default/*' }, { ...TRACE, endpoint: undefined } as unknown as Trace),
    ).toBe(false);
  });

  it('looks at the traces a command made', () => {
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const { event } = command(`kubectl exec ${pod} -- curl -s http://kubia`);
    expect(
      checkStep(
        step({ trace: { from: `pod/default/${pod}`, service: 'default/kubia', outcome: 'ok' } }),
        event,
        sim,
      ),
    ).toBe(true);
    expect(checkStep(step({ trace: { from: 'client/laptop' } }), event, sim)).toBe(false);
    expect(checkStep(step({ trace: { outcome: 'ok' } }), command('kubectl get svc').event, sim)).toBe(false);
  });

  it('matches actions by type and fields, from a command or reported alone', () => {
    const down = command('kubeplay node down kind-worker');
    expect(down.event.type === 'command' && down.event.actions).toEqual([
      { type: 'node', name: 'kind-worker', up: false },
    ]);
    const check = step({ action: { type: 'node', name: 'kind-worker', up: false } });
    expect(checkStep(check, down.event, down.sim)).toBe(true);
    expect(
      checkStep(check, { type: 'action', action: { type: 'node', name: 'kind-worker', up: true } }, sim),
    ).toBe(false);
    expect(
      checkStep(check, { type: 'action', action: { type: 'node', name: 'kind-worker2', up: false } }, sim),
    ).toBe(false);
    expect(
      actionMatches(
        { type: 'hosts', hostnames: ['kubia.example.com'] },
        { type: 'hosts', client: 'laptop', ip: '1.2.3.4', hostnames: ['a', 'kubia.example.com'] },
      ),
    ).toBe(true);
    expect(
      actionMatches(
        { type: 'delete', kind: 'Pod', name: 'kubia-*' },
        { type: 'delete', kind: 'Pod', namespace: 'default', name: 'kubia-x1' },
      ),
    ).toBe(true);
    expect(
      actionMatches(
        { type: 'delete', kind: 'Service' },
        { type: 'delete', kind: 'Pod', namespace: 'default', name: 'kubia-x1' },
      ),
    ).toBe(false);
  });

  it('checks state on the simulation after the event', () => {
    const idle = command('echo hi').event;
    expect(checkStep(step({ state: [{ service: { name: 'kubia' } }] }), idle, sim)).toBe(true);
    expect(
      checkStep(step({ state: [{ service: { name: 'kubia', sessionAffinity: 'ClientIP' } }] }), idle, sim),
    ).toBe(false);
    expect(checkStep(step({ state: [{ service: { name: 'nope', exists: false } }] }), idle, sim)).toBe(true);
    expect(
      checkStep(step({ state: [{ service: { name: 'kubia-nodeport', type: 'NodePort' } }] }), idle, sim),
    ).toBe(true);
    expect(
      checkStep(step({ state: [{ pods: { selector: 'app=kubia', count: 3, ready: 3 } }] }), idle, sim),
    ).toBe(true);
    expect(checkStep(step({ state: [{ pods: { selector: 'app=kubia', min: 4 } }] }), idle, sim)).toBe(false);
    expect(
      checkStep(
        step({ state: [{ pods: { selector: 'kube-system/k8s-app=traefik-ingress-lb', count: 1 } }] }),
        idle,
        sim,
      ),
    ).toBe(true);
    expect(
      checkStep(step({ state: [{ endpoints: { name: 'kubia', ready: 3, notReady: 0 } }] }), idle, sim),
    ).toBe(true);
    expect(checkStep(step({ state: [{ node: { name: 'kind-worker', up: true } }] }), idle, sim)).toBe(true);
    expect(checkStep(step({ state: [{ ingress: { name: 'kubia', hasAddress: true } }] }), idle, sim)).toBe(
      true,
    );
    expect(
      checkStep(
        step({ state: [{ podEnv: { selector: 'app=kubia', name: 'KUBIA_SERVICE_HOST', present: false } }] }),
        idle,
        sim,
      ),
    ).toBe(true);
    const hosts = step({
      state: [{ hosts: { hostname: 'kubia.example.com', ip: '{ingressAddress:kubia}' } }],
    });
    expect(checkStep(hosts, idle, sim)).toBe(false);
    const address = sim.state.ingresses[0]?.status.loadBalancer.ingress[0]?.ip ?? '';
    const added = command(`echo "${address} kubia.example.com" >> /etc/hosts`);
    expect(checkStep(hosts, added.event, added.sim)).toBe(true);
    const wrongIp = command('echo "10.0.0.1 kubia.example.com" >> /etc/hosts');
    expect(checkStep(hosts, wrongIp.event, wrongIp.sim)).toBe(false);
  });

  it('sees an unready pod leave the endpoints', () => {
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const r = command(`kubeplay pod unready ${pod}`);
    expect(
      checkStep(step({ state: [{ endpoints: { name: 'kubia', ready: 2, notReady: 1 } }] }), r.event, r.sim),
    ).toBe(true);
  });
});

describe('advanceLesson', () => {
  const lesson: Lesson = {
    id: 'two-steps',
    title: { en: 'T', zh: 'T' },
    scenario: { id: 'kubia' },
    steps: [step({ command: '^kubectl get svc' }), step({ command: '^kubectl get pods' })],
  };

  it('moves one step per completing event and finishes after the last', () => {
    let p = startLesson(lesson);
    expect(p).toEqual({ lessonId: 'two-steps', step: 0, finished: false });
    const pods = command('kubectl get pods').event;
    expect(advanceLesson(p, pods, sim, lesson)).toBe(p); // not this step's command: unchanged, same object
    p = advanceLesson(p, command('kubectl get svc').event, sim, lesson);
    expect(p).toEqual({ lessonId: 'two-steps', step: 1, finished: false });
    p = advanceLesson(p, pods, sim, lesson);
    expect(p).toEqual({ lessonId: 'two-steps', step: 2, finished: true });
    expect(advanceLesson(p, pods, sim, lesson)).toBe(p);
  });

  it('ignores progress that belongs to another lesson', () => {
    const other = { lessonId: 'other', step: 0, finished: false };
    expect(advanceLesson(other, command('kubectl get svc').event, sim, lesson)).toBe(other);
  });
});
