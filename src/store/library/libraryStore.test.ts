import { describe, it, expect } from 'vitest';
import { LIBRARY_BACKUP_KEY, LIBRARY_KEY, LIBRARY_OPEN_KEY } from './libraryDocument.ts';
import type { LibraryContent } from './libraryEntry.ts';
import {
  createLibrary,
  deleteEntry,
  duplicateEntry,
  getEntry,
  refreshLibrary,
  renameEntry,
  saveEntry,
  undoDelete,
  updateEntry,
} from './libraryStore.ts';
import type { Library } from './libraryStore.ts';

/** A Map-backed localStorage; `quota` (characters over all values) makes setItem throw as browsers do. */
function memoryStorage(quota = Infinity) {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      const used = [...map].reduce((n, [key, value]) => n + (key === k ? 0 : value.length), 0);
      if (used + v.length > quota)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(k, v);
    },
  };
}

function setup(storage = memoryStorage()) {
  let clock = 1_000;
  let ids = 0;
  const library = createLibrary({ storage, now: () => (clock += 1000), newId: () => `e${++ids}` });
  return { library, storage };
}

const kubia: LibraryContent = {
  scenarioId: 'kubia',
  scenario: {
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n',
    seed: 3,
    actions: [{ type: 'node', name: 'kind-worker', up: false }],
    layout: { 'node/kind-worker': { x: 10, y: 20 } },
  },
  counts: { pods: 3, services: 2, ingresses: 1 },
};

const names = (library: Library) =>
  library.store.getState().items.map((i) => (i.kind === 'entry' ? i.entry.name : `!${i.name ?? ''}`));

describe('the scenario library', () => {
  it('saves the working copy, marks it open, and reads it back after a reload', () => {
    const { library, storage } = setup();
    const id = saveEntry(library, '  Demo 1  ', kubia);
    expect(id).toBe('e1');
    expect(library.store.getState().openId).toBe('e1');
    const reloaded = createLibrary({ storage, now: () => 0, newId: () => 'x' });
    const entry = getEntry(reloaded.store.getState(), 'e1');
    expect(entry).toEqual({ ...kubia, id: 'e1', name: 'Demo 1', savedAt: 2000 });
    expect(reloaded.store.getState().openId).toBe('e1');
  });

  it('lists the newest save first', () => {
    const { library } = setup();
    saveEntry(library, 'first', kubia);
    saveEntry(library, 'second', kubia);
    saveEntry(library, 'third', kubia);
    expect(names(library)).toEqual(['third', 'second', 'first']);
    updateEntry(library, 'e1', kubia);
    expect(names(library)).toEqual(['first', 'third', 'second']);
  });

  it('renames, refusing an empty name', () => {
    const { library } = setup();
    saveEntry(library, 'kubia', kubia);
    expect(renameEntry(library, 'e1', 'kubia with a node down')).toBe(true);
    expect(names(library)).toEqual(['kubia with a node down']);
    expect(renameEntry(library, 'e1', '   ')).toBe(false);
    expect(library.store.getState().failure).toBe('empty-name');
    expect(names(library)).toEqual(['kubia with a node down']);
    expect(saveEntry(library, '', kubia)).toBeNull();
  });

  it('duplicates under a new name and id, keeping the content', () => {
    const { library } = setup();
    saveEntry(library, 'kubia', kubia);
    const copy = duplicateEntry(library, 'e1', 'kubia (copy)');
    expect(copy).toBe('e2');
    expect(names(library)).toEqual(['kubia (copy)', 'kubia']);
    const state = library.store.getState();
    expect(getEntry(state, 'e2')?.scenario).toEqual(kubia.scenario);
    // The working copy still belongs to the original.
    expect(state.openId).toBe('e1');
  });

  it('updates the open entry in place, keeping its name', () => {
    const { library } = setup();
    saveEntry(library, 'kubia', kubia);
    const scaled = { ...kubia, scenario: { ...kubia.scenario, seed: 9 } };
    expect(updateEntry(library, 'e1', scaled)).toBe(true);
    expect(getEntry(library.store.getState(), 'e1')).toMatchObject({ name: 'kubia', scenario: { seed: 9 } });
    expect(names(library)).toEqual(['kubia']);
  });

  it('deletes, and one undo puts the entry back where it was, also in storage', () => {
    const { library, storage } = setup();
    saveEntry(library, 'a', kubia);
    saveEntry(library, 'b', kubia);
    saveEntry(library, 'c', kubia);
    const before = storage.map.get(LIBRARY_KEY);
    expect(deleteEntry(library, 'e2')).toBe(true);
    expect(names(library)).toEqual(['c', 'a']);
    expect(library.store.getState().undo?.name).toBe('b');
    expect(undoDelete(library)).toBe(true);
    expect(names(library)).toEqual(['c', 'b', 'a']);
    expect(storage.map.get(LIBRARY_KEY)).toBe(before);
    expect(library.store.getState().undo).toBeNull();
    expect(undoDelete(library)).toBe(false);
  });

  it('says an entry deleted in another tab is missing, and shows the list as it now is', () => {
    const storage = memoryStorage();
    const { library } = setup(storage);
    const other = setup(storage).library;
    saveEntry(library, 'a', kubia);
    refreshLibrary(other);
    deleteEntry(other, 'e1');
    expect(renameEntry(library, 'e1', 'b')).toBe(false);
    expect(library.store.getState().failure).toBe('missing');
    expect(names(library)).toEqual([]);
  });

  it('keeps the other tab’s entries when saving (it re-reads before writing)', () => {
    const storage = memoryStorage();
    const one = createLibrary({ storage, now: () => 1, newId: () => 'one' });
    const two = createLibrary({ storage, now: () => 2, newId: () => 'two' });
    saveEntry(one, 'from tab one', kubia);
    saveEntry(two, 'from tab two', kubia);
    refreshLibrary(one);
    expect(names(one)).toEqual(['from tab two', 'from tab one']);
  });

  it('on a full quota writes nothing, keeps what it showed and says why', () => {
    const storage = memoryStorage(1500);
    const { library } = setup(storage);
    expect(saveEntry(library, 'small', kubia)).toBe('e1');
    const stored = storage.map.get(LIBRARY_KEY);
    const big = { ...kubia, scenario: { ...kubia.scenario, yaml: 'x'.repeat(2000) } };
    expect(saveEntry(library, 'big', big)).toBeNull();
    expect(library.store.getState().failure).toBe('quota');
    expect(storage.map.get(LIBRARY_KEY)).toBe(stored);
    expect(names(library)).toEqual(['small']);
    expect(library.store.getState().openId).toBe('e1');
    // The next success clears the message.
    expect(renameEntry(library, 'e1', 'tiny')).toBe(true);
    expect(library.store.getState().failure).toBeNull();
  });

  it('works without storage at all (private mode): empty, and saving says it is unavailable', () => {
    const library = createLibrary({ storage: null, now: () => 1, newId: () => 'x' });
    expect(library.store.getState().items).toEqual([]);
    expect(saveEntry(library, 'a', kubia)).toBeNull();
    expect(library.store.getState().failure).toBe('unavailable');
  });
});

describe('restoring a stored library (untrusted)', () => {
  const good = { id: 'g', name: 'good', savedAt: 5, scenarioId: 'kubia', scenario: { yaml: 'kind: Pod\n' } };

  function stored(value: unknown) {
    const storage = memoryStorage();
    storage.map.set(LIBRARY_KEY, typeof value === 'string' ? value : JSON.stringify(value));
    return setup(storage);
  }

  it('shows a corrupt entry as unreadable beside the readable ones', () => {
    const { library } = stored({
      version: 1,
      entries: [
        42,
        { id: 'a', name: 'bad seed', scenario: { yaml: 'x', seed: 'one' } },
        good,
        { id: 'b', name: 'bad action', scenario: { yaml: 'x', actions: [{ type: 'rm -rf' }] } },
        { name: 'no id', scenario: { yaml: 'x' } },
        { id: 'g', name: 'same id again', scenario: { yaml: 'x' } },
      ],
    });
    const items = library.store.getState().items;
    expect(items[0]).toMatchObject({
      kind: 'entry',
      entry: { id: 'g', name: 'good', scenarioId: 'kubia', savedAt: 5 },
    });
    expect(getEntry(library.store.getState(), 'g')?.scenario).toEqual({
      yaml: 'kind: Pod\n',
      seed: 1,
      actions: [],
    });
    expect(items.slice(1).map((i) => i.kind)).toEqual(Array(5).fill('unreadable'));
    expect(items.find((i) => i.key === 'a')).toMatchObject({
      name: 'bad seed',
      reason: expect.stringContaining('seed'),
    });
  });

  it('refuses prototype-polluting keys and hostile values without throwing', () => {
    const text =
      '{"version":1,"entries":[{"id":"p","name":"x","scenario":{"yaml":"a","layout":{"__proto__":{"x":1,"y":2}}}},' +
      '{"id":"__proto__","name":"y","scenario":{"yaml":"a"},"counts":{"pods":-1,"services":"2","ingresses":1e300}},' +
      '{"id":"n","name":"' +
      'n'.repeat(5000) +
      '","savedAt":"yesterday","scenarioId":{"evil":1},"scenario":{"yaml":"a"}}]}';
    const { library } = stored(text);
    const state = library.store.getState();
    expect(state.items.find((i) => i.key === 'p')?.kind).toBe('unreadable');
    const proto = getEntry(state, '__proto__');
    expect(proto?.counts).toBeUndefined();
    const long = getEntry(state, 'n');
    expect(long).toMatchObject({ savedAt: null, scenarioId: 'custom' });
    expect(long?.name.length).toBe(200);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps unreadable entries when saving, and deletes one when asked (with undo)', () => {
    const { library, storage } = stored({ version: 1, entries: [good, 'junk'] });
    saveEntry(library, 'new', kubia);
    const entries = JSON.parse(storage.map.get(LIBRARY_KEY) ?? '') as { entries: unknown[] };
    expect(entries.entries).toContain('junk');
    const junk = library.store.getState().items.find((i) => i.kind === 'unreadable');
    expect(junk?.key).toBe('#2');
    expect(deleteEntry(library, junk?.key ?? '')).toBe(true);
    expect(library.store.getState().items.every((i) => i.kind === 'entry')).toBe(true);
    undoDelete(library);
    expect(library.store.getState().items.some((i) => i.kind === 'unreadable')).toBe(true);
  });

  it('treats text that is no library as corrupt; the first save keeps it under a backup key', () => {
    for (const text of ['{not json', '[]', '{"version":1}', '{"entries":[]}', 'null']) {
      const { library, storage } = stored(text);
      expect(library.store.getState()).toMatchObject({ items: [], problem: 'corrupt' });
      expect(saveEntry(library, 'fresh', kubia)).toBe('e1');
      expect(storage.map.get(LIBRARY_BACKUP_KEY)).toBe(text);
      expect(library.store.getState().problem).toBeNull();
      expect(names(library)).toEqual(['fresh']);
    }
  });

  it('never overwrites a library a newer kubeplay wrote', () => {
    const text = JSON.stringify({ version: 2, entries: [{ something: 'new' }] });
    const { library, storage } = stored(text);
    expect(library.store.getState().problem).toBe('newer');
    expect(saveEntry(library, 'a', kubia)).toBeNull();
    expect(library.store.getState().failure).toBe('newer');
    expect(storage.map.get(LIBRARY_KEY)).toBe(text);
  });

  it('reads an open marker that names nothing as no entry', () => {
    const storage = memoryStorage();
    storage.map.set(LIBRARY_OPEN_KEY, 'gone');
    const { library } = setup(storage);
    expect(getEntry(library.store.getState(), library.store.getState().openId)).toBeNull();
  });
});
