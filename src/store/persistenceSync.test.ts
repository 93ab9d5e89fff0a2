import { describe, it, expect } from 'vitest';
import { formatSavedScenario, saveScenario, STORAGE_KEY } from './persistence.ts';
import { gateLinkAutosave } from './persistenceGate.ts';
import { autosaveStatus, createAutosaveStatus } from './persistenceStatus.ts';
import { hearOtherTab, keepMine, switchToTheirs, watchOtherTabs } from './persistenceSync.ts';
import { createScenarioStore } from './scenarioStore.ts';
import type { ScenarioState } from './scenarioStore.ts';
import { memoryStorage } from './testing/memoryStorage.ts';

const work = (yaml: string): ScenarioState => ({ scenarioId: 'custom', yaml, seed: 1, actions: [] });

function fullStorage() {
  return {
    getItem: () => null,
    setItem: () => {
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError', code: 22 });
    },
  };
}

describe('autosave failure', () => {
  it('is reported at once, and cleared by the next save that works', () => {
    expect(saveScenario(fullStorage(), work('a'))).toBe('quota');
    expect(autosaveStatus.getState().failure).toBe('quota');
    expect(saveScenario(memoryStorage(), work('a'))).toBe('saved');
    expect(autosaveStatus.getState().failure).toBeNull();
  });

  it('tells a disabled storage from a full one', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(saveScenario(refusing, work('a'))).toBe('unavailable');
  });
});

describe('two tabs', () => {
  it('holds the other tab’s different work, and forgets it when it is the same', () => {
    const status = createAutosaveStatus();
    hearOtherTab(
      { key: STORAGE_KEY, newValue: formatSavedScenario(work('theirs'), 5) },
      work('mine'),
      status,
    );
    expect(status.getState().otherTab).toEqual({ theirs: work('theirs'), savedAt: 5 });
    hearOtherTab({ key: STORAGE_KEY, newValue: formatSavedScenario(work('mine'), 6) }, work('mine'), status);
    expect(status.getState().otherTab).toBeNull();
    hearOtherTab({ key: 'kubeplay.theme', newValue: 'dark' }, work('mine'), status);
    expect(status.getState().otherTab).toBeNull();
  });

  it('keep mine: theirs goes to the library, mine is saved again', () => {
    const status = createAutosaveStatus();
    const storage = memoryStorage();
    const scenario = createScenarioStore(work('mine'));
    hearOtherTab(
      { key: STORAGE_KEY, newValue: formatSavedScenario(work('theirs'), 5) },
      work('mine'),
      status,
    );
    const kept: [string, string][] = [];
    expect(keepMine(scenario, storage, (s, from) => kept.push([s.yaml, from]) > 0, status)).toBe(true);
    expect(kept).toEqual([['theirs', 'theirs']]);
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}').yaml).toBe('mine');
    expect(status.getState().otherTab).toBeNull();
  });

  it('use theirs: mine goes to the library first; a full library changes nothing', () => {
    const status = createAutosaveStatus();
    const scenario = createScenarioStore(work('mine'));
    hearOtherTab(
      { key: STORAGE_KEY, newValue: formatSavedScenario(work('theirs'), 5) },
      work('mine'),
      status,
    );
    expect(switchToTheirs(scenario, () => false, status)).toBe(false);
    expect(scenario.getState().yaml).toBe('mine');
    expect(status.getState().choiceFailed).toBe(true);
    const kept: string[] = [];
    expect(switchToTheirs(scenario, (s) => kept.push(s.yaml) > 0, status)).toBe(true);
    expect(kept).toEqual(['mine']);
    expect(scenario.getState().yaml).toBe('theirs');
    expect(status.getState().otherTab).toBeNull();
  });

  it('listens to storage events until unsubscribed', () => {
    const status = createAutosaveStatus();
    const target = new EventTarget();
    const scenario = createScenarioStore(work('mine'));
    const stop = watchOtherTabs(scenario, target as unknown as Window, status);
    const event = Object.assign(new Event('storage'), {
      key: STORAGE_KEY,
      newValue: formatSavedScenario(work('theirs'), 1),
    });
    target.dispatchEvent(event);
    expect(status.getState().otherTab?.theirs.yaml).toBe('theirs');
    // Typing the same text settles it.
    scenario.setState({ yaml: 'theirs' });
    expect(status.getState().otherTab).toBeNull();
    stop();
    target.dispatchEvent(event);
    expect(status.getState().otherTab).toBeNull();
  });
});

describe('link autosave gate', () => {
  it('holds the link’s text until trusted, lets the person’s own text through', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, formatSavedScenario(work('my own'), 1));
    const gate = gateLinkAutosave(storage, 'replicas: 1000000');
    saveScenario(gate.storage, work('replicas: 1000000'));
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}').yaml).toBe('my own');
    saveScenario(gate.storage, work('replicas: 3'));
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}').yaml).toBe('replicas: 3');
    gate.trust();
    saveScenario(gate.storage, work('replicas: 1000000'));
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}').yaml).toBe('replicas: 1000000');
  });
});
