/** `kubeplay run` over the real engine: the terminal's commands, scripted (docs/architecture.md#cli). */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './kubeplay.ts';
import { runCli } from './testing/memoryIo.ts';

const kubia = readFileSync(fileURLToPath(new URL('../scenarios/kubia.yaml', import.meta.url)), 'utf8');
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
`;
const files = { 'scenarios/kubia.yaml': kubia, 'web-svc.yaml': SERVICE, 'broken.yaml': 'kind: [' };
const run = (argv: string[]) => runCli(main, argv, { files });

describe('kubeplay run', () => {
  it('prints a transcript: each prompt and command, then what the terminal shows', async () => {
    const r = await run(['run', 'scenarios/kubia.yaml', '--', 'kubectl get svc kubia', 'hostname']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('student@laptop:~$ kubectl get svc kubia');
    expect(lines[1]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
    expect(lines[2]).toMatch(/^kubia\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP,443\/TCP\s+\d+s$/);
    expect(lines[3]).toBe('student@laptop:~$ hostname');
  });

  it('--json: one {command, exitCode, output, traces} a line; a curl carries its trace to the pod that answered', async () => {
    const r = await run(['run', 'scenarios/kubia.yaml', '--json', '--', 'kubectl get pods -o name']);
    const pod = JSON.parse(r.stdout.trim()).output.split('\n')[0].replace('pod/', '');
    const r2 = await run([
      'run',
      'scenarios/kubia.yaml',
      '--json',
      '--',
      `kubectl exec ${pod} -- curl -s http://kubia`,
      'ping -c 2 kubia',
    ]);
    const [curl, ping] = r2.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(curl)).toEqual(['command', 'exitCode', 'output', 'traces']);
    expect(curl.exitCode).toBe(0);
    const answered = /You've hit (kubia-\w+)/.exec(curl.output)?.[1];
    expect(answered).toBeDefined();
    expect(curl.traces.at(-1).endpoint.pod).toBe(`default/${answered}`);
    expect(ping.exitCode).not.toBe(0); // the laptop cannot resolve a Service name
  });

  it('the FILEs can be applied by name, and the state carries from one command to the next', async () => {
    const r = await run(['run', 'scenarios/kubia.yaml', 'web-svc.yaml', '--', 'kubectl get svc web -o name']);
    expect(r.stdout).toContain('service/web');
    const r2 = await run([
      'run',
      'scenarios/kubia.yaml',
      '--',
      'kubectl delete svc kubia',
      'kubectl get svc kubia',
    ]);
    expect(r2.stdout).toContain('service "kubia" deleted');
    expect(r2.stdout).toContain('Error from server (NotFound): services "kubia" not found');
    expect(r2.code).toBe(1);
  });

  it('manifests with errors: the diagnostics on stderr, the commands run on what was applied', async () => {
    const r = await run(['run', 'broken.yaml', '--', 'kubectl get pods']);
    expect(r.stderr).toMatch(/^broken\.yaml:1:\d+ error /);
    expect(r.stdout).toContain('student@laptop:~$ kubectl get pods\n');
  });

  it('applies every valid document around a rejected one, as kubectl apply does', async () => {
    const bad = SERVICE.replace('name: web', 'name: bad')
      .replace('  - port: 80\n', '  - port: 80\n    nodePort: 29999\n')
      .replace('spec:\n', 'spec:\n  type: NodePort\n');
    const three = [SERVICE.replace('web', 'one'), bad, SERVICE.replace('web', 'three')].join('---\n');
    const r = await runCli(main, ['run', 'three.yaml', '--', 'kubectl get svc -o name'], {
      files: { 'three.yaml': three },
    });
    expect(r.stderr).toMatch(/^three\.yaml:\d+:\d+ error spec\.ports\[0\]\.nodePort: Invalid value: 29999/);
    expect(r.stdout).toContain('service/one\n');
    expect(r.stdout).toContain('service/three\n');
    expect(r.stdout).not.toContain('service/bad');
    expect(r.code).toBe(0);
  });

  it('check still exits 1 on the same input', async () => {
    const r = await run(['check', 'broken.yaml']);
    expect(r.code).toBe(1);
  });
});
