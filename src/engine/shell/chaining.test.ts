import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runScript } from './runScript.ts';
import { BACKGROUND_REFUSED } from './parseLine.ts';

const sim = createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }] });
const run = (line: string) => {
  const [r] = runScript(sim, [line]);
  return { output: r?.output, exitCode: r?.exitCode };
};

// bash(1), "Lists": `;` runs commands in turn, `&&` runs the next only when the last succeeded, `||` only
// when it failed; && and || have equal precedence and group left to right; the exit status is the last
// command's that ran. https://www.gnu.org/software/bash/manual/bash.html#Lists
describe('command lists: ; && ||', () => {
  it('`a; b` runs both, whatever a did, and answers with b', () => {
    expect(run('false; echo b')).toEqual({ output: 'b\n', exitCode: 0 });
    expect(run('echo a; false')).toEqual({ output: 'a\n', exitCode: 1 });
    expect(run('echo a;')).toEqual({ output: 'a\n', exitCode: 0 });
  });

  it('`a && b` runs b only when a succeeded', () => {
    expect(run('true && echo b')).toEqual({ output: 'b\n', exitCode: 0 });
    expect(run('false && echo b')).toEqual({ output: '', exitCode: 1 });
  });

  it('`a || b` runs b only when a failed', () => {
    expect(run('true || echo b')).toEqual({ output: '', exitCode: 0 });
    expect(run('false || echo b')).toEqual({ output: 'b\n', exitCode: 0 });
    expect(run('kubectl get nope || echo missing')).toEqual({
      output: 'error: the server doesn\'t have a resource type "nope"\nmissing\n',
      exitCode: 0,
    });
  });

  it('groups left to right, and a pipeline counts by its last command', () => {
    expect(run('false && echo x || echo y')).toEqual({ output: 'y\n', exitCode: 0 });
    expect(run('true || echo x && echo y')).toEqual({ output: 'y\n', exitCode: 0 });
    expect(run('echo a | grep b || echo none')).toEqual({ output: 'none\n', exitCode: 0 });
  });

  it('a change made by the first command is seen by the next', () => {
    expect(run('kubectl scale rc kubia --replicas=1 && kubectl get rc kubia --no-headers').output).toMatch(
      /^replicationcontroller\/kubia scaled\nkubia +1 +1 +1 +\d+s\n$/,
    );
  });

  it('keeps separators inside quotes or escaped as text', () => {
    expect(run(`echo "a;b" && echo 'c&&d' && echo e\\;f`)).toEqual({
      output: 'a;b\nc&&d\ne;f\n',
      exitCode: 0,
    });
  });

  it('answers a misplaced separator as bash does', () => {
    const syntax = (token: string) => ({
      output: `bash: syntax error near unexpected token \`${token}'\n`,
      exitCode: 2,
    });
    expect(run('&& echo a')).toEqual(syntax('&&'));
    expect(run('; echo a')).toEqual(syntax(';'));
    expect(run('echo a &&')).toEqual(syntax('newline'));
    expect(run('echo a || || echo b')).toEqual(syntax('||'));
    expect(run('echo a ;; echo b')).toEqual(syntax(';;'));
  });

  it('refuses `&` (background) in words instead of echoing it', () => {
    expect(run('echo a & echo b')).toEqual({ output: `${BACKGROUND_REFUSED}\n`, exitCode: 2 });
    expect(run('echo hi >&2').exitCode).toBe(0);
  });
});
