/**
 * A command line read the way a POSIX shell (bash) reads it: words, single and double quotes,
 * backslash escapes, `$VAR` expansion, pipes, redirections and the `;` `&&` `||` separators (run as bash
 * runs them: in turn; the next only on success; the next only on failure; left to right).
 * Globs, subshells and here-documents are out of scope: the terminal is for kubectl/curl, not scripts.
 */
/**
 * The redirection operators bash reads (bash(1), "REDIRECTION"; https://www.gnu.org/software/bash/manual/bash.html#Redirections).
 * `<<` is a here-document: its target is the delimiter word; the body comes from the following lines.
 * `>&` and `<&` duplicate a descriptor (`2>&1`, `>&2`) or close it (`2>&-`); `>|` is `>` ignoring noclobber.
 */
export type RedirectOp = '>' | '>>' | '>|' | '<' | '<<' | '>&' | '<&' | '&>' | '&>>';

export interface Redirect {
  /** The descriptor a `2>`, `1>&2`, `0<` names; absent when the operator's default applies (0 for `<`, 1 for `>`). */
  fd?: number;
  op: RedirectOp;
  target: string;
}

export interface SimpleCommand {
  argv: string[];
  redirects: Redirect[];
}

export interface PipelineItem {
  commands: SimpleCommand[];
  /** How this pipeline joins the NEXT one. */
  then: ';' | '&&' | '||' | null;
}

export type ParsedLine = { ok: true; pipelines: PipelineItem[] } | { ok: false; error: string };

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'redirect'; op: RedirectOp; fd?: number };

/** Longest first, so `>>` is not read as two `>`. `<<-` (strip tabs) reads as `<<`. */
const OPERATORS = ['&>>', '<<-', '&>', '>>', '>|', '>&', '<<', '<&', '&&', '||', '>', '<', '|', ';;', ';'];
const REDIRECT_OPERATORS = new Set(['&>>', '<<-', '&>', '>>', '>|', '>&', '<<', '<&', '>', '<']);

/**
 * `a & b` runs `a` in the background in bash; this terminal runs one command at a time, so it says so
 * rather than passing `&` on as a word (`echo a & echo b` printed "a & echo b").
 */
export const BACKGROUND_REFUSED =
  'kubeplay: `&` (run in the background) is not supported here: this terminal runs one command at a time; use `;` or `&&` to run commands in turn';

/** `expand` gives the value of `$NAME` (empty when unset, as in bash). */
export function parseLine(line: string, expand: (name: string) => string = () => ''): ParsedLine {
  const tokens = tokenize(line, expand);
  if (!Array.isArray(tokens)) return tokens;
  return toPipelines(tokens);
}

function tokenize(line: string, expand: (name: string) => string): Token[] | { ok: false; error: string } {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  /** The word so far came from quotes, escapes or `$` expansion: `"2">x` writes "2", it names no descriptor. */
  let wordQuoted = false;
  let i = 0;
  const endWord = (): void => {
    if (inWord) tokens.push({ kind: 'word', text: word });
    word = '';
    inWord = false;
    wordQuoted = false;
  };
  const readVariable = (): string => {
    // at line[i] === '$'
    const rest = line.slice(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (braced?.[1]) {
      i += braced[0].length + 1;
      return expand(braced[1]);
    }
    const plain = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(rest);
    if (plain?.[1]) {
      i += plain[0].length + 1;
      return expand(plain[1]);
    }
    i += 1;
    return '$';
  };

  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) break; // a comment runs to the end of the line
    if (c === '\\') {
      inWord = true;
      wordQuoted = true;
      if (i + 1 < line.length) word += line[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "bash: unexpected EOF while looking for matching `''" };
      word += line.slice(i + 1, end);
      inWord = true;
      wordQuoted = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      wordQuoted = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i] ?? '';
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1] ?? '')) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        if (d === '$') {
          word += readVariable();
          continue;
        }
        word += d;
        i++;
      }
      if (!closed) return { ok: false, error: 'bash: unexpected EOF while looking for matching `"\'' };
      continue;
    }
    if (c === '$') {
      inWord = true;
      wordQuoted = true;
      word += readVariable();
      continue;
    }
    const op = OPERATORS.find((o) => line.startsWith(o, i));
    if (op && REDIRECT_OPERATORS.has(op)) {
      // A word of unquoted digits right before `<` or `>` names the descriptor (`2>`, `1>&2`); in `a2>b`
      // or `"2">b` the 2 is part of a word. `&>` takes no number.
      const fd =
        inWord && !wordQuoted && /^\d+$/.test(word) && !op.startsWith('&') ? Number(word) : undefined;
      if (fd !== undefined) {
        word = '';
        inWord = false;
      } else endWord();
      const redirectOp = (op === '<<-' ? '<<' : op) as RedirectOp;
      tokens.push(
        fd === undefined ? { kind: 'redirect', op: redirectOp } : { kind: 'redirect', op: redirectOp, fd },
      );
      i += op.length;
      continue;
    }
    if (op) {
      endWord();
      tokens.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    // A lone `&` ends a command (background).
    if (c === '&') return { ok: false, error: BACKGROUND_REFUSED };
    word += c;
    inWord = true;
    i++;
  }
  endWord();
  return tokens;
}

function syntaxError(token: string): { ok: false; error: string } {
  return { ok: false, error: `bash: syntax error near unexpected token \`${token}'` };
}

function toPipelines(tokens: Token[]): ParsedLine {
  const pipelines: PipelineItem[] = [];
  let commands: SimpleCommand[] = [];
  let current: SimpleCommand = { argv: [], redirects: [] };
  const isEmpty = (cmd: SimpleCommand): boolean => cmd.argv.length === 0 && cmd.redirects.length === 0;

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (!token) continue;
    if (token.kind === 'word') {
      current.argv.push(token.text);
      continue;
    }
    if (token.kind === 'redirect') {
      const next = tokens[k + 1];
      if (!next) return syntaxError('newline');
      if (next.kind !== 'word') return syntaxError(next.kind === 'op' ? next.text : next.op);
      current.redirects.push(
        token.fd === undefined
          ? { op: token.op, target: next.text }
          : { fd: token.fd, op: token.op, target: next.text },
      );
      k++;
      continue;
    }
    switch (token.text) {
      case '|':
        if (isEmpty(current)) return syntaxError('|');
        commands.push(current);
        current = { argv: [], redirects: [] };
        break;
      case ';':
      case '&&':
      case '||':
        if (isEmpty(current)) return syntaxError(token.text);
        commands.push(current);
        pipelines.push({ commands, then: token.text });
        commands = [];
        current = { argv: [], redirects: [] };
        break;
      case ';;':
        // `;;` ends a `case` item, which this terminal does not read: bash's own complaint outside one.
        return syntaxError(';;');
      default:
        return syntaxError(token.text);
    }
  }
  if (!isEmpty(current)) commands.push(current);
  else if (commands.length > 0) return syntaxError('newline'); // a trailing `|`
  if (commands.length > 0) pipelines.push({ commands, then: null });
  // `a ;` is legal in bash: drop the dangling separator
  const last = pipelines[pipelines.length - 1];
  if (last && last.then === ';') last.then = null;
  else if (last && last.then !== null) return syntaxError('newline');
  return { ok: true, pipelines };
}

export interface HereDocLine {
  /** The command line itself. */
  line: string;
  /** Here-document bodies by delimiter, in the order the line names them. */
  bodies: Record<string, string>;
}

/**
 * Splits pasted multi-line input into command lines, taking here-document bodies (`cat <<EOF | kubectl
 * apply -f -` … `EOF`) out of the text that follows a line naming them, as bash reads them.
 */
export function splitHereDocuments(text: string): HereDocLine[] {
  const lines = text.split('\n');
  const out: HereDocLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const bodies: Record<string, string> = {};
    const markers = [...line.matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g)];
    for (const m of markers) {
      const strip = m[1] === '-';
      const delimiter = m[3] ?? '';
      const body: string[] = [];
      while (i + 1 < lines.length) {
        const next = lines[++i] ?? '';
        if ((strip ? next.replace(/^\t+/, '') : next) === delimiter) break;
        body.push(strip ? next.replace(/^\t+/, '') : next);
      }
      bodies[delimiter] = body.length ? body.join('\n') + '\n' : '';
    }
    if (line.trim() !== '' || markers.length) out.push({ line, bodies });
  }
  return out;
}
