/** One real run of the installed entry point (bin/kubeplay.mjs: the prepared bundle, or tsx when it is stale), as a script would call it. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function kubeplay(args: string[], input?: string) {
  return spawnSync(process.execPath, ['bin/kubeplay.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
}

describe('bin/kubeplay.mjs', () => {
  it('prints the help and exits 0; a bad option gives usage on stderr and exit 2', () => {
    const help = kubeplay(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/kubeplay check FILE/);
    const bad = kubeplay(['check', '--bogus', 'x.yaml']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^kubeplay: unknown option --bogus/);
  });

  it('checks a bundled scenario and traces a request read from standard input', () => {
    const check = kubeplay(['check', 'src/scenarios/kubia.yaml']);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const yaml = readFileSync(`${root}src/scenarios/nodeport.yaml`, 'utf8');
    const trace = kubeplay(
      ['trace', '-', '--from', 'client/laptop', '--url', 'http://172.18.0.3:30123/'],
      yaml,
    );
    expect(trace.status).toBe(0);
    expect(JSON.parse(trace.stdout)).toMatchObject({ from: 'client/laptop', outcome: 'ok' });
  });
});
