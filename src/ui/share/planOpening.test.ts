import { describe, it, expect } from 'vitest';
import { encodeScenario } from '../../share/index.ts';
import { planLinkOpening } from './linkOpening.ts';
import { planOpening } from './planOpening.ts';

const bundled = [{ id: 'kubia', yaml: 'kind: Pod\n' }];
const saved = { scenarioId: 'custom', yaml: 'mine', seed: 1, actions: [] };
const none = { open: null, ask: null, error: null, linkEmbed: false };

describe('planOpening', () => {
  it.each([
    ['', { ...none, embed: null, autosave: true }],
    ['?embed', { ...none, embed: { terminal: false, yaml: false }, autosave: false }],
    ['?embed=terminal,yaml', { ...none, embed: { terminal: true, yaml: true }, autosave: false }],
    ['?embed=0', { ...none, embed: null, autosave: true }],
  ])('without a fragment, %s: the autosave and the embed switch only', async (search, expected) => {
    for (const hash of ['', '#'])
      expect(await planOpening({ hash, search, saved, bundled })).toEqual(expected);
  });

  it('with a fragment, hands over to the link planner (and reads the embed flag the link carries)', async () => {
    const broken = { hash: '#z9.nope', search: '', saved, bundled };
    expect((await planOpening(broken)).error).toContain('z9');
    const flagged = `#${encodeScenario({ yaml: 'kind: Pod\n', seed: 1, actions: [], view: { embed: true } })}`;
    const plan = await planOpening({ hash: flagged, search: '', saved, bundled });
    expect(plan).toEqual(planLinkOpening({ hash: flagged, search: '', saved, bundled }));
    expect(plan).toMatchObject({ linkEmbed: true, embed: { terminal: false, yaml: false }, autosave: false });
  });
});
