/** `kubeplay run … -- 'kubectl explain …'`: the terminal's explain, scripted, reads the bundled 1.33 schema. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './kubeplay.ts';
import { runCli } from './testing/memoryIo.ts';

const kubia = readFileSync(fileURLToPath(new URL('../scenarios/kubia.yaml', import.meta.url)), 'utf8');

describe('kubeplay run kubectl explain', () => {
  it('prints the field, its enum and its description', async () => {
    const r = await runCli(
      main,
      ['run', 'kubia.yaml', '--', 'kubectl explain service.spec.sessionAffinity'],
      {
        files: { 'kubia.yaml': kubia },
      },
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'student@laptop:~$ kubectl explain service.spec.sessionAffinity',
      'KIND:       Service',
      'VERSION:    v1',
      '',
      'FIELD: sessionAffinity <string>',
      'ENUM:',
      '    ClientIP',
      '    None',
      '',
    ]);
    expect(r.stdout).toContain(
      '    Supports "ClientIP" and "None". Used to maintain session affinity. Enable\n',
    );
  });

  it('says which field does not exist, with exit code 1', async () => {
    const r = await runCli(main, ['run', 'kubia.yaml', '--json', '--', 'kubectl explain svc.spec.foo'], {
      files: { 'kubia.yaml': kubia },
    });
    const line = JSON.parse(r.stdout.trim());
    expect(line.exitCode).toBe(1);
    expect(line.output).toBe('error: field "foo" does not exist\n');
  });
});
