/**
 * The prompt and the line being typed, as the terminal shows them: it writes the escape sequences that
 * draw a line edit with as little output as possible and keeps track of where the cursor is when the
 * line wraps over several rows (readline's arithmetic), so the controller deals only in EditLines.
 */
import { EMPTY_LINE } from './lineEditor.ts';
import type { EditLine } from './lineEditor.ts';
import type { TerminalScreen } from './terminalController.ts';

export interface LineView {
  readonly line: EditLine;
  readonly prompt: string;
  setPrompt(prompt: string): void;
  /** Shows `next` in place of the line. */
  edit(next: EditLine): void;
  /** Leaves the line (cursor after its end, on a new row) so output can follow. */
  leaveLine(suffix?: string): void;
  /** The line is done with (a command took it); nothing is drawn. */
  forgetLine(): void;
  /** A new prompt and an empty line; the cursor is at the start of a row. */
  freshPrompt(): void;
  /** The prompt and the line drawn again; the cursor is at the start of a row. */
  drawAgain(): void;
  /** The terminal changed width: re-derive where the cursor sits. */
  resize(): void;
  cols(): number;
}

export function createLineView(screen: TerminalScreen, initialPrompt: string): LineView {
  let prompt = initialPrompt;
  let line: EditLine = EMPTY_LINE;
  /** Rows between the prompt's first row and the cursor's row. */
  let cursorRow = 0;

  const cols = () => Math.max(1, screen.cols);

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

  return {
    get line() {
      return line;
    },
    get prompt() {
      return prompt;
    },
    setPrompt(next) {
      prompt = next;
    },
    /** Typing at the end of the line only needs the new characters (and no re-read of the line by a screen reader). */
    edit(next) {
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
    },
    leaveLine(suffix = '') {
      const end = prompt.length + line.text.length;
      const out = moveTo(end) + suffix;
      const atRowStart = end % cols() === 0 && suffix === '';
      screen.write(atRowStart ? out : `${out}\r\n`);
      cursorRow = 0;
    },
    forgetLine() {
      line = EMPTY_LINE;
    },
    freshPrompt() {
      cursorRow = 0;
      line = EMPTY_LINE;
      screen.write(drawFromStart(EMPTY_LINE));
    },
    drawAgain() {
      cursorRow = 0;
      screen.write(drawFromStart(line));
    },
    resize() {
      cursorRow = Math.floor((prompt.length + line.cursor) / cols());
    },
    cols,
  };
}
