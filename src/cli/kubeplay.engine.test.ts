/** The CLI over the real engine and the bundled scenarios, as a grading script would use it. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '../engine/index.ts';
import type { Trace } from '../engine/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { main } from './kubeplay.ts';
import { runCli } from './testing/memoryIo.ts';

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const files: Record<string, string> = Object.fromEntries(
  SCENARIOS.map((s) => [s.file, readFileSync(dir + s.file, 'utf8')]),
);
const BAD_NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: kubia-nodeport
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 29999
  selector:
    app: kubia
`;
files['bad.yaml'] = BAD_NODEPORT;
const run = (argv: string[], stdin?: string) =>
  runCli(main, argv, { files, ...(stdin === undefined ? {} : { stdin }) });

const kubia = createSimulation({
  files: [{ file: 'kubia.yaml', text: files['kubia.yaml'] ?? '' }],
  seed: 1,
}).state;
const kubiaPods = kubia.pods
  .filter((p) => p.metadata.labels.app === 'kubia')
  .map((p) => `default/${p.metadata.name}`);

describe('kubeplay over the bundled scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.file]))('check %s: no errors, exit 0', async (file) => {
    const r = await run(['check', file]);
    expect(r.stdout.split('\n').filter((l) => / error /.test(l))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("check warns that the book's extensions/v1beta1 Ingress was converted", async () => {
    const r = await run(['check', '--json', 'ingress-v1beta1.yaml']);
    const diagnostics = JSON.parse(r.stdout) as { severity: string; message: string; line: number }[];
    expect(diagnostics.some((d) => d.severity === 'warning' && /extensions\/v1beta1/.test(d.message))).toBe(
      true,
    );
    expect(r.code).toBe(0);
  });

  it("check locates the API server's error on the offending line", async () => {
    const r = await run(['check', 'bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'bad.yaml:9:17 error spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. ' +
        'The range of valid ports is 30000-32767',
    );
  });

  it('check reads several files as one cluster: a node port taken in the first is refused in the second', async () => {
    files['again.yaml'] = `apiVersion: v1
kind: Service
metadata:
  name: another-nodeport
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 30123
  selector:
    app: kubia
`;
    const r = await run(['check', 'kubia.yaml', 'again.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^again\.yaml:9:\d+ error spec\.ports\[0\]\.nodePort: Invalid value: 30123: provided port is already allocated$/m,
    );
    expect(r.stdout).not.toMatch(/^kubia\.yaml:\d+:\d+ error/m);
  });

  it('trace on a file with errors prints them to stderr and traces over what was applied', async () => {
    const r = await run([
      'trace',
      'bad.yaml',
      '--from',
      'client/laptop',
      '--url',
      'http://172.18.0.2:30123/',
    ]);
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+ error spec\.ports\[0\]\.nodePort/);
    // the rejected Service was not created, so nothing listens on its node port
    expect(JSON.parse(r.stdout).outcome).not.toBe('ok');
  });

  it('trace from the laptop to node port 30123 lands on a kubia pod', async () => {
    const ip = kubia.nodes[0]?.ip ?? '';
    const r = await run([
      'trace',
      'kubia.yaml',
      '--seed',
      '1',
      '--from',
      'client/laptop',
      '--url',
      `http://${ip}:30123/`,
    ]);
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout) as Trace;
    expect(trace.outcome).toBe('ok');
    expect(kubiaPods).toContain(trace.endpoint?.pod);
    expect(trace.from).toBe('client/laptop');
  });

  it('trace of a failing request carries the explanation, blaming a located YAML field', async () => {
    const r = await run(['trace', 'kubia.yaml', '--from', 'client/laptop', '--url', 'http://kubia']);
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout) as Trace;
    expect(trace.outcome).toBe('unresolved');
    expect(trace.explanation).toMatchObject({
      kind: 'name-outside-cluster',
      blame: { object: 'svc/default/kubia', path: 'spec.type', location: { file: 'kubia.yaml' } },
    });
    expect(trace.explanation?.summary).toContain('laptop is outside the cluster');
  });

  it('trace of a request that works carries no explanation', async () => {
    const ip = kubia.nodes[0]?.ip ?? '';
    const r = await run(['trace', 'kubia.yaml', '--from', 'client/laptop', '--url', `http://${ip}:30123/`]);
    expect((JSON.parse(r.stdout) as Trace).explanation).toBeUndefined();
  });

  it('trace --count prints one Trace a line, the same lines for the same seed, read from stdin too', async () => {
    const from = `pod/${kubiaPods[0]}`;
    const args = ['--seed', '1', '--from', from, '--url', 'http://kubia', '--count', '12'];
    const a = await run(['trace', 'kubia.yaml', ...args]);
    const b = await run(['trace', '-', ...args], files['kubia.yaml']);
    expect(a.code).toBe(0);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    const pods = lines.map((l) => (JSON.parse(l) as Trace).endpoint?.pod);
    expect(new Set(pods).size).toBeGreaterThan(1);
    // Same inputs and seed: the same traces (the file name differs only in diagnostics, of which there are none).
    expect(b.stdout).toBe(a.stdout);
  });

  it('load sums to the requests and spreads them over the three kubia pods', async () => {
    const r = await run([
      'load',
      'kubia.yaml',
      '--from',
      `pod/${kubiaPods[0]}`,
      '--url',
      'http://kubia',
      '--requests',
      '300',
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as {
      requests: number;
      outcomes: Record<string, number>;
      byEndpoint: Record<string, number>;
    };
    expect(s.requests).toBe(300);
    expect(s.outcomes.ok).toBe(300);
    expect(Object.keys(s.byEndpoint).sort()).toEqual([...kubiaPods].sort());
    expect(Object.values(s.byEndpoint).reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('load through a ClientIP-affinity Service lands every request on one pod', async () => {
    const r = await run([
      'load',
      'clusterip.yaml',
      '--from',
      'pod/default/client',
      '--url',
      'http://kubia',
      '--requests',
      '100',
    ]);
    const s = JSON.parse(r.stdout) as {
      outcomes: Record<string, number>;
      byEndpoint: Record<string, number>;
    };
    expect(s.outcomes.ok).toBe(100);
    expect(Object.values(s.byEndpoint)).toEqual([100]);
  });

  it('several files are read in order as one: a kind config file switches kube-proxy to IPVS', async () => {
    files['ipvs.yaml'] =
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: ipvs\n';
    const r = await run([
      'trace',
      'ipvs.yaml',
      'clusterip.yaml',
      '--from',
      'pod/default/client',
      '--url',
      'http://kubia-random',
      '--count',
      '6',
    ]);
    expect(r.code).toBe(0);
    const pods = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as Trace).endpoint?.pod);
    expect(pods.slice(3)).toEqual(pods.slice(0, 3));
    expect(new Set(pods).size).toBe(3);
  });

  it('--from client/NAME creates another outside client, with its own address', async () => {
    const ip = kubia.nodes[1]?.ip ?? '';
    const r = await run(['trace', 'kubia.yaml', '--from', 'client/phone', '--url', `http://${ip}:30123/`]);
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout) as Trace;
    expect(trace).toMatchObject({ from: 'client/phone', outcome: 'ok' });
    expect(trace.request.clientIp).not.toBe('');
  });

  it('an unknown --from pod is a clear usage error (exit 2)', async () => {
    const r = await run(['trace', 'kubia.yaml', '--from', 'pod/default/kubia-nope', '--url', 'http://kubia']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /unknown --from target pod\/default\/kubia-nope: no pod "kubia-nope" in namespace "default"; pods there: kubia-/,
    );
  });
});
