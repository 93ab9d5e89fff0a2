import { describe, it, expect } from 'vitest';
import { encodeScenario } from '../../share/index.ts';
import { isSameScenario, planLinkOpening } from './linkOpening.ts';

const kubia = { id: 'kubia', yaml: 'kind: ReplicationController\n' };
const shared = { yaml: 'kind: Pod\n', seed: 3, actions: [] };
const hash = `#${encodeScenario(shared)}`;
const mine = { scenarioId: 'custom', yaml: 'kind: Service\n', seed: 1, actions: [] };

function plan(over: Partial<Parameters<typeof planLinkOpening>[0]> = {}) {
  return planLinkOpening({ hash, search: '', saved: null, bundled: [kubia], ...over });
}

describe('planLinkOpening', () => {
  it('opens a link at once when nothing is saved', () => {
    const p = plan();
    expect(p.open?.scenario).toMatchObject({ yaml: 'kind: Pod\n', seed: 3 });
    expect(p.ask).toBeNull();
    expect(p.autosave).toBe(true);
  });

  it('asks before replacing autosaved work that differs', () => {
    const p = plan({ saved: mine });
    expect(p.open).toBeNull();
    expect(p.ask?.scenario.yaml).toBe('kind: Pod\n');
  });

  it('does not ask when the saved work is the same scenario', () => {
    const p = plan({ saved: { ...mine, yaml: 'kind: Pod\n', seed: 3 } });
    expect(p.open).not.toBeNull();
    expect(p.ask).toBeNull();
  });

  it('does not ask over an untouched bundled example', () => {
    const p = plan({ saved: { scenarioId: 'kubia', yaml: kubia.yaml, seed: 1, actions: [] } });
    expect(p.open).not.toBeNull();
  });

  it('asks over a bundled example with actions taken', () => {
    const saved = {
      scenarioId: 'kubia',
      yaml: kubia.yaml,
      seed: 1,
      actions: [{ type: 'node', name: 'kind-worker', up: false }] as never[],
    };
    expect(plan({ saved }).ask).not.toBeNull();
  });

  it.each(['#z1.garbage', hash.slice(0, hash.length - 6), '#zz9.nothing'])(
    'reports a broken link %s and opens nothing',
    (bad) => {
      const p = plan({ hash: bad, saved: mine });
      // The codec's reason only: LinkErrorAlert sets it in the sentence of the page's language.
      expect(p.error).toMatch(/\S/);
      expect(p.error).not.toMatch(/^The link could not be opened/);
      expect(p.open).toBeNull();
      expect(p.ask).toBeNull();
    },
  );

  it('opens in embed mode without asking and without autosave', () => {
    const p = plan({ search: '?embed=terminal', saved: mine });
    expect(p.embed).toEqual({ terminal: true, yaml: false });
    expect(p.open).not.toBeNull();
    expect(p.autosave).toBe(false);
  });

  it('honours the embed flag a link carries', () => {
    const flagged = `#${encodeScenario({ ...shared, view: { embed: true } })}`;
    expect(plan({ hash: flagged }).embed).toEqual({ terminal: false, yaml: false });
    expect(plan({ hash: flagged, search: '?embed=0' }).embed).toBeNull();
  });

  it('names the bundled example a link carries unchanged', () => {
    const link = `#${encodeScenario({ yaml: kubia.yaml, seed: 1, actions: [] })}`;
    expect(plan({ hash: link }).open?.scenario.scenarioId).toBe('kubia');
    expect(plan().open?.scenario.scenarioId).toBe('custom');
  });

  it('does nothing without a link', () => {
    expect(plan({ hash: '' })).toMatchObject({ open: null, ask: null, error: null, embed: null });
  });
});

describe('isSameScenario', () => {
  it('compares yaml, seed and actions', () => {
    expect(isSameScenario(mine, { ...mine, scenarioId: 'other' })).toBe(true);
    expect(isSameScenario(mine, { ...mine, seed: 2 })).toBe(false);
  });
});
