/**
 * A command's redirections applied as bash applies them: left to right, each one changing a table of
 * open descriptors before the command runs (bash(1), "REDIRECTION";
 * https://www.gnu.org/software/bash/manual/bash.html#Redirections). So `cmd >f 2>&1` sends both streams
 * to f, while `cmd 2>&1 >f` sends errors to the terminal and output to f; `>&2` writes to standard error;
 * `2>&-` closes it. A redirection that fails (a missing file, a bad descriptor) stops the command from
 * running, with bash's message and exit status 1.
 */
import type { Redirect } from './parseLine.ts';

/** Where a descriptor leads. `out`/`err` are the command's own standard output and error (pipe or terminal). */
export type Destination =
  | { kind: 'out' }
  | { kind: 'err' }
  | { kind: 'null' }
  | { kind: 'file'; index: number }
  | { kind: 'input'; text: string };

/** A file opened for writing by `>`, `>>`, `&>`: what the command wrote to it is gathered here. */
export interface OpenedFile {
  path: string;
  append: boolean;
  text: string;
}

export interface RedirectionPlan {
  /** What the command reads on standard input. */
  input: string;
  /** Descriptors 1 and 2 (absent once closed). */
  stdout: Destination | undefined;
  stderr: Destination | undefined;
  files: OpenedFile[];
}

export interface RedirectionIo {
  /** The standard input the command would read without redirections (a pipe's text, or nothing). */
  stdin: string;
  readFile(path: string): string | undefined;
  /** Why `path` cannot be opened for writing (e.g. "Permission denied"), or undefined. */
  refuseWrite(path: string, append: boolean): string | undefined;
  hereDocument(delimiter: string): string;
}

export type PlanResult = { ok: true; plan: RedirectionPlan } | { ok: false; error: string };

const DEFAULT_FD: Record<Redirect['op'], number> = {
  '>': 1,
  '>>': 1,
  '>|': 1,
  '&>': 1,
  '&>>': 1,
  '>&': 1,
  '<': 0,
  '<<': 0,
  '<&': 0,
};

export function planRedirections(redirects: readonly Redirect[], io: RedirectionIo): PlanResult {
  const table = new Map<number, Destination>([
    [0, { kind: 'input', text: io.stdin }],
    [1, { kind: 'out' }],
    [2, { kind: 'err' }],
  ]);
  const files: OpenedFile[] = [];
  const openForWriting = (path: string, append: boolean): Destination | string => {
    if (path === '') return 'bash: : No such file or directory';
    if (path === '/dev/null') return { kind: 'null' };
    const refusal = io.refuseWrite(path, append);
    if (refusal) return `bash: ${path}: ${refusal}`;
    files.push({ path, append, text: '' });
    return { kind: 'file', index: files.length - 1 };
  };

  for (const r of redirects) {
    const fd = r.fd ?? DEFAULT_FD[r.op];
    switch (r.op) {
      case '<': {
        const text = r.target === '/dev/null' ? '' : io.readFile(r.target);
        if (text === undefined) return { ok: false, error: `bash: ${r.target}: No such file or directory` };
        table.set(fd, { kind: 'input', text });
        break;
      }
      case '<<':
        table.set(fd, { kind: 'input', text: io.hereDocument(r.target) });
        break;
      case '>':
      case '>|':
      case '>>': {
        const opened = openForWriting(r.target, r.op === '>>');
        if (typeof opened === 'string') return { ok: false, error: opened };
        table.set(fd, opened);
        break;
      }
      case '&>':
      case '&>>': {
        const opened = openForWriting(r.target, r.op === '&>>');
        if (typeof opened === 'string') return { ok: false, error: opened };
        table.set(1, opened);
        table.set(2, opened);
        break;
      }
      case '>&':
      case '<&': {
        if (r.target === '-') {
          table.delete(fd);
          break;
        }
        if (/^\d+$/.test(r.target)) {
          const source = table.get(Number(r.target));
          if (!source) return { ok: false, error: `bash: ${r.target}: Bad file descriptor` };
          table.set(fd, source);
          break;
        }
        // `>&word` with no number before it is `&>word` (bash keeps it for csh users); `2>&word` is an error.
        if (r.op === '>&' && r.fd === undefined) {
          const opened = openForWriting(r.target, false);
          if (typeof opened === 'string') return { ok: false, error: opened };
          table.set(1, opened);
          table.set(2, opened);
          break;
        }
        return { ok: false, error: `bash: ${r.target}: ambiguous redirect` };
      }
    }
  }
  const stdin = table.get(0);
  return {
    ok: true,
    plan: {
      input: stdin?.kind === 'input' ? stdin.text : '',
      stdout: table.get(1),
      stderr: table.get(2),
      files,
    },
  };
}

/**
 * Sends what the command wrote to where its descriptors lead. Returns the text left on the command's own
 * standard output and error; text for files is added to plan.files. A closed descriptor loses its text.
 */
export function routeOutput(
  plan: RedirectionPlan,
  written: { stdout: string; stderr: string },
): { stdout: string; stderr: string } {
  const result = { stdout: '', stderr: '' };
  const send = (to: Destination | undefined, text: string): void => {
    if (!to || text === '') return;
    if (to.kind === 'out') result.stdout += text;
    else if (to.kind === 'err') result.stderr += text;
    else if (to.kind === 'file') {
      const file = plan.files[to.index];
      if (file) file.text += text;
    }
  };
  // The terminal shows output before errors (see displayOf), so a file shared by both gets them in that order.
  send(plan.stdout, written.stdout);
  send(plan.stderr, written.stderr);
  return result;
}
