import { describe, it, expect } from 'vitest';
import {
  loadSavedAllocations,
  loadSavedScenario,
  restoreSavedScenario,
  saveScenario,
  STORAGE_KEY,
} from './persistence.ts';
import { createSimulation, recordAllocations } from '../engine/index.ts';
import { memoryStorage } from './testing/memoryStorage.ts';

describe('scenario autosave', () => {
  it('round-trips the scenario', () => {
    const storage = memoryStorage();
    const scenario = {
      scenarioId: 'kubia',
      yaml: 'kind: Pod\n',
      seed: 7,
      actions: [{ type: 'node' as const, name: 'n', up: false }],
    };
    saveScenario(storage, scenario);
    expect(loadSavedScenario(storage)).toEqual(scenario);
  });

  it('refuses what it cannot trust', () => {
    expect(restoreSavedScenario(null)).toBeNull();
    expect(restoreSavedScenario('{not json')).toBeNull();
    expect(restoreSavedScenario('42')).toBeNull();
    expect(restoreSavedScenario(JSON.stringify({ yaml: 5 }))).toBeNull();
    expect(
      restoreSavedScenario(
        JSON.stringify({ yaml: 'a', seed: 'x', actions: [1, { type: 'wait', seconds: 1 }] }),
      ),
    ).toEqual({
      yaml: 'a',
      scenarioId: 'custom',
      seed: 1,
      actions: [{ type: 'wait', seconds: 1 }],
    });
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadSavedScenario(broken)).toBeNull();
    expect(() => saveScenario(broken, { scenarioId: 'x', yaml: '', seed: 1, actions: [] })).not.toThrow();
    expect(STORAGE_KEY).toMatch(/^kubeplay\./);
  });

  it('keeps the allocations with the scenario, and drops a ledger it cannot read', () => {
    const storage = memoryStorage();
    const scenario = { scenarioId: 'custom', yaml: 'kind: Pod\n', seed: 1, actions: [] };
    const ledger = recordAllocations(createSimulation({ files: [], seed: 1 }).state);
    saveScenario(storage, scenario, () => 5, ledger);
    expect(loadSavedAllocations(storage)).toEqual(ledger);
    expect(loadSavedScenario(storage)).toEqual(scenario);
    saveScenario(storage, scenario, () => 6);
    expect(loadSavedAllocations(storage)).toBeNull();
    const saved = JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    storage.map.set(STORAGE_KEY, JSON.stringify({ ...saved, allocations: { ...ledger, version: 99 } }));
    expect(loadSavedAllocations(storage)).toBeNull();
    expect(loadSavedScenario(storage)).toEqual(scenario);
  });
});
