import { describe, it, expect } from 'vitest';
import { encodeScenario } from '../share/index.ts';
import { viewOfOpenedLink } from './linkView.ts';
import { NARRATION_STORAGE_KEY, readSavedNarration, saveNarration } from './narration.ts';
import { makeShareLink, openShareLink } from './shareLink.ts';
import { memoryStorage } from './testing/memoryStorage.ts';

const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n';
const scenario = { scenarioId: 'custom', yaml, seed: 1, actions: [] };

describe('narration level', () => {
  it('is remembered per browser; anything else saved there reads as unset', () => {
    const storage = memoryStorage();
    expect(readSavedNarration(storage)).toBeNull();
    saveNarration(storage, 'details');
    expect(readSavedNarration(storage)).toBe('details');
    storage.setItem(NARRATION_STORAGE_KEY, 'loud');
    expect(readSavedNarration(storage)).toBeNull();
    expect(readSavedNarration(null)).toBeNull();
  });

  it('a details link opens in details; a link without the level leaves the viewer in theirs', () => {
    const details = makeShareLink(scenario, { positions: {}, selection: null, narration: 'details' });
    const opened = openShareLink(`#${details}`);
    expect(opened?.ok && viewOfOpenedLink(opened.link).narration).toBe('details');
    const old = openShareLink(`#${encodeScenario({ yaml, seed: 1, actions: [] })}`);
    expect(old?.ok && 'narration' in viewOfOpenedLink(old.link)).toBe(false);
    // Plain is the default: the link stays as short as before.
    expect(makeShareLink(scenario, { positions: {}, selection: null, narration: 'plain' })).toBe(
      encodeScenario({ yaml, seed: 1, actions: [] }),
    );
  });
});
