import { describe, it, expect } from 'vitest';
import { planLinkOpening } from './linkOpening.ts';
import { planOpening, planWithoutLink } from './planOpening.ts';

const bundled = [{ id: 'kubia', yaml: 'kind: Pod\n' }];
const saved = { scenarioId: 'custom', yaml: 'mine', seed: 1, actions: [] };

describe('planOpening', () => {
  it.each(['', '?embed', '?embed=terminal,yaml', '?embed=0', '?x=1'])(
    'without a fragment (%s) plans exactly as the link planner does, without loading the codec',
    async (search) => {
      for (const hash of ['', '#']) {
        const input = { hash, search, saved, bundled };
        expect(planWithoutLink(search)).toEqual(planLinkOpening(input));
        expect(await planOpening(input)).toEqual(planLinkOpening(input));
      }
    },
  );

  it('with a fragment, hands over to the link planner', async () => {
    const input = { hash: '#z9.nope', search: '', saved, bundled };
    expect(await planOpening(input)).toEqual(planLinkOpening(input));
    expect((await planOpening(input)).error).not.toBeNull();
  });
});
