import { describe, expect, it } from 'vitest';
import { parseKeys } from './keyInput.ts';
import { getTerminalName } from './PasteNameButton.tsx';
import { createTerminalKeyFilter } from './terminalKeys.ts';
import { commonPrefix, formatCompletionColumns, toTerminalText } from './terminalText.ts';

describe('toTerminalText', () => {
  it('turns LF into CRLF once', () => {
    expect(toTerminalText('a\nb\r\nc\n')).toBe('a\r\nb\r\nc\r\n');
  });
});

describe('completion listing', () => {
  it('finds the shared prefix', () => {
    expect(commonPrefix(['kubia-nodeport', 'kubia-loadbalancer', 'kubia'])).toBe('kubia');
    expect(commonPrefix([])).toBe('');
  });
  it('fills columns top to bottom, as bash does', () => {
    expect(formatCompletionColumns(['a1', 'b2', 'c3', 'd4', 'e5'], 12)).toEqual(['a1  c3  e5', 'b2  d4']);
  });
  it('puts one word a line when the terminal is narrow', () => {
    expect(formatCompletionColumns(['kubia-65mtj', 'kubia-7xk2p'], 5)).toEqual([
      'kubia-65mtj',
      'kubia-7xk2p',
    ]);
  });
});

describe('parseKeys', () => {
  it('splits typed text, escape sequences and control keys', () => {
    expect(parseKeys('ls\x1b[D\x1b[3~\x7f\t\x03\x0c\r').map((k) => k.kind)).toEqual([
      'text',
      'left',
      'delete',
      'backspace',
      'tab',
      'interrupt',
      'clearScreen',
      'enter',
    ]);
  });
  it('reads a pasted block as lines, CRLF counting once', () => {
    expect(parseKeys('a\r\nb\rc')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'enter' },
      { kind: 'text', text: 'b' },
      { kind: 'enter' },
      { kind: 'text', text: 'c' },
    ]);
  });
  it('knows home and end in their xterm and VT220 forms, and ignores unknown sequences', () => {
    expect(parseKeys('\x1bOH\x1b[1~\x1b[F\x1b[4~\x1b[15~').map((k) => k.kind)).toEqual([
      'home',
      'home',
      'end',
      'end',
      'ignored',
    ]);
  });
});

describe('getTerminalName', () => {
  it('gives the name kubectl uses', () => {
    expect(getTerminalName('pod/default/kubia-65mtj')).toBe('kubia-65mtj');
    expect(getTerminalName('svc/default/kubia')).toBe('kubia');
    expect(getTerminalName('node/kind-worker')).toBe('kind-worker');
    expect(getTerminalName('client/laptop')).toBeNull();
    expect(getTerminalName('dns')).toBeNull();
  });
});

describe('terminal key filter', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    ({ type: 'keydown', key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...mods }) as KeyboardEvent;
  const none = { hasSelection: () => false, getSelection: () => '' };
  it('lets Ctrl-C interrupt without a selection and copy with one', () => {
    const copied: string[] = [];
    expect(createTerminalKeyFilter(none)(key('c', { ctrlKey: true }))).toBe(true);
    const selected = { hasSelection: () => true, getSelection: () => '10.96.31.193' };
    expect(createTerminalKeyFilter(selected, (t) => copied.push(t))(key('c', { ctrlKey: true }))).toBe(false);
    expect(copied).toEqual(['10.96.31.193']);
  });
  it('leaves paste to the browser', () => {
    expect(createTerminalKeyFilter(none)(key('v', { ctrlKey: true }))).toBe(false);
  });
  it('completes on Tab, but Esc then Tab leaves the terminal', () => {
    const filter = createTerminalKeyFilter(none);
    expect(filter(key('Tab'))).toBe(true);
    expect(filter(key('Escape'))).toBe(true);
    expect(filter(key('Tab'))).toBe(false);
    expect(filter(key('Tab'))).toBe(true);
  });
});
