import { describe, it, expect } from 'vitest';
import { decodeScenario, toShareUrl } from './index.ts';

describe('toShareUrl', () => {
  const scenario = { yaml: 'kind: Pod\n', seed: 1, actions: [] };

  it('puts the scenario in the fragment, replacing any old one and keeping the query', () => {
    const url = toShareUrl('https://kubeplay.example.org/?embed=1#z1.old', scenario);
    expect(url).toMatch(/^https:\/\/kubeplay\.example\.org\/\?embed=1#z1\.[A-Za-z0-9_-]+$/);
    expect(decodeScenario(url)).toEqual({ ok: true, scenario });
  });

  it('makes lz links on request', () => {
    expect(toShareUrl('/', scenario, 'lz')).toMatch(/^\/#lz\./);
  });
});
