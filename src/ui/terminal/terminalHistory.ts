/**
 * The history one terminal browses: commandHistory.ts's steps kept in one place, loaded from storage
 * when the terminal opens and saved after every line, so the controller only says what happened
 * (a line ran, Up or Down was pressed, Ctrl-C abandoned the line).
 */
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

export interface TerminalHistory {
  /** A line was run: remember and save it, and stop browsing. */
  record(line: string): void;
  /** The line Up or Down shows, `current` being the text on screen; null when there is nowhere to go. */
  browse(direction: 'up' | 'down', current: string): string | null;
  /** Ctrl-C: the next Up starts from the newest entry again. */
  stopBrowsing(): void;
}

export function createTerminalHistory(storage: HistoryStorage | null): TerminalHistory {
  let history: CommandHistory = createHistory(loadHistory(storage));
  return {
    record(line) {
      history = recordLine(history, line);
      saveHistory(storage, history.entries);
    },
    browse(direction, current) {
      const step = direction === 'up' ? historyUp(history, current) : historyDown(history);
      if (!step) return null;
      history = step.history;
      return step.text;
    },
    stopBrowsing() {
      history = resetBrowsing(history);
    },
  };
}
