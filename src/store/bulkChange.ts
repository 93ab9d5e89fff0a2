/**
 * Typing is gathered for a moment before the engine rebuilds (the debounce in kubeplayApp.ts): each key
 * changes a few characters and the next one follows. A paste or a cut of a whole block is one change
 * with nothing to gather; the app sends it to the engine at once (docs/editing.md#performance).
 */

/** A change of at least this many characters in one step is not a keystroke. */
export const BULK_CHANGE_CHARS = 1000;

/**
 * The text grew or shrank by a block at once. Only the lengths are compared (the 1,000-pod scenario is
 * 170 KB): a paste over a selection of the same size counts as typing and waits the debounce.
 */
export function isBulkChange(before: string, after: string): boolean {
  return Math.abs(after.length - before.length) >= BULK_CHANGE_CHARS;
}
