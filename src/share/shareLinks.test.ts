import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { decodeScenario, encodeScenario } from './index.ts';
import { encodeAs, encodeLz } from './testing/encodeLz.ts';
import type { SharedScenario } from './index.ts';
import { scenarioArbitrary } from './testing/arbitraries.ts';

const kubiaYaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n';

describe('share links round-trip', () => {
  it.each(['z1', 'lz'] as const)('any SharedScenario comes back exactly (%s)', (format) => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const link = encodeAs(scenario, format);
        expect(link.startsWith(`${format}.`)).toBe(true);
        expect(link).toMatch(/^[A-Za-z0-9._~$+-]+$/);
        expect(decodeScenario(link)).toEqual({ ok: true, scenario });
      }),
      { numRuns: 300 },
    );
  });

  it('writes only non-default fields: seed 1, no actions, empty layout and view cost nothing', () => {
    const bare: SharedScenario = { yaml: kubiaYaml, seed: 1, actions: [] };
    const withDefaults: SharedScenario = { ...bare, layout: {}, view: {} };
    expect(encodeScenario(withDefaults)).toBe(encodeScenario(bare));
    expect(decodeScenario(encodeScenario(withDefaults))).toEqual({ ok: true, scenario: bare });
    expect(encodeScenario({ ...bare, seed: 2 }).length).toBeGreaterThan(encodeScenario(bare).length);
  });

  it('writes lz links as the plain scenario JSON with only non-default fields', () => {
    const link = encodeLz({ yaml: kubiaYaml, seed: 1, actions: [], layout: {}, view: {} });
    const json = LZString.decompressFromEncodedURIComponent(link.slice('lz.'.length));
    expect(JSON.parse(json)).toEqual({ yaml: kubiaYaml });
  });

  it('accepts the hash, a whole URL, surrounding whitespace and trailing punctuation', () => {
    const scenario: SharedScenario = { yaml: kubiaYaml, seed: 42, actions: [{ type: 'wait', seconds: 30 }] };
    const link = encodeScenario(scenario);
    const texts = [
      link,
      `#${link}`,
      `https://kubeplay.example/?embed=1#${link}`,
      `  ${link}\n`,
      `(https://kubeplay.example/#${link}).`,
    ];
    for (const text of [...texts, `<https://kubeplay.example/#${encodeLz(scenario)}>,`]) {
      expect(decodeScenario(text)).toEqual({ ok: true, scenario });
    }
  });

  it('writes the namespace of an action only when it is not default', () => {
    const scale = (namespace: string): SharedScenario => ({
      yaml: '',
      seed: 1,
      actions: [{ type: 'scale', kind: 'ReplicationController', namespace, name: 'kubia', replicas: 5 }],
    });
    expect(encodeScenario(scale('default')).length).toBeLessThan(encodeScenario(scale('kube-system')).length);
    expect(decodeScenario(encodeScenario(scale('kube-system')))).toEqual({
      ok: true,
      scenario: scale('kube-system'),
    });
  });

  it('carries a delete’s grace period after its namespace, and older links read without one', () => {
    const remove = (namespace: string, grace?: number): SharedScenario => ({
      yaml: '',
      seed: 1,
      actions: [
        {
          type: 'delete',
          kind: 'Pod',
          namespace,
          name: 'kubia-x',
          ...(grace === undefined ? {} : { gracePeriodSeconds: grace }),
        },
      ],
    });
    for (const scenario of [remove('default'), remove('default', 0), remove('web', 5), remove('web')])
      expect(decodeScenario(encodeScenario(scenario))).toEqual({ ok: true, scenario });
    expect(encodeScenario(remove('default')).length).toBeLessThan(
      encodeScenario(remove('default', 0)).length,
    );
  });

  it('makes the same link for the same scenario every time', () => {
    const scenario: SharedScenario = {
      yaml: kubiaYaml,
      seed: 5,
      actions: [{ type: 'client', name: 'laptop2' }],
    };
    expect(encodeScenario(scenario)).toBe(encodeScenario(structuredClone(scenario)));
  });

  it('keeps a byte-order mark and NUL characters in the YAML', () => {
    const scenario: SharedScenario = { yaml: '\uFEFFkind: Pod\0\n', seed: 1, actions: [] };
    expect(decodeScenario(encodeScenario(scenario))).toEqual({ ok: true, scenario });
  });

  it('turns a lone surrogate into U+FFFD, as UTF-8 must', () => {
    const result = decodeScenario(encodeScenario({ yaml: 'a\uD800b', seed: 1, actions: [] }));
    expect(result).toEqual({ ok: true, scenario: { yaml: 'a\uFFFDb', seed: 1, actions: [] } });
  });
});
