import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runScript } from './runScript.ts';
import { parseLine } from './parseLine.ts';

const sim = createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }] });
/** Runs the lines in one session and answers with the last line's output and status. */
const run = (...lines: string[]) => {
  const steps = runScript(sim, lines);
  const last = steps[steps.length - 1];
  return { output: last?.output, exitCode: last?.exitCode };
};

// bash(1), "REDIRECTION": redirections are processed left to right; `[n]>&word` duplicates a descriptor,
// `[n]>&-` closes it. https://www.gnu.org/software/bash/manual/bash.html#Redirections
describe('descriptor duplication', () => {
  it('`>&2` and `1>&2` write to standard error, not to a file named `&2`', () => {
    expect(run('echo hi >&2')).toEqual({ output: 'hi\n', exitCode: 0 });
    expect(run('echo hi 1>&2')).toEqual({ output: 'hi\n', exitCode: 0 });
    expect(run('echo hi >&2', 'ls')).toEqual({ output: '', exitCode: 0 });
    expect(run('echo hi 1>&2', 'cat "&2"')).toEqual({
      output: 'cat: &2: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('`>&2` in a pipeline bypasses the pipe; `2>&1` joins it', () => {
    expect(run('echo hi >&2 | grep -c hi')).toEqual({ output: 'hi\n0\n', exitCode: 1 });
    expect(run('kubectl get nope 2>&1 | grep -c server')).toEqual({ output: '1\n', exitCode: 0 });
    expect(run('kubectl get nope | grep -c server')).toEqual({
      output: 'error: the server doesn\'t have a resource type "nope"\n0\n',
      exitCode: 1,
    });
  });

  it('`>f 2>&1` sends both streams to f; `2>&1 >f` sends errors to the terminal', () => {
    expect(run('kubectl get nope >out.txt 2>&1', 'cat out.txt')).toEqual({
      output: 'error: the server doesn\'t have a resource type "nope"\n',
      exitCode: 0,
    });
    expect(run('kubectl get nope >out.txt 2>&1')).toEqual({ output: '', exitCode: 1 });
    expect(run('kubectl get nope 2>&1 >out.txt')).toEqual({
      output: 'error: the server doesn\'t have a resource type "nope"\n',
      exitCode: 1,
    });
    expect(run('echo old > out.txt', 'kubectl get nope 2>&1 >out.txt', 'cat out.txt')).toEqual({
      output: '',
      exitCode: 0,
    });
  });

  it('`2>/dev/null` drops errors and `&>`, `>&FILE`, `&>>` take both streams', () => {
    expect(run('kubectl get nope 2>/dev/null')).toEqual({ output: '', exitCode: 1 });
    expect(run('kubectl get nope &>all.txt', 'cat all.txt').output).toMatch(/resource type "nope"/);
    expect(run('kubectl get nope >&all.txt', 'cat all.txt').output).toMatch(/resource type "nope"/);
    expect(run('echo a > f', 'echo b &>> f', 'cat f')).toEqual({ output: 'a\nb\n', exitCode: 0 });
  });

  it('`2>&-` closes standard error, `>&1` and `2>&2` change nothing', () => {
    expect(run('kubectl get nope 2>&-')).toEqual({ output: '', exitCode: 1 });
    expect(run('echo a >&1')).toEqual({ output: 'a\n', exitCode: 0 });
    expect(run('echo a 2>&2')).toEqual({ output: 'a\n', exitCode: 0 });
  });

  it('answers a descriptor that is not open, or a word that is not one, as bash does, without running the command', () => {
    expect(run('echo hi >&5')).toEqual({ output: 'bash: 5: Bad file descriptor\n', exitCode: 1 });
    expect(
      run('kubectl scale rc kubia --replicas=1 2>&7', 'kubectl get rc kubia --no-headers').output,
    ).toMatch(/^kubia +3 +3 +3 /);
    expect(run('echo hi 2>&oops')).toEqual({ output: 'bash: oops: ambiguous redirect\n', exitCode: 1 });
    expect(run('echo hi 3>three.txt >&3', 'cat three.txt')).toEqual({ output: 'hi\n', exitCode: 0 });
  });

  it('refuses a file it may not write before running the command', () => {
    expect(run('echo x > /etc/passwd')).toEqual({
      output: 'bash: /etc/passwd: Permission denied\n',
      exitCode: 1,
    });
    expect(
      run('kubectl scale rc kubia --replicas=1 > /usr/out', 'kubectl get rc kubia --no-headers').output,
    ).toMatch(/^kubia +3 +3 +3 /);
    expect(run('echo x > ""')).toEqual({ output: 'bash: : No such file or directory\n', exitCode: 1 });
    // `>&WORD` with no number before it sends both streams to the file WORD, here in a directory that
    // does not exist (fuzz seed 7, #1108)
    expect(run('curl http://2>&1:8080/kubia')).toEqual({
      output: 'bash: 1:8080/kubia: No such file or directory\n',
      exitCode: 1,
    });
    expect(run('echo x > ./here.txt', 'cat ./here.txt')).toEqual({ output: 'x\n', exitCode: 0 });
  });

  it('reads `<&0` and `0<file` as input redirections', () => {
    expect(run('echo a > in.txt', 'wc -l 0<in.txt')).toEqual({ output: '1\n', exitCode: 0 });
    expect(run('echo a | wc -l <&0')).toEqual({ output: '1\n', exitCode: 0 });
    expect(run('echo a | wc -l <&-')).toEqual({ output: '0\n', exitCode: 0 });
  });
});

describe('parseLine: redirection words', () => {
  const redirects = (line: string) => {
    const r = parseLine(line);
    if (!r.ok) throw new Error(r.error);
    return r.pipelines[0]?.commands[0];
  };

  it('reads a number right before `>` or `<` as the descriptor, and only an unquoted one', () => {
    expect(redirects('echo a 2>&1 1>&2 12>x 0<y')).toEqual({
      argv: ['echo', 'a'],
      redirects: [
        { fd: 2, op: '>&', target: '1' },
        { fd: 1, op: '>&', target: '2' },
        { fd: 12, op: '>', target: 'x' },
        { fd: 0, op: '<', target: 'y' },
      ],
    });
    expect(redirects('echo a2>x "2">y \\2>z')).toEqual({
      argv: ['echo', 'a2', '2', '2'],
      redirects: [
        { op: '>', target: 'x' },
        { op: '>', target: 'y' },
        { op: '>', target: 'z' },
      ],
    });
    expect(redirects('echo a >& 2 &>f &>>g >|h 2>>i')).toEqual({
      argv: ['echo', 'a'],
      redirects: [
        { op: '>&', target: '2' },
        { op: '&>', target: 'f' },
        { op: '&>>', target: 'g' },
        { op: '>|', target: 'h' },
        { fd: 2, op: '>>', target: 'i' },
      ],
    });
  });

  it('answers a redirection without a word as a syntax error', () => {
    expect(parseLine('echo a >&')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `newline'",
    });
    expect(parseLine('echo a 2> | cat')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `|'",
    });
    expect(parseLine('echo a > >b')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `>'",
    });
  });
});
