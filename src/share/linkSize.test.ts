/**
 * The link-size targets are product requirements, not benchmarks: a teacher's QR code must scan from
 * the back of a room (≤ 400 characters for the default scenario with a few actions), and a link must
 * be at least 50% shorter than plain lz-string of the same scenario JSON, for every bundled scenario.
 */
import { describe, it, expect } from 'vitest';
import LZString from 'lz-string';
import { DEFAULT_SCENARIO_ID, getScenarioInfo } from '../scenarios/index.ts';
import { encodeScenario, toScenarioJson } from './index.ts';
import type { SharedScenario } from './index.ts';

const bundled = import.meta.glob<string>('../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const unbundled = import.meta.glob<string>('./testdata/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const fewActions: SharedScenario['actions'] = [
  { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
  { type: 'podReady', namespace: 'default', name: 'kubia-x7k2p', ready: false },
  { type: 'node', name: 'kind-worker', up: false },
  { type: 'hosts', client: 'laptop', ip: '172.18.0.3', hostnames: ['kubia.example.com'] },
];

const lzStringLength = (s: SharedScenario) =>
  LZString.compressToEncodedURIComponent(JSON.stringify(toScenarioJson(s))).length;

describe('share link size', () => {
  it('finds the bundled scenarios', () => {
    expect(Object.keys(bundled).length).toBeGreaterThan(0);
  });

  it('encodes the default scenario with a few actions in at most 400 characters', () => {
    const file = getScenarioInfo(DEFAULT_SCENARIO_ID)?.file ?? 'kubia.yaml';
    const yaml = bundled[`../scenarios/${file}`];
    expect(yaml).toBeDefined();
    const link = encodeScenario({
      yaml: yaml ?? '',
      seed: 42,
      actions: fewActions,
      lesson: { id: 'services', step: 3 },
    });
    expect(link.length).toBeLessThanOrEqual(400);
  });

  it('encodes the book’s own chapter 5 manifests (not in the dictionary) in at most 400 characters', () => {
    for (const yaml of Object.values(unbundled)) {
      expect(encodeScenario({ yaml, seed: 42, actions: fewActions }).length).toBeLessThanOrEqual(400);
    }
  });

  it.each(Object.entries({ ...bundled, ...unbundled }))(
    '%s: the link is at least 50% shorter than lz-string’s',
    (_file, yaml) => {
      for (const scenario of [
        { yaml, seed: 1, actions: [] },
        { yaml, seed: 42, actions: fewActions },
      ]) {
        expect(encodeScenario(scenario).length).toBeLessThanOrEqual(lzStringLength(scenario) / 2);
      }
    },
  );
});
