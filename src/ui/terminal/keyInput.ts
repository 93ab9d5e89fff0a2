/**
 * What the terminal sent (xterm's onData: typed keys, escape sequences, pasted text) split into the
 * keys a line editor acts on. A paste arrives as one string; each of its lines ends in `\r`
 * (xterm turns pasted newlines into carriage returns, as a real terminal does).
 */
export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'left' }
  | { kind: 'right' }
  | { kind: 'home' }
  | { kind: 'end' }
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'tab' }
  | { kind: 'interrupt' }
  | { kind: 'clearScreen' }
  | { kind: 'killToStart' }
  | { kind: 'killToEnd' }
  | { kind: 'killWord' }
  | { kind: 'endOfFile' }
  | { kind: 'ignored' };

/** CSI / SS3 sequences xterm sends for the editing keys (VT220 and xterm variants). */
const SEQUENCES: Record<string, Key['kind']> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
};

/** Control characters (readline's emacs bindings that bash users reach for). */
const CONTROLS: Record<string, Key['kind']> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'interrupt',
  '\x0c': 'clearScreen',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'killToStart',
  '\x0b': 'killToEnd',
  '\x17': 'killWord',
  '\x04': 'endOfFile',
};

/** A whole escape sequence at `i`: ESC [ params final, or ESC O final, or a lone ESC. */
function escapeLength(data: string, i: number): number {
  const next = data[i + 1];
  if (next === 'O') return Math.min(3, data.length - i);
  if (next !== '[') return next === undefined ? 1 : 2;
  let j = i + 2;
  while (j < data.length && /[0-9;?]/.test(data[j] ?? '')) j++;
  return Math.min(j + 1, data.length) - i;
}

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i] ?? '';
    if (ch === '\x1b') {
      flush();
      const length = escapeLength(data, i);
      const kind = SEQUENCES[data.slice(i, i + length)] ?? 'ignored';
      keys.push({ kind } as Key);
      i += length;
      continue;
    }
    const control = CONTROLS[ch];
    if (control) {
      flush();
      keys.push({ kind: control } as Key);
      // A pasted Windows line end (\r\n) is one Enter, not two.
      i += ch === '\r' && data[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (ch < ' ') {
      // Other control characters do nothing at a bash prompt worth imitating here.
      flush();
      i += 1;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return keys;
}
