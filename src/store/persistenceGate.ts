/**
 * A link's scenario is autosaved only once it has simulated (within the engine's limits and the
 * watchdog's budget). Before, a link that hangs the engine became the autosave at once, so a reload
 * opened it again and hung again, and the person's own work was gone. The gate stands between the app
 * and storage: writes of the autosave that hold the link's text wait until `trust()`; the person's own
 * edits (any other text) go through as usual.
 */
import { restoreSavedScenario, STORAGE_KEY } from './persistence.ts';
import type { KeyValueStorage } from './persistence.ts';

export interface AutosaveGate {
  /** Storage for the app: the same, except that the link's text waits. */
  storage: KeyValueStorage;
  /** The link simulated: later writes go straight through (the caller saves the working copy now). */
  trust(): void;
  readonly trusted: boolean;
}

export function gateLinkAutosave(storage: KeyValueStorage, linkYaml: string): AutosaveGate {
  let trusted = false;
  const gated: KeyValueStorage = {
    getItem: (key) => storage.getItem(key),
    setItem(key, value) {
      if (!trusted && key === STORAGE_KEY && restoreSavedScenario(value)?.yaml === linkYaml) return;
      storage.setItem(key, value);
    },
  };
  return {
    storage: gated,
    get trusted() {
      return trusted;
    },
    trust() {
      trusted = true;
    },
  };
}
