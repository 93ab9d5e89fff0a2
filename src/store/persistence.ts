/**
 * Autosave of the scenario to localStorage so an edit survives a reload. The saved value is
 * untrusted on the way back (another version of the app, a hand edit): restore it field by field.
 */
import { readAllocationLedger } from '../engine/index.ts';
import type { Action, AllocationLedger } from '../engine/index.ts';
import type { ScenarioState } from './scenarioStore.ts';

export const STORAGE_KEY = 'kubeplay.scenario.v1';

/** The part of the Web Storage API we use, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MAX_YAML_CHARS = 2_000_000;

export function restoreSavedScenario(text: string | null): ScenarioState | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { yaml, seed, scenarioId, actions } = record;
  if (typeof yaml !== 'string' || yaml.length > MAX_YAML_CHARS) return null;
  return {
    yaml,
    scenarioId: typeof scenarioId === 'string' ? scenarioId : 'custom',
    seed: typeof seed === 'number' && Number.isInteger(seed) ? seed : 1,
    actions: Array.isArray(actions)
      ? actions.filter(
          (a): a is Action => typeof a === 'object' && a !== null && typeof (a as Action).type === 'string',
        )
      : [],
  };
}

export function loadSavedScenario(storage: KeyValueStorage | null): ScenarioState | null {
  try {
    return restoreSavedScenario(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

/**
 * The allocations (pod names and IPs, ClusterIPs, node ports) the cluster on screen held when the
 * page saved, so a reload shows the same pods (docs/editing.md); null when absent, of another version,
 * or not well formed (the reload then replays the YAML alone).
 */
export function restoreSavedAllocations(text: string | null): AllocationLedger | null {
  try {
    const value = JSON.parse(text ?? 'null') as { allocations?: unknown } | null;
    return readAllocationLedger(value?.allocations);
  } catch {
    return null;
  }
}

export function loadSavedAllocations(storage: KeyValueStorage | null): AllocationLedger | null {
  try {
    return restoreSavedAllocations(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

/**
 * Why the last autosave did not happen: the browser's storage for this site is full (`quota`), or it
 * refused the write for another reason (`unavailable`: disabled, private mode, a blocked site).
 */
export type SaveFailure = 'quota' | 'unavailable';
export type SaveResult = 'saved' | SaveFailure;

/**
 * Browsers name a full storage differently: QuotaExceededError (code 22) in Chromium and Safari,
 * NS_ERROR_DOM_QUOTA_REACHED (code 1014) in Firefox
 * (https://developer.mozilla.org/en-US/docs/Web/API/Storage/setItem#exceptions).
 */
export function classifyStorageError(error: unknown): SaveFailure {
  if (typeof error !== 'object' || error === null) return 'unavailable';
  const { name, code } = error as { name?: unknown; code?: unknown };
  const quota =
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
  return quota ? 'quota' : 'unavailable';
}

/** Identifies this tab's saves, so another tab can tell its own writes from this one's. */
export const TAB_ID = Math.random().toString(36).slice(2, 10);

/**
 * What goes into storage: the scenario, which tab saved it and when (epoch ms), and the allocations
 * of the cluster built from exactly this scenario, when known.
 */
export function formatSavedScenario(
  scenario: ScenarioState,
  savedAt: number,
  allocations?: AllocationLedger | null,
): string {
  const { yaml, scenarioId, seed, actions } = scenario;
  return JSON.stringify({
    yaml,
    scenarioId,
    seed,
    actions,
    savedBy: TAB_ID,
    savedAt,
    ...(allocations ? { allocations } : {}),
  });
}

/** Who saved a stored value and when, if it says (older versions did not). */
export function readSaveStamp(text: string | null): { savedBy: string; savedAt: number } | null {
  try {
    const value = JSON.parse(text ?? 'null') as { savedBy?: unknown; savedAt?: unknown } | null;
    if (typeof value?.savedBy !== 'string' || typeof value.savedAt !== 'number') return null;
    return { savedBy: value.savedBy, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

type SaveListener = (result: SaveResult) => void;
const saveListeners = new Set<SaveListener>();

/** Hears every autosave's outcome (persistenceStatus.ts shows a failure at once). */
export function onSaveResult(listener: SaveListener): () => void {
  saveListeners.add(listener);
  return () => saveListeners.delete(listener);
}

/**
 * Writes the working copy. A failure is no exception (the app keeps working) but is reported to the
 * listeners, so the page says at once that the edit is not kept and offers a way out.
 */
export function saveScenario(
  storage: KeyValueStorage | null,
  scenario: ScenarioState,
  now: () => number = Date.now,
  allocations?: AllocationLedger | null,
): SaveResult {
  if (!storage) return 'saved';
  let result: SaveResult = 'saved';
  try {
    storage.setItem(STORAGE_KEY, formatSavedScenario(scenario, now(), allocations));
  } catch (error) {
    result = classifyStorageError(error);
  }
  for (const listener of saveListeners) listener(result);
  return result;
}
