import { describe, expect, it } from 'vitest';
import { KINDS } from '../parse/apiVersions.ts';
import { RESOURCE_TYPES } from '../shell/kubectl/resources.ts';
import { findKindModule } from './registry.ts';

describe('the kind registry', () => {
  it('decodes every kind the parser admits (buildObject relies on it)', () => {
    const missing = Object.keys(KINDS)
      .filter((kind) => kind !== 'List')
      .filter((kind) => !findKindModule(kind)?.decode);
    expect(missing).toEqual([]);
  });

  it('lists, prints and returns every resource type kubectl serves', () => {
    const missing = RESOURCE_TYPES.filter((t) => {
      const module = findKindModule(t.kind);
      return !module?.list || !module.headers || !module.row || !module.toApiObject;
    }).map((t) => t.kind);
    expect(missing).toEqual([]);
  });

  it('files each module under its own kind', () => {
    for (const kind of [...Object.keys(KINDS).filter((k) => k !== 'List'), 'Event'])
      expect(findKindModule(kind)?.kind).toBe(kind);
  });

  it('finds no module for text that is not a kind (share links carry untrusted kinds)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'pod', 'StatefulSet', ''])
      expect(findKindModule(name)).toBeUndefined();
  });
});
