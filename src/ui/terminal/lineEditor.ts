/**
 * The line being typed at the prompt, as plain data, and the edits readline makes to it. Pure: the
 * terminal controller decides what to draw from the before and after.
 */
export interface EditLine {
  text: string;
  /** Cursor position, 0..text.length. */
  cursor: number;
}

export const EMPTY_LINE: EditLine = { text: '', cursor: 0 };

export function insertText(line: EditLine, text: string): EditLine {
  return {
    text: line.text.slice(0, line.cursor) + text + line.text.slice(line.cursor),
    cursor: line.cursor + text.length,
  };
}

export function deleteBackward(line: EditLine): EditLine {
  if (line.cursor === 0) return line;
  return {
    text: line.text.slice(0, line.cursor - 1) + line.text.slice(line.cursor),
    cursor: line.cursor - 1,
  };
}

export function deleteForward(line: EditLine): EditLine {
  if (line.cursor >= line.text.length) return line;
  return { text: line.text.slice(0, line.cursor) + line.text.slice(line.cursor + 1), cursor: line.cursor };
}

export function moveCursor(line: EditLine, to: number): EditLine {
  const cursor = Math.max(0, Math.min(line.text.length, to));
  return cursor === line.cursor ? line : { text: line.text, cursor };
}

/** Ctrl-U: bash's unix-line-discard (everything before the cursor). */
export function killToStart(line: EditLine): EditLine {
  return { text: line.text.slice(line.cursor), cursor: 0 };
}

/** Ctrl-K: everything from the cursor on. */
export function killToEnd(line: EditLine): EditLine {
  return { text: line.text.slice(0, line.cursor), cursor: line.cursor };
}

/** Ctrl-W: bash's unix-word-rubout (back to the previous whitespace). */
export function killWordBackward(line: EditLine): EditLine {
  let start = line.cursor;
  while (start > 0 && line.text[start - 1] === ' ') start--;
  while (start > 0 && line.text[start - 1] !== ' ') start--;
  return { text: line.text.slice(0, start) + line.text.slice(line.cursor), cursor: start };
}

/** Puts `replacement` in place of [from, to) and leaves the cursor after it (tab completion). */
export function replaceRange(line: EditLine, from: number, to: number, replacement: string): EditLine {
  return {
    text: line.text.slice(0, from) + replacement + line.text.slice(to),
    cursor: from + replacement.length,
  };
}
