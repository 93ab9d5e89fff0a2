import { describe, it, expect } from 'vitest';
import { decodeScenario, toShareUrl } from './index.ts';
import { encodeLz } from './testing/encodeLz.ts';

describe('toShareUrl', () => {
  const scenario = { yaml: 'kind: Pod\n', seed: 1, actions: [] };

  it('puts the scenario in the fragment, replacing any old one and keeping the query', () => {
    const url = toShareUrl('https://kubeplay.example.org/?embed=1#z1.old', scenario);
    expect(url).toMatch(/^https:\/\/kubeplay\.example\.org\/\?embed=1#z1\.[A-Za-z0-9_-]+$/);
    expect(decodeScenario(url)).toEqual({ ok: true, scenario });
  });

  it('makes z1 links only; an lz link a script made still opens', () => {
    expect(toShareUrl('/', scenario)).toMatch(/^\/#z1\./);
    expect(decodeScenario(`/#${encodeLz(scenario)}`)).toEqual({ ok: true, scenario });
  });
});
