/**
 * Autosave of the scenario to localStorage so an edit survives a reload. The saved value is
 * untrusted on the way back (another version of the app, a hand edit): restore it field by field.
 */
import type { Action } from '../engine/index.ts';
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

export function saveScenario(storage: KeyValueStorage | null, scenario: ScenarioState): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(scenario));
  } catch {
    // Storage full or disabled (private mode): the app keeps working without autosave.
  }
}
