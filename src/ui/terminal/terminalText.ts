/**
 * Text helpers at the terminal boundary: the engine prints `\n` line ends, a terminal needs `\r\n`;
 * completions are listed the way bash lists them.
 */

/** `\n` -> `\r\n`, leaving existing `\r\n` alone (xterm's convertEol would also move lone `\r`). */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The longest prefix all words share (what a Tab can fill in when several match). */
export function commonPrefix(words: string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let end = first.length;
  for (const w of rest) {
    let i = 0;
    while (i < end && i < w.length && w[i] === first[i]) i++;
    end = i;
  }
  return first.slice(0, end);
}

/**
 * Candidates in columns, filled top to bottom then left to right, as bash's readline prints them
 * (print-completions-horizontally off): each column as wide as the longest word plus two spaces.
 * Returns the lines, without line ends.
 */
export function formatCompletionColumns(words: string[], width: number): string[] {
  if (words.length === 0) return [];
  const cell = Math.max(...words.map((w) => w.length)) + 2;
  const columns = Math.max(1, Math.floor(Math.max(1, width) / cell));
  const rows = Math.ceil(words.length / columns);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < columns; c++) {
      const word = words[c * rows + r];
      if (word === undefined) break;
      const isLast = words[(c + 1) * rows + r] === undefined;
      line += isLast ? word : word.padEnd(cell);
    }
    lines.push(line);
  }
  return lines;
}
