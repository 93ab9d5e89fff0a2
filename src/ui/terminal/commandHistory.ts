/**
 * The terminal's command history: up/down walk it, the line being typed is kept while browsing (as
 * readline does), repeated lines are stored once (bash's HISTCONTROL=ignoredups), and it survives a
 * reload through localStorage.
 */
export interface CommandHistory {
  entries: string[];
  /** The entry shown; entries.length means "the line being typed". */
  index: number;
  /** The line that was being typed when browsing began. */
  draft: string;
}

export const HISTORY_KEY = 'kubeplay.terminal.history';
export const HISTORY_LIMIT = 500;

export interface HistoryStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function createHistory(entries: string[] = []): CommandHistory {
  return { entries, index: entries.length, draft: '' };
}

/** A line was run: remember it and stop browsing. */
export function recordLine(history: CommandHistory, line: string): CommandHistory {
  const trimmed = line.trim();
  const last = history.entries[history.entries.length - 1];
  const entries =
    trimmed === '' || trimmed === last
      ? history.entries
      : [...history.entries, trimmed].slice(-HISTORY_LIMIT);
  return { entries, index: entries.length, draft: '' };
}

/** Up: the previous entry, or null at the oldest. `current` is the text on screen. */
export function historyUp(
  history: CommandHistory,
  current: string,
): { history: CommandHistory; text: string } | null {
  if (history.index <= 0) return null;
  const index = history.index - 1;
  const draft = history.index === history.entries.length ? current : history.draft;
  return { history: { ...history, index, draft }, text: history.entries[index] ?? '' };
}

/** Down: the next entry, then the line that was being typed; null when not browsing. */
export function historyDown(history: CommandHistory): { history: CommandHistory; text: string } | null {
  if (history.index >= history.entries.length) return null;
  const index = history.index + 1;
  const text = index === history.entries.length ? history.draft : (history.entries[index] ?? '');
  return { history: { ...history, index }, text };
}

/** Stop browsing (Ctrl-C): the next Up starts from the newest entry again. */
export function resetBrowsing(history: CommandHistory): CommandHistory {
  return { ...history, index: history.entries.length, draft: '' };
}

/** Reads saved entries; anything unreadable gives an empty history (never throws). */
export function loadHistory(storage: HistoryStorage | null): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is string => typeof e === 'string').slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

export function saveHistory(storage: HistoryStorage | null, entries: string[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(entries.slice(-HISTORY_LIMIT)));
  } catch {
    // A full or disabled storage only loses history.
  }
}
