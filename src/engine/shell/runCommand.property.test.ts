/**
 * Whatever is typed, the interpreter answers like a shell: no exception escapes and no command hits an
 * internal error (runCommand would report one as `kubeplay: internal error`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runCommand } from './runCommand.ts';
import { completeCommand } from './completeCommand.ts';
import { createShellSession } from './session.ts';

const sim = createSimulation({
  files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
  seed: 1,
});
const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? 'kubia';

const WORDS = [
  'kubectl',
  'get',
  'describe',
  'exec',
  'delete',
  'scale',
  'label',
  'annotate',
  'expose',
  'apply',
  'create',
  'run',
  'logs',
  'pods',
  'po',
  'svc',
  'ep',
  'ing',
  'rc',
  'rs',
  'deploy',
  'ds',
  'ns',
  'no',
  'ev',
  'all',
  'endpointslices',
  'svc,ep',
  'pod/x',
  'kubia',
  'kubia-nodeport',
  pod,
  'kind-worker',
  'kube-system',
  '-n',
  '-A',
  '-o',
  'wide',
  'yaml',
  'json',
  'name',
  'jsonpath={.items[*].metadata.name}',
  'custom-columns=N:.metadata.name',
  '-l',
  'app=kubia',
  '--show-labels',
  '-it',
  '--',
  '-c',
  '--port=80',
  '--target-port=8080',
  '--type=NodePort',
  '--replicas=2',
  '--image=busybox',
  '--rm',
  'app-',
  'x=y',
  '--overwrite',
  '-f',
  '-',
  'kubia.yaml',
  'curl',
  'wget',
  '-qO-',
  '-s',
  '-v',
  '-I',
  '-H',
  'Host: kubia.example.com',
  'http://kubia',
  'http://10.96.0.1',
  'http://kubia.example.com',
  'nslookup',
  'dig',
  '+short',
  'ping',
  '-c',
  '2',
  'env',
  'printenv',
  'hostname',
  'cat',
  '/etc/hosts',
  '/etc/resolv.conf',
  'touch',
  '/var/ready',
  'rm',
  'ls',
  'echo',
  '"a b"',
  "'c'",
  '$HOME',
  '|',
  'grep',
  'head',
  '>>',
  '>',
  '&&',
  '||',
  ';',
  'sudo',
  'tee',
  '-a',
  'exit',
  'clear',
  'kubeplay',
  'node',
  'down',
  'up',
  'pod',
  'unready',
  'ready',
  'client',
  'add',
  'wait',
  '5',
  'bash',
  'sh',
  '-c',
  'foo',
];

const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

describe('runCommand on anything', () => {
  it('never throws and never reports an internal error', () => {
    fc.assert(
      fc.property(line, fc.boolean(), (text, inside) => {
        const session = inside
          ? {
              ...createShellSession(),
              location: { kind: 'pod' as const, namespace: 'default', pod, container: 'kubia' },
            }
          : createShellSession({ files: { 'kubia.yaml': SCENARIO_TEXTS['kubia'] ?? '' } });
        const r = runCommand(sim, session, text);
        expect(typeof r.output).toBe('string');
        expect(r.output).not.toContain('internal error');
        expect(Number.isInteger(r.exitCode)).toBe(true);
        const c = completeCommand(sim, session, text, text.length);
        expect(Array.isArray(c.candidates)).toBe(true);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('never throws on arbitrary text either', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = runCommand(sim, createShellSession(), text);
        expect(r.output).not.toContain('internal error');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
