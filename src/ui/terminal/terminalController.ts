/**
 * The terminal's brain, without React or xterm: it turns keys into line edits, draws them with
 * escape sequences, runs a finished line through the app (where the simulation lives), and prints the
 * reply. Keys are handled strictly in order, so a multi-line paste runs each line in turn and keys
 * typed while a command runs wait for it, as in a real terminal.
 */
import type { ShellSession } from '../../engine/index.ts';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import type { HistoryStorage } from './commandHistory.ts';
import { CLEAR_SCREEN, failedCommandOutput, printCommandOutput } from './commandOutput.ts';
import type { CommandOutput } from './commandOutput.ts';
import { parseKeys } from './keyInput.ts';
import type { Key } from './keyInput.ts';
import {
  deleteBackward,
  deleteForward,
  insertText,
  killToEnd,
  killToStart,
  killWordBackward,
  moveCursor,
} from './lineEditor.ts';
import type { EditLine } from './lineEditor.ts';
import { createLineView } from './lineView.ts';
import { createTabCompletion } from './tabCompletion.ts';
import { createTerminalHistory } from './terminalHistory.ts';
import { toTerminalText } from './terminalText.ts';

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

/** Keys that only edit the line, as readline binds them. */
const LINE_EDITS: Partial<Record<Key['kind'], (line: EditLine) => EditLine>> = {
  backspace: deleteBackward,
  delete: deleteForward,
  left: (line) => moveCursor(line, line.cursor - 1),
  right: (line) => moveCursor(line, line.cursor + 1),
  home: (line) => moveCursor(line, 0),
  end: (line) => moveCursor(line, line.text.length),
  killToStart,
  killToEnd,
  killWord: killWordBackward,
};

export function createTerminalController(options: TerminalControllerOptions): TerminalController {
  const { screen, backend, storage } = options;
  let session: ShellSession | null = options.session ?? null;
  const keepSession = (next: ShellSession) => {
    session = next;
    options.onSession?.(next);
  };
  const view = createLineView(screen, '$ ');
  const completion = createTabCompletion(screen, view, (line) =>
    session ? backend.complete(line.text, line.cursor, session) : Promise.resolve(null),
  );
  const history = createTerminalHistory(storage);
  let status: TerminalStatus = { busy: true, runs: 0, lastExitCode: null, prompt: view.prompt };
  let queue: Promise<void> = Promise.resolve();
  /** The key before this one was Tab: readline lists the matches on the second Tab in a row. */
  let lastWasTab = false;

  const setStatus = (next: Partial<TerminalStatus>) => {
    status = { ...status, ...next };
    options.onStatus?.(status);
  };

  /** A fresh prompt from the shell (where the session is); the laptop's when the app cannot answer. */
  async function startSession(from: ShellSession | null, fallback?: string): Promise<void> {
    try {
      const reply = await backend.runCommand('', from);
      keepSession(reply.session);
      view.setPrompt(reply.prompt);
    } catch (error) {
      if (fallback === undefined) throw error;
      view.setPrompt(fallback);
    }
  }

  async function runLine(): Promise<void> {
    const text = view.line.text;
    view.leaveLine();
    history.record(text);
    view.forgetLine();
    if (text.trim() === '') {
      view.freshPrompt();
      return;
    }
    setStatus({ busy: true });
    let outcome: CommandOutput;
    try {
      const reply = await backend.runCommand(text, session);
      keepSession(reply.session);
      view.setPrompt(reply.prompt);
      outcome = reply;
    } catch (error) {
      outcome = failedCommandOutput(error);
    }
    printCommandOutput(screen, outcome);
    view.freshPrompt();
    setStatus({ busy: false, runs: status.runs + 1, lastExitCode: outcome.exitCode, prompt: view.prompt });
  }

  function browseHistory(direction: 'up' | 'down'): void {
    const text = history.browse(direction, view.line.text);
    if (text !== null) view.edit({ text, cursor: text.length });
  }

  async function handle(key: Key): Promise<void> {
    if (completion.isAsking()) {
      completion.answer(key);
      return;
    }
    const secondTab = lastWasTab;
    lastWasTab = key.kind === 'tab';
    const lineEdit = LINE_EDITS[key.kind];
    if (lineEdit) {
      view.edit(lineEdit(view.line));
      return;
    }
    switch (key.kind) {
      case 'text':
        view.edit(insertText(view.line, key.text));
        return;
      case 'enter':
        await runLine();
        return;
      case 'up':
      case 'down':
        browseHistory(key.kind);
        return;
      case 'tab':
        await completion.complete(secondTab);
        return;
      case 'interrupt':
        // bash echoes ^C, abandons the line and gives a new prompt.
        view.leaveLine('^C');
        history.stopBrowsing();
        view.freshPrompt();
        setStatus({ lastExitCode: 130 });
        return;
      case 'clearScreen':
        screen.write(CLEAR_SCREEN);
        view.drawAgain();
        return;
      case 'endOfFile':
        // Ctrl-D on an empty line ends the shell: inside a pod that is `exit`; on the laptop the
        // terminal stays (there is nowhere to go). Otherwise it deletes forward, as readline does.
        if (view.line.text !== '') view.edit(deleteForward(view.line));
        else if (session?.location.kind === 'pod') {
          view.edit({ text: 'exit', cursor: 4 });
          await runLine();
        }
        return;
      default:
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
        await startSession(session, 'student@laptop:~$ ');
        view.freshPrompt();
        setStatus({ busy: false, prompt: view.prompt });
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
        if (flat) view.edit(insertText(view.line, flat));
      });
    },
    resize() {
      view.resize();
    },
    restart(note) {
      return enqueue(async () => {
        view.leaveLine();
        screen.write(toTerminalText(`${note}\n`));
        session = null;
        view.forgetLine();
        await startSession(null);
        view.freshPrompt();
        setStatus({ prompt: view.prompt });
      });
    },
    getStatus: () => status,
  };
}
