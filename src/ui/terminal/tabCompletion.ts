/**
 * Tab completion as readline does it: one match is written in (with a space after a finished word),
 * several are narrowed to their common prefix; with nothing to add, the first Tab only rings the bell and
 * the second lists the matches in columns under the line, asking first when there are many.
 */
import type { Completion } from '../../engine/index.ts';
import type { Key } from './keyInput.ts';
import { replaceRange } from './lineEditor.ts';
import type { EditLine } from './lineEditor.ts';
import type { LineView } from './lineView.ts';
import type { TerminalScreen } from './terminalController.ts';
import { commonPrefix, formatCompletionColumns } from './terminalText.ts';

/** readline's completion-query-items: from this many matches on, ask before listing them. */
const QUERY_ITEMS = 100;

export interface TabCompletion {
  /** Tab was pressed; `secondTab` when the key before it was Tab too. */
  complete(secondTab: boolean): Promise<void>;
  /** Whether readline's "Display all N possibilities? (y or n)" waits for an answer. */
  isAsking(): boolean;
  /** A key while it asks: y, Y or space list the matches; n, N, Backspace or Ctrl-C do not; others wait. */
  answer(key: Key): void;
}

export function createTabCompletion(
  screen: TerminalScreen,
  view: LineView,
  /** The engine's matches for the line (null: none, or no session yet). */
  findMatches: (line: EditLine) => Promise<Completion | null>,
): TabCompletion {
  /** Matches waiting on readline's "Display all N possibilities? (y or n)". */
  let asking: string[] | null = null;

  /** The matches in columns (the cursor is at the start of a row), then the prompt and line again. */
  function listCompletions(candidates: string[]): void {
    screen.write(
      formatCompletionColumns(candidates, view.cols())
        .map((l) => `${l}\r\n`)
        .join(''),
    );
    view.drawAgain();
  }

  return {
    async complete(secondTab) {
      const line = view.line;
      let completion: Completion | null = null;
      try {
        completion = await findMatches(line);
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
        view.edit(replaceRange(line, from, to, spaced));
        return;
      }
      const prefix = commonPrefix(candidates);
      if (prefix.length > to - from && prefix.startsWith(line.text.slice(from, to))) {
        view.edit(replaceRange(line, from, to, prefix));
        return;
      }
      // Several and nothing to add: the first Tab only rings the bell; the second lists them under the
      // line and draws the prompt and line again (readline without show-all-if-ambiguous).
      if (!secondTab) return;
      view.leaveLine();
      if (candidates.length >= QUERY_ITEMS) {
        screen.write(`Display all ${candidates.length} possibilities? (y or n)`);
        asking = candidates;
        return;
      }
      listCompletions(candidates);
    },
    isAsking: () => asking !== null,
    answer(key) {
      const candidates = asking;
      if (!candidates) return;
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
      view.drawAgain();
    },
  };
}
