import { describe, it, expect } from 'vitest';
import { isSameContent } from './libraryContent.ts';

const base = {
  yaml: 'kind: Pod\n',
  seed: 1,
  actions: [{ type: 'node' as const, name: 'w', up: false }],
  layout: { 'node/a': { x: 1, y: 2 }, 'node/b': { x: 3, y: 4 } },
};

describe('isSameContent', () => {
  it('is the same cluster and arrangement whatever the key order, selection or request', () => {
    const reordered = { ...base, layout: { 'node/b': { x: 3, y: 4 }, 'node/a': { x: 1, y: 2 } } };
    expect(isSameContent(base, reordered)).toBe(true);
    expect(
      isSameContent(base, { ...base, view: { selected: 'node/a', request: { from: 'x', url: 'y' } } }),
    ).toBe(true);
  });

  it('compares actions field by field, whatever order their keys were written in', () => {
    const engineOrder = { ...base, actions: [{ name: 'w', up: false, type: 'node' as const }] };
    expect(isSameContent(base, engineOrder)).toBe(true);
  });

  it('differs on YAML, seed, actions or a moved node', () => {
    expect(isSameContent(base, { ...base, yaml: 'kind: Service\n' })).toBe(false);
    expect(isSameContent(base, { ...base, seed: 2 })).toBe(false);
    expect(isSameContent(base, { ...base, actions: [] })).toBe(false);
    expect(
      isSameContent(base, { ...base, layout: { 'node/a': { x: 1, y: 5 }, 'node/b': { x: 3, y: 4 } } }),
    ).toBe(false);
    const { layout: _layout, ...withoutLayout } = base;
    expect(isSameContent(base, withoutLayout)).toBe(false);
    expect(isSameContent({ ...withoutLayout, layout: {} }, withoutLayout)).toBe(true);
  });

  it('is the same copy when only time passed (waits the page clock takes by itself)', () => {
    const waited = {
      ...base,
      actions: [
        { type: 'wait' as const, seconds: 1 },
        ...base.actions,
        { type: 'wait' as const, seconds: 30 },
      ],
    };
    expect(isSameContent(base, waited)).toBe(true);
    expect(isSameContent({ ...base, actions: [] }, waited)).toBe(false);
  });
});
