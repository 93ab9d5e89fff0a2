// @vitest-environment jsdom
/**
 * The controller against a real xterm.js screen (no DOM renderer needed: the buffer is what a person
 * would see) and a fake shell backend, so every assertion is about what the terminal shows.
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from '@xterm/xterm';
import type { Completion, ShellSession } from '../../engine/index.ts';
import type { CommandReply } from '../../worker/engineApi.ts';
import { HISTORY_KEY } from './commandHistory.ts';
import { createTerminalController } from './terminalController.ts';
import type { ShellBackend } from './terminalController.ts';

const LAPTOP: ShellSession = {
  location: { kind: 'client', client: 'laptop' },
  previous: [],
  namespace: 'default',
  files: {},
};
const IN_POD: ShellSession = {
  ...LAPTOP,
  location: { kind: 'pod', namespace: 'default', pod: 'kubia-65mtj', container: 'kubia' },
  previous: [LAPTOP.location],
};

function promptOf(session: ShellSession): string {
  return session.location.kind === 'pod' ? `root@${session.location.pod}:/# ` : 'student@laptop:~$ ';
}

/** A tiny shell: echo, exec -it into a pod, exit, clear; completion from a fixed word list. */
function fakeBackend(words: string[] = []) {
  const ran: string[] = [];
  const backend: ShellBackend = {
    async runCommand(line, given) {
      const session = given ?? LAPTOP;
      if (line !== '') ran.push(line);
      let next = session;
      let output = '';
      if (line.startsWith('echo ')) output = `${line.slice(5)}\n`;
      else if (line.includes('exec -it')) next = IN_POD;
      else if (line === 'exit') {
        next = LAPTOP;
        output = 'exit\n';
      } else if (line === 'lines') output = 'one\ntwo\n';
      else if (line !== '' && line !== 'clear') output = `bash: ${line.split(' ')[0]}: command not found\n`;
      const reply: CommandReply = {
        output,
        exitCode: output.startsWith('bash:') ? 127 : 0,
        traces: [],
        actions: [],
        session: next,
        prompt: promptOf(next),
        clear: line === 'clear',
      };
      return reply;
    },
    async complete(line, cursor): Promise<Completion> {
      const from = line.lastIndexOf(' ', cursor - 1) + 1;
      const word = line.slice(from, cursor);
      return { from, to: cursor, candidates: words.filter((w) => w.startsWith(word)) };
    },
  };
  return { backend, ran };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return {
    data,
    getItem: (k: string) => data[k] ?? null,
    setItem: (k: string, v: string) => {
      data[k] = v;
    },
  };
}

async function setup(
  options: {
    cols?: number;
    words?: string[];
    storage?: ReturnType<typeof memoryStorage>;
    session?: ShellSession;
    onSession?: (s: ShellSession) => void;
  } = {},
) {
  const term = new Terminal({ cols: options.cols ?? 60, rows: 12, allowProposedApi: true });
  const { backend, ran } = fakeBackend(options.words);
  const storage = options.storage ?? memoryStorage();
  const controller = createTerminalController({
    screen: term,
    backend,
    storage,
    ...(options.session ? { session: options.session } : {}),
    ...(options.onSession ? { onSession: options.onSession } : {}),
  });
  await controller.start();
  const settle = () => new Promise<void>((resolve) => term.write('', resolve));
  const type = async (data: string) => {
    await controller.input(data);
    await settle();
  };
  const lines = () => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++)
      out.push((buffer.getLine(i)?.translateToString(true) ?? '').trimEnd());
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  };
  const cursor = () => ({
    x: term.buffer.active.cursorX,
    y: term.buffer.active.cursorY + term.buffer.active.viewportY,
  });
  await settle();
  return { term, controller, ran, storage, type, lines, cursor, settle };
}

describe('terminal controller', () => {
  it('starts with the laptop prompt', async () => {
    const t = await setup();
    expect(t.lines()).toEqual(['student@laptop:~$']);
    expect(t.cursor()).toEqual({ x: 18, y: 0 });
  });

  it('runs a line on Enter and prints its output with CRLF line ends, then a new prompt', async () => {
    const t = await setup();
    await t.type('lines\r');
    expect(t.lines()).toEqual(['student@laptop:~$ lines', 'one', 'two', 'student@laptop:~$']);
    expect(t.ran).toEqual(['lines']);
  });

  it('edits in the middle: left, home, end, backspace, delete', async () => {
    const t = await setup();
    await t.type('echo helo');
    await t.type('\x1b[D\x1b[D'); // cursor before "lo"
    await t.type('l'); // hello
    await t.type('\x1b[H'); // home
    await t.type('\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~'); // delete "echo "
    await t.type('echo  '); // "echo  hello"
    await t.type('\x7f'); // backspace one of the two spaces
    await t.type('\x1b[F!'); // end, then "!"
    await t.type('\r');
    expect(t.ran).toEqual(['echo hello!']);
    expect(t.lines().slice(0, 2)).toEqual(['student@laptop:~$ echo hello!', 'hello!']);
  });

  it('walks history with up and down, keeping the line being typed, and saves it', async () => {
    const storage = memoryStorage();
    const t = await setup({ storage });
    await t.type('echo one\r');
    await t.type('echo two\r');
    await t.type('echo two\r'); // a repeat is stored once
    await t.type('draft');
    await t.type('\x1b[A');
    expect(t.lines().at(-1)).toBe('student@laptop:~$ echo two');
    await t.type('\x1b[A');
    expect(t.lines().at(-1)).toBe('student@laptop:~$ echo one');
    await t.type('\x1b[A'); // oldest: stays
    expect(t.lines().at(-1)).toBe('student@laptop:~$ echo one');
    await t.type('\x1b[B\x1b[B');
    expect(t.lines().at(-1)).toBe('student@laptop:~$ draft');
    expect(JSON.parse(storage.data[HISTORY_KEY] ?? '[]')).toEqual(['echo one', 'echo two']);
  });

  it('reads history saved by an earlier visit', async () => {
    const t = await setup({ storage: memoryStorage({ [HISTORY_KEY]: '["kubectl get svc"]' }) });
    await t.type('\x1b[A\r');
    expect(t.ran).toEqual(['kubectl get svc']);
  });

  it('survives saved history that is not a list of strings', async () => {
    const t = await setup({ storage: memoryStorage({ [HISTORY_KEY]: '{"no":1' }) });
    await t.type('\x1b[A');
    expect(t.lines()).toEqual(['student@laptop:~$']);
  });

  it('abandons the line on Ctrl-C with ^C and a new prompt, running nothing', async () => {
    const t = await setup();
    await t.type('kubectl get po\x03');
    expect(t.lines()).toEqual(['student@laptop:~$ kubectl get po^C', 'student@laptop:~$']);
    expect(t.ran).toEqual([]);
    expect(t.controller.getStatus().lastExitCode).toBe(130);
  });

  it('clears the screen on Ctrl-L and keeps the line being typed', async () => {
    const t = await setup();
    await t.type('echo a\r');
    await t.type('half');
    await t.type('\x0c');
    expect(t.lines()).toEqual(['student@laptop:~$ half']);
  });

  it('clears the screen when `clear` runs', async () => {
    const t = await setup();
    await t.type('echo a\rclear\r');
    expect(t.lines()).toEqual(['student@laptop:~$']);
  });

  it('runs each line of a multi-line paste in order', async () => {
    const t = await setup();
    await t.type('echo a\recho b\r\necho c\r');
    expect(t.ran).toEqual(['echo a', 'echo b', 'echo c']);
    expect(t.lines()).toEqual([
      'student@laptop:~$ echo a',
      'a',
      'student@laptop:~$ echo b',
      'b',
      'student@laptop:~$ echo c',
      'c',
      'student@laptop:~$',
    ]);
  });

  it('changes the prompt inside a pod and back after exit', async () => {
    const t = await setup();
    await t.type('kubectl exec -it kubia-65mtj -- bash\r');
    expect(t.lines().at(-1)).toBe('root@kubia-65mtj:/#');
    expect(t.controller.getStatus().prompt).toBe('root@kubia-65mtj:/# ');
    await t.type('exit\r');
    expect(t.lines().slice(-2)).toEqual(['exit', 'student@laptop:~$']);
  });

  it('leaves a pod on Ctrl-D at an empty line', async () => {
    const t = await setup();
    await t.type('kubectl exec -it kubia-65mtj -- bash\r');
    await t.type('\x04');
    expect(t.ran.at(-1)).toBe('exit');
    expect(t.lines().at(-1)).toBe('student@laptop:~$');
  });

  it('completes a single match with a space, and fills a common prefix', async () => {
    const t = await setup({ words: ['kubectl', 'kubeplay', 'curl'] });
    await t.type('cu\t');
    expect(t.lines()).toEqual(['student@laptop:~$ curl']);
    expect(t.cursor().x).toBe('student@laptop:~$ curl '.length);
    await t.type('\x03ku\t');
    expect(t.lines().at(-1)).toBe('student@laptop:~$ kube');
  });

  it('lists several matches in columns on the second Tab, then redraws the line', async () => {
    const t = await setup({ cols: 30, words: ['kubia-aaaaa', 'kubia-bbbbb', 'kubia-ccccc'] });
    await t.type('x kubia-\t');
    expect(t.lines()).toEqual(['student@laptop:~$ x kubia-']);
    await t.type('\t');
    expect(t.lines()).toEqual([
      'student@laptop:~$ x kubia-',
      'kubia-aaaaa  kubia-ccccc',
      'kubia-bbbbb',
      'student@laptop:~$ x kubia-',
    ]);
    expect(t.cursor()).toEqual({ x: 26, y: 3 });
  });

  it('lists at once on a Tab right after a Tab that filled in the shared prefix', async () => {
    const t = await setup({ words: ['kubectl', 'kubeplay'] });
    await t.type('ku\t\t');
    expect(t.lines()).toEqual(['student@laptop:~$ kube', 'kubectl   kubeplay', 'student@laptop:~$ kube']);
  });

  it('asks before listing 100 matches or more, as readline does', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `pod-${String(i).padStart(3, '0')}`);
    const t = await setup({ cols: 80, words: many });
    await t.type('x pod-\t\t');
    expect(t.lines()).toEqual(['student@laptop:~$ x pod-', 'Display all 120 possibilities? (y or n)']);
    await t.type('q'); // not an answer: still asking
    expect(t.lines().at(-1)).toBe('Display all 120 possibilities? (y or n)');
    await t.type('n');
    expect(t.lines().slice(-2)).toEqual([
      'Display all 120 possibilities? (y or n)',
      'student@laptop:~$ x pod-',
    ]);
    await t.type('\t\ty');
    expect(t.lines()).toContain('pod-000  pod-015  pod-030  pod-045  pod-060  pod-075  pod-090  pod-105');
    expect(t.lines().at(-1)).toBe('student@laptop:~$ x pod-');
  });

  it('edits a line that wraps past the right margin', async () => {
    const t = await setup({ cols: 24 });
    // prompt (18) + 12 characters = 30: wraps onto a second row
    await t.type('echo abcdefg');
    expect(t.cursor()).toEqual({ x: 6, y: 1 });
    await t.type('\x1b[H'); // home: back on the first row
    expect(t.cursor()).toEqual({ x: 18, y: 0 });
    await t.type('X');
    expect(t.lines()).toEqual(['student@laptop:~$ Xecho', 'abcdefg']);
    await t.type('\x7f\x1b[F\r');
    expect(t.ran).toEqual(['echo abcdefg']);
    expect(t.lines()).toEqual(['student@laptop:~$ echo a', 'bcdefg', 'abcdefg', 'student@laptop:~$']);
  });

  it('handles a line that ends exactly at the right margin', async () => {
    const t = await setup({ cols: 24 });
    await t.type('echo a'); // 18 + 6 = 24
    expect(t.cursor()).toEqual({ x: 0, y: 1 });
    await t.type('\x7f'); // back onto the first row
    expect(t.cursor()).toEqual({ x: 23, y: 0 });
    await t.type('b\r');
    expect(t.lines()).toEqual(['student@laptop:~$ echo b', 'b', 'student@laptop:~$']);
  });

  it('types a name pasted from the graph at the cursor without running it', async () => {
    const t = await setup();
    await t.type('kubectl describe pod ');
    await t.controller.insert('kubia-65mtj\n');
    await t.settle();
    expect(t.lines()).toEqual(['student@laptop:~$ kubectl describe pod kubia-65mtj']);
    expect(t.ran).toEqual([]);
  });

  it('starts over on the laptop when the scenario changes', async () => {
    const t = await setup();
    await t.type('kubectl exec -it kubia-65mtj -- bash\r');
    await t.controller.restart('(another scenario: back on the laptop)');
    await t.settle();
    expect(t.lines().slice(-2)).toEqual(['(another scenario: back on the laptop)', 'student@laptop:~$']);
  });

  it('continues where an earlier terminal left off, and reports each new place', async () => {
    const seen: ShellSession[] = [];
    const t = await setup({ session: IN_POD, onSession: (s) => seen.push(s) });
    expect(t.lines()).toEqual(['root@kubia-65mtj:/#']);
    await t.type('exit\r');
    expect(seen.at(-1)?.location).toEqual({ kind: 'client', client: 'laptop' });
  });
});
