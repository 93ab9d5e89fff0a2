/**
 * A link carries the hop narration level (`view.narration`): `z1` writes `v.n` (1 details, 0 plain),
 * `lz` writes the field by name. Links made before the field existed open as they did; a level this
 * build does not know is dropped, not refused.
 */
import { describe, it, expect } from 'vitest';
import { decodeScenario, encodeScenario } from './index.ts';
import { encodeAs } from './testing/encodeLz.ts';
import type { SharedScenario } from './index.ts';
import LZString from 'lz-string';

const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n';
const base: SharedScenario = { yaml, seed: 1, actions: [] };

describe('narration level in a link', () => {
  for (const format of ['z1', 'lz'] as const) {
    it(`${format}: details and plain survive the round trip`, () => {
      for (const narration of ['details', 'plain'] as const) {
        const shared: SharedScenario = { ...base, view: { selected: 'svc/default/kubia', narration } };
        const decoded = decodeScenario(encodeAs(shared, format));
        expect(decoded).toEqual({ ok: true, scenario: shared });
      }
    });
  }

  it('a link without the field has none (the viewer keeps their own level)', () => {
    const decoded = decodeScenario(encodeScenario(base));
    expect(decoded.ok && decoded.scenario.view).toBeUndefined();
  });

  it('writes only one short key in z1', () => {
    const plainLink = encodeScenario(base);
    const detailsLink = encodeScenario({ ...base, view: { narration: 'details' } });
    expect(detailsLink.length - plainLink.length).toBeLessThan(16);
  });

  it('a level from a newer kubeplay is dropped, and the link still opens', () => {
    const json = JSON.stringify({ yaml, view: { narration: 'poetry', selected: 'svc/default/kubia' } });
    const decoded = decodeScenario(`lz.${LZString.compressToEncodedURIComponent(json)}`);
    expect(decoded).toEqual({ ok: true, scenario: { ...base, view: { selected: 'svc/default/kubia' } } });
  });
});
