/**
 * The narration level: `plain` sentences for students (the default) or the engine's `details` for
 * engineers (chains, rules, probabilities). Remembered per browser when the person flips the switch;
 * a share link can carry it (src/share/LINKS.md, `view.narration`).
 */
import type { KeyValueStorage } from './persistence.ts';
import type { NarrationLevel } from './viewStore.ts';

export const NARRATION_STORAGE_KEY = 'kubeplay.narration';

export function isNarrationLevel(value: unknown): value is NarrationLevel {
  return value === 'plain' || value === 'details';
}

/** The level this browser remembers, or null (never chosen, storage off, or a value from elsewhere). */
export function readSavedNarration(storage: KeyValueStorage | null): NarrationLevel | null {
  try {
    const saved = storage?.getItem(NARRATION_STORAGE_KEY) ?? null;
    return isNarrationLevel(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function saveNarration(storage: KeyValueStorage | null, level: NarrationLevel): void {
  try {
    storage?.setItem(NARRATION_STORAGE_KEY, level);
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}
