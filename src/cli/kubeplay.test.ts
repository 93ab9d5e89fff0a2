/**
 * The CLI's plumbing and output contract, over a stand-in engine (the real engine's behaviour is
 * tested in src/engine and, through the CLI, in kubeplay.engine.test.ts). The stand-in turns
 * `# error: …` / `# warning: …` lines into diagnostics and answers requests from three pods in turn.
 */
import { describe, it, expect, vi } from 'vitest';
import type { ClusterState, Diagnostic, RequestSpec, SourceFile, Trace } from '../engine/index.ts';
import type * as EngineModule from '../engine/index.ts';
import { main } from './kubeplay.ts';
import { runCli } from './testing/memoryIo.ts';

const routed: RequestSpec[] = [];

// printedTrace is the real one: it is how every command prints a Trace, not engine behaviour.
vi.mock('../engine/index.ts', async (importOriginal) => ({
  printedTrace: (await importOriginal<typeof EngineModule>()).printedTrace,
  createSimulation({ files }: { files: SourceFile[] }) {
    const diagnostics: Diagnostic[] = [];
    for (const f of files) {
      f.text.split('\n').forEach((line, i) => {
        const m = /^# (error|warning): (\S*) (.*)$/.exec(line);
        if (m) {
          const severity = m[1] as 'error' | 'warning';
          diagnostics.push({
            file: f.file,
            line: i + 1,
            column: 3,
            severity,
            path: m[2] ?? '',
            message: m[3] ?? '',
            code: 'x',
          });
        }
      });
    }
    const state = {
      rng: 0,
      nodes: [{ name: 'kind-worker' }],
      pods: [{ metadata: { namespace: 'default', name: 'client' } }],
    } as unknown as ClusterState;
    return { state, diagnostics, manifests: [], actions: [] };
  },
  routeRequest(state: ClusterState, request: RequestSpec) {
    routed.push(request);
    const n = state.rng % 3;
    const trace: Trace = {
      from: request.from,
      request: { method: request.method ?? 'GET', url: request.url, host: 'kubia', clientIp: '10.244.1.2' },
      outcome: n === 2 ? 'refused' : 'ok',
      ...(n === 2
        ? {}
        : { endpoint: { pod: `default/kubia-${n}`, node: 'kind-worker', ip: `10.244.1.${n}`, port: 8080 } }),
      ports: [],
      path: [],
    };
    return { trace, state: { ...state, rng: state.rng + 1 } };
  },
}));

const FILES = {
  'ok.yaml': 'kind: Pod\n',
  'warn.yaml': 'kind: Pod\n# warning: spec.x something odd\n',
  'bad.yaml':
    'kind: Service\n\n# error: spec.ports[0].port Invalid value: 0: must be between 1 and 65535, inclusive\n',
  'whole.yaml': '# error:  not a Kubernetes object\n',
};
const run = (argv: string[], stdin?: string) =>
  runCli(main, argv, { files: FILES, ...(stdin === undefined ? {} : { stdin }) });

describe('kubeplay check', () => {
  it('prints one diagnostic a line as file:line:col severity path: message and exits 1 on an error', async () => {
    const r = await run(['check', 'warn.yaml', 'bad.yaml']);
    expect(r.stdout).toBe(
      'warn.yaml:2:3 warning spec.x: something odd\n' +
        'bad.yaml:3:3 error spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    );
    expect(r.code).toBe(1);
  });

  it('exits 0 when there are only warnings, and prints nothing for a clean file', async () => {
    expect((await run(['check', 'warn.yaml'])).code).toBe(0);
    expect(await run(['check', 'ok.yaml'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('keeps the "path: " even when the path is empty, so one pattern parses every line', async () => {
    expect((await run(['check', 'whole.yaml'])).stdout).toBe(
      'whole.yaml:1:3 error : not a Kubernetes object\n',
    );
  });

  it('--json prints an array of {file,line,column,severity,path,message}, [] when clean', async () => {
    const r = await run(['check', '--json', 'bad.yaml']);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'bad.yaml',
        line: 3,
        column: 3,
        severity: 'error',
        path: 'spec.ports[0].port',
        message: 'Invalid value: 0: must be between 1 and 65535, inclusive',
      },
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse((await run(['check', '--json', 'ok.yaml'])).stdout)).toEqual([]);
  });

  it('reads - from standard input and names it "-"', async () => {
    const r = await run(['check', 'ok.yaml', '-'], '# error: metadata.name Required value\n');
    expect(r.stdout).toBe('-:1:3 error metadata.name: Required value\n');
  });

  it('reports a missing file as a usage error, not a stack trace', async () => {
    const r = await run(['check', 'nope.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'kubeplay: cannot read nope.yaml: no such file\n' });
  });
});

describe('kubeplay trace', () => {
  const base = ['ok.yaml', '--from', 'client/laptop', '--url', 'http://kubia'];

  it('prints one Trace as JSON', async () => {
    const r = await run(['trace', ...base]);
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout) as Trace;
    expect(trace).toMatchObject({
      from: 'client/laptop',
      outcome: 'ok',
      endpoint: { pod: 'default/kubia-0' },
    });
  });

  it('with --count prints one Trace a line, carrying the state from one request to the next', async () => {
    const r = await run(['trace', ...base, '--count', '4']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => (JSON.parse(l) as Trace).endpoint?.pod ?? '-')).toEqual([
      'default/kubia-0',
      'default/kubia-1',
      '-',
      'default/kubia-0',
    ]);
  });

  it('passes headers, --resolve, --client-ip and the method through to the engine', async () => {
    routed.length = 0;
    await run([
      'trace',
      ...base,
      '-H',
      'Host: kubia.example.com',
      '--resolve',
      'a:80:1.2.3.4',
      '--client-ip',
      '9.9.9.9',
    ]);
    expect(routed).toEqual([
      {
        from: 'client/laptop',
        url: 'http://kubia',
        headers: { Host: 'kubia.example.com' },
        resolve: [{ host: 'a', port: 80, address: '1.2.3.4' }],
        clientIp: '9.9.9.9',
      },
    ]);
  });

  it('prints only the errors to stderr and still traces the request over the valid objects', async () => {
    const r = await run([
      'trace',
      'warn.yaml',
      'bad.yaml',
      '--from',
      'client/laptop',
      '--url',
      'http://kubia',
    ]);
    expect(r.stderr).toMatch(/^bad\.yaml:3:3 error spec\.ports\[0\]\.port: Invalid value/);
    expect(r.stderr).toMatch(/were not applied; the rest of the scenario was/);
    expect(r.stderr).not.toMatch(/warning/);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: 'client/laptop', outcome: 'ok' });
  });

  it.each([
    [
      'pod/default/ghost',
      /unknown --from target pod\/default\/ghost: no pod "ghost" in namespace "default"; pods there: client/,
    ],
    ['pod/other/client', /no pod "client" in namespace "other"; pods there: there are none/],
    ['node/kind-worker9', /no node "kind-worker9"; nodes: kind-worker/],
  ])('--from %s that does not exist: a clear message and exit 2', async (from, message) => {
    const r = await run(['trace', 'ok.yaml', '--from', from, '--url', 'http://kubia']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('accepts an existing pod, node, and any client name', async () => {
    for (const from of ['pod/default/client', 'node/kind-worker', 'client/phone']) {
      expect((await run(['trace', 'ok.yaml', '--from', from, '--url', 'http://kubia'])).code).toBe(0);
    }
  });
});

describe('kubeplay load', () => {
  it('prints {requests, outcomes, byEndpoint, seconds} with every outcome and sorted endpoints', async () => {
    const r = await run([
      'load',
      'ok.yaml',
      '--from',
      'client/laptop',
      '--url',
      'http://kubia',
      '--requests',
      '7',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['requests', 'outcomes', 'byEndpoint', 'seconds']);
    expect(summary).toMatchObject({
      requests: 7,
      outcomes: { ok: 5, refused: 2, timeout: 0, unresolved: 0, 'http-error': 0 },
      byEndpoint: { 'default/kubia-0': 3, 'default/kubia-1': 2 },
    });
    expect(typeof summary.seconds).toBe('number');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('kubeplay usage', () => {
  it('--help prints the usage with every command and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['check', 'trace', 'load', 'run', '--from', '--resolve', '--count', '--requests']) {
      expect(r.stdout).toContain(word);
    }
  });

  it('bad arguments: a usage message on stderr and exit 2', async () => {
    const r = await run(['trace', 'ok.yaml', '--url', 'http://kubia']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kubeplay: --from is required.*\nUsage:/s);
    expect((await run([])).code).toBe(2);
  });
});
