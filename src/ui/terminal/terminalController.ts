/**
 * The terminal's brain, without React or xterm: it turns keys into line edits, draws them with
 * escape sequences, runs a finished line through the app (where the simulation lives), and prints the
 * reply. Keys are handled strictly in order, so a multi-line paste runs each line in turn and keys
 * typed while a command runs wait for it, as in a real terminal.
 */
import type { ShellSession } from '../../engine/index.ts';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import {
  createHistory,
  historyDown,
  historyUp,
  loadHistory,
  recordLine,
  resetBrowsing,
  saveHistory,
} from './commandHistory.ts';
import type { CommandHistory, HistoryStorage } from './commandHistory.ts';
import { parseKeys } from './keyInput.ts';
import type { Key } from './keyInput.ts';
import {
  deleteBackward,
  deleteForward,
  EMPTY_LINE,
  insertText,
  killToEnd,
  killToStart,
  killWordBackward,
  moveCursor,
  replaceRange,
} from './lineEditor.ts';
import type { EditLine } from './lineEditor.ts';
import { commonPrefix, formatCompletionColumns, toTerminalText } from './terminalText.ts';

/** The part of xterm's Terminal the controller needs (a fake in tests). */
export interface TerminalScreen {
  write(data: string): void;
  readonly cols: number;
}

export type ShellBackend = Pick<KubeplayApp, 'runCommand' | 'complete'>;

export interface TerminalStatus {
  busy: boolean;
  /** Lines run since the terminal opened. */
  runs: number;
  lastExitCode: number | null;
  prompt: string;
}

export interface TerminalControllerOptions {
  screen: TerminalScreen;
  backend: ShellBackend;
  storage: HistoryStorage | null;
  /** Told after every state change that a page or a test may watch. */
  onStatus?: (status: TerminalStatus) => void;
  /** Where an earlier terminal left off (the panel was hidden and shown again); null starts on the laptop. */
  session?: ShellSession | null;
  /** Told whenever the session changes (to carry it over to the next mount). */
  onSession?: (session: ShellSession) => void;
}

export interface TerminalController {
  /** Starts a session on the laptop and prints the first prompt. */
  start(): Promise<void>;
  /** Keys or pasted text from the terminal. Resolves when everything sent so far is handled. */
  input(data: string): Promise<void>;
  /** Types text at the cursor (a name pasted from the graph); never runs it. */
  insert(text: string): Promise<void>;
  /** The terminal changed width: re-derive where the cursor sits. */
  resize(): void;
  /** Back to a fresh laptop session (another scenario was opened), with a note why. */
  restart(note: string): Promise<void>;
  getStatus(): TerminalStatus;
}

const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';
/** readline's completion-query-items: from this many matches on, ask before listing them. */
const QUERY_ITEMS = 100;

export function createTerminalController(options: TerminalControllerOptions): TerminalController {
  const { screen, backend, storage } = options;
  let session: ShellSession | null = options.session ?? null;
  const keepSession = (next: ShellSession) => {
    session = next;
    options.onSession?.(next);
  };
  let prompt = '$ ';
  let line: EditLine = EMPTY_LINE;
  /** Rows between the prompt's first row and the cursor's row. */
  let cursorRow = 0;
  let history: CommandHistory = createHistory(loadHistory(storage));
  let status: TerminalStatus = { busy: true, runs: 0, lastExitCode: null, prompt };
  let queue: Promise<void> = Promise.resolve();
  /** The key before this one was Tab: readline lists the matches on the second Tab in a row. */
  let lastWasTab = false;
  /** Matches waiting on readline's "Display all N possibilities? (y or n)". */
  let asking: string[] | null = null;

  const cols = () => Math.max(1, screen.cols);
  const setStatus = (next: Partial<TerminalStatus>) => {
    status = { ...status, ...next };
    options.onStatus?.(status);
  };

  /** Escape sequences that move the cursor from where it is to `offset` (prompt + text). */
  function moveTo(offset: number): string {
    const row = Math.floor(offset / cols());
    const col = offset % cols();
    let out = '';
    if (row < cursorRow) out += `\x1b[${cursorRow - row}A`;
    if (row > cursorRow) out += `\x1b[${row - cursorRow}B`;
    out += '\r';
    if (col > 0) out += `\x1b[${col}C`;
    cursorRow = row;
    return out;
  }

  /**
   * After text that ends exactly at the right margin the terminal waits to wrap; step onto the next
   * row now so the cursor is where the arithmetic says (readline does the same).
   */
  function settleWrap(end: number): string {
    cursorRow = Math.floor(end / cols());
    return end > 0 && end % cols() === 0 ? '\r\n' : '';
  }

  /** Draws prompt + line from the prompt's first row (the cursor is there when this is called). */
  function drawFromStart(next: EditLine): string {
    const end = prompt.length + next.text.length;
    let out = `\x1b[J${prompt}${next.text}${settleWrap(end)}`;
    out += moveTo(prompt.length + next.cursor);
    line = next;
    return out;
  }

  function redraw(next: EditLine): void {
    const up = cursorRow > 0 ? `\x1b[${cursorRow}A` : '';
    cursorRow = 0;
    screen.write(`${up}\r${drawFromStart(next)}`);
  }

  /** Typing at the end of the line only needs the new characters (and no re-read of the line by a screen reader). */
  function edit(next: EditLine): void {
    if (next === line) return;
    const appended =
      line.cursor === line.text.length &&
      next.cursor === next.text.length &&
      next.text.startsWith(line.text) &&
      next.text.length > line.text.length;
    if (appended) {
      const added = next.text.slice(line.text.length);
      line = next;
      screen.write(added + settleWrap(prompt.length + next.text.length));
      return;
    }
    if (next.text === line.text) {
      const out = moveTo(prompt.length + next.cursor);
      line = next;
      screen.write(out);
      return;
    }
    redraw(next);
  }

  /** Leaves the line (cursor after its end, on a new row) so output can follow. */
  function leaveLine(suffix = ''): void {
    const end = prompt.length + line.text.length;
    const out = moveTo(end) + suffix;
    const atRowStart = end % cols() === 0 && suffix === '';
    screen.write(atRowStart ? out : `${out}\r\n`);
    cursorRow = 0;
  }

  function freshPrompt(): void {
    cursorRow = 0;
    line = EMPTY_LINE;
    screen.write(drawFromStart(EMPTY_LINE));
  }

  async function runLine(): Promise<void> {
    const text = line.text;
    leaveLine();
    history = recordLine(history, text);
    saveHistory(storage, history.entries);
    line = EMPTY_LINE;
    if (text.trim() === '') {
      freshPrompt();
      return;
    }
    setStatus({ busy: true });
    let output: string;
    let exitCode: number;
    let clear = false;
    try {
      const reply = await backend.runCommand(text, session);
      keepSession(reply.session);
      prompt = reply.prompt;
      output = reply.output;
      exitCode = reply.exitCode;
      clear = reply.clear;
    } catch (error) {
      output = `kubeplay: ${error instanceof Error ? error.message : String(error)}\n`;
      exitCode = 1;
    }
    if (clear) screen.write(CLEAR_SCREEN);
    // bash would put the prompt right after output without a final newline; a new row keeps the
    // prompt where the next line's cursor arithmetic expects it.
    const ended = output === '' || output.endsWith('\n') ? output : `${output}\n`;
    screen.write(toTerminalText(ended));
    freshPrompt();
    setStatus({ busy: false, runs: status.runs + 1, lastExitCode: exitCode, prompt });
  }

  async function completeWord(secondTab: boolean): Promise<void> {
    if (!session) return;
    let completion = null;
    try {
      completion = await backend.complete(line.text, line.cursor, session);
    } catch {
      completion = null;
    }
    const candidates = completion?.candidates ?? [];
    if (!completion || candidates.length === 0) return;
    const { from, to } = completion;
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) {
      // bash adds a space after a finished word, not after `--flag=` or a directory.
      const spaced = /[=/]$/.test(only) || line.text[to] === ' ' ? only : `${only} `;
      edit(replaceRange(line, from, to, spaced));
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > to - from && prefix.startsWith(line.text.slice(from, to))) {
      edit(replaceRange(line, from, to, prefix));
      return;
    }
    // Several and nothing to add: the first Tab only rings the bell; the second lists them under the
    // line and draws the prompt and line again (readline without show-all-if-ambiguous).
    if (!secondTab) return;
    leaveLine();
    if (candidates.length >= QUERY_ITEMS) {
      screen.write(`Display all ${candidates.length} possibilities? (y or n)`);
      asking = candidates;
      return;
    }
    listCompletions(candidates);
  }

  /** The matches in columns (the cursor is at the start of a row), then the prompt and line again. */
  function listCompletions(candidates: string[]): void {
    screen.write(
      formatCompletionColumns(candidates, cols())
        .map((l) => `${l}\r\n`)
        .join(''),
    );
    cursorRow = 0;
    screen.write(drawFromStart(line));
  }

  /** y, Y or space list the matches; n, N, Backspace or Ctrl-C do not; other keys keep it asking. */
  function answerQuery(key: Key, candidates: string[]): void {
    const yes = key.kind === 'text' && /^[yY ]$/.test(key.text);
    const no =
      (key.kind === 'text' && /^[nN]$/.test(key.text)) ||
      key.kind === 'backspace' ||
      key.kind === 'interrupt';
    if (!yes && !no) return;
    asking = null;
    screen.write('\r\n');
    if (yes) {
      listCompletions(candidates);
      return;
    }
    cursorRow = 0;
    screen.write(drawFromStart(line));
  }

  async function handle(key: Key): Promise<void> {
    if (asking) {
      answerQuery(key, asking);
      return;
    }
    const secondTab = lastWasTab;
    lastWasTab = key.kind === 'tab';
    switch (key.kind) {
      case 'text':
        edit(insertText(line, key.text));
        return;
      case 'enter':
        await runLine();
        return;
      case 'backspace':
        edit(deleteBackward(line));
        return;
      case 'delete':
        edit(deleteForward(line));
        return;
      case 'left':
        edit(moveCursor(line, line.cursor - 1));
        return;
      case 'right':
        edit(moveCursor(line, line.cursor + 1));
        return;
      case 'home':
        edit(moveCursor(line, 0));
        return;
      case 'end':
        edit(moveCursor(line, line.text.length));
        return;
      case 'up': {
        const step = historyUp(history, line.text);
        if (!step) return;
        history = step.history;
        edit({ text: step.text, cursor: step.text.length });
        return;
      }
      case 'down': {
        const step = historyDown(history);
        if (!step) return;
        history = step.history;
        edit({ text: step.text, cursor: step.text.length });
        return;
      }
      case 'tab':
        await completeWord(secondTab);
        return;
      case 'interrupt':
        // bash echoes ^C, abandons the line and gives a new prompt.
        leaveLine('^C');
        history = resetBrowsing(history);
        freshPrompt();
        setStatus({ lastExitCode: 130 });
        return;
      case 'clearScreen':
        screen.write(CLEAR_SCREEN);
        cursorRow = 0;
        screen.write(drawFromStart(line));
        return;
      case 'killToStart':
        edit(killToStart(line));
        return;
      case 'killToEnd':
        edit(killToEnd(line));
        return;
      case 'killWord':
        edit(killWordBackward(line));
        return;
      case 'endOfFile':
        // Ctrl-D on an empty line ends the shell: inside a pod that is `exit`; on the laptop the
        // terminal stays (there is nowhere to go). Otherwise it deletes forward, as readline does.
        if (line.text !== '') edit(deleteForward(line));
        else if (session?.location.kind === 'pod') {
          edit({ text: 'exit', cursor: 4 });
          await runLine();
        }
        return;
      case 'ignored':
        return;
    }
  }

  function enqueue(work: () => Promise<void>): Promise<void> {
    queue = queue.then(work, work);
    return queue;
  }

  return {
    start() {
      return enqueue(async () => {
        try {
          const reply = await backend.runCommand('', session);
          keepSession(reply.session);
          prompt = reply.prompt;
        } catch {
          prompt = 'student@laptop:~$ ';
        }
        freshPrompt();
        setStatus({ busy: false, prompt });
      });
    },
    input(data) {
      const keys = parseKeys(data);
      return enqueue(async () => {
        for (const key of keys) await handle(key);
      });
    },
    insert(text) {
      const flat = text.replace(/[\r\n]+/g, ' ');
      return enqueue(async () => {
        if (flat) edit(insertText(line, flat));
      });
    },
    resize() {
      cursorRow = Math.floor((prompt.length + line.cursor) / cols());
    },
    restart(note) {
      return enqueue(async () => {
        leaveLine();
        screen.write(toTerminalText(`${note}\n`));
        session = null;
        line = EMPTY_LINE;
        const reply = await backend.runCommand('', null);
        keepSession(reply.session);
        prompt = reply.prompt;
        freshPrompt();
        setStatus({ prompt });
      });
    },
    getStatus: () => status,
  };
}
