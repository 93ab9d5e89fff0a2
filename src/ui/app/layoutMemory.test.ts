import { describe, expect, it } from 'vitest';
import { setSpeed } from '../../store/viewActions.ts';
import { createViewStore, resizePanel } from '../../store/viewStore.ts';
import { defaultLayout, LAYOUT_STORAGE_KEY, rememberLayout, restoreLayout } from './layoutMemory.ts';

const laptop = defaultLayout(1366);

describe('the remembered layout', () => {
  it('opens the YAML from 1280 px and the details only from 1440 px; the bottom panel starts closed', () => {
    expect(defaultLayout(1024)).toMatchObject({ editorOpen: false, detailsOpen: false, bottomOpen: false });
    expect(laptop).toMatchObject({ editorOpen: true, detailsOpen: false, bottomOpen: false });
    expect(defaultLayout(1440)).toMatchObject({ editorOpen: true, detailsOpen: true });
  });

  it('reads a saved layout field by field, keeping sizes within their limits', () => {
    const saved = JSON.stringify({
      editorOpen: false,
      editorWidth: 99999,
      detailsOpen: 'yes',
      detailsWidth: 320.4,
      bottomOpen: true,
      bottomTab: 'rm -rf',
      bottomHeight: -5,
    });
    expect(restoreLayout(saved, laptop)).toEqual({
      ...laptop,
      editorOpen: false,
      editorWidth: 1000,
      detailsWidth: 320,
      bottomOpen: true,
      bottomHeight: 140,
    });
  });

  it('falls back to the screen default on nothing, garbage or a non-object', () => {
    for (const text of [null, '', '{', '42', 'null', '[1]'])
      expect(restoreLayout(text, laptop)).toEqual(laptop);
  });

  it('saves when a panel opens or is resized, not when something else changes', () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (k: string) => values.get(k) ?? null,
      setItem: (k: string, v: string) => void values.set(k, v),
    };
    const view = createViewStore();
    rememberLayout(view, storage, 1366);
    expect(view.getState().detailsOpen).toBe(false);
    setSpeed(view, 2);
    expect(values.has(LAYOUT_STORAGE_KEY)).toBe(false);
    resizePanel(view, 'editorWidth', 500);
    expect(JSON.parse(values.get(LAYOUT_STORAGE_KEY) ?? '{}')).toMatchObject({ editorWidth: 500 });
    const again = createViewStore();
    rememberLayout(again, storage, 1366);
    expect(again.getState().editorWidth).toBe(500);
  });
});
