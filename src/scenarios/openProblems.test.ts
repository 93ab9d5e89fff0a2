/**
 * A bundled scenario opens with no problems in the Problems count, unless its lesson is that problem
 * (issue 11 §7: the loadbalancer scenario opened with "1 problem", a hint on a correct manifest).
 */
import { describe, it, expect } from 'vitest';
import { createSimulation } from '../engine/index.ts';
import { SCENARIOS } from './index.ts';
import { SCENARIO_TEXTS } from './scenarioTexts.ts';

/** The problems a scenario is about, by the diagnostic's path and the start of its message. */
const INTENDED: Record<string, { severity: string; path: string; message: string }[]> = {
  // "NodePort: Cluster vs Local": which nodes drop external traffic under Local is the lesson.
  nodeport: [
    {
      severity: 'info',
      path: 'spec.externalTrafficPolicy',
      message: 'with externalTrafficPolicy: Local, nodes without a ready pod',
    },
  ],
  // The book's extensions/v1beta1 Ingress: the deprecation and its conversion are the lesson.
  'ingress-v1beta1': [
    {
      severity: 'warning',
      path: 'apiVersion',
      message: 'extensions/v1beta1 Ingress is deprecated',
    },
  ],
};

describe('bundled scenarios open without problems', () => {
  it.each(SCENARIOS.map((s) => [s.id] as const))('%s opens with only the problems it teaches', (id) => {
    const sim = createSimulation({ files: [{ file: 'manifest.yaml', text: SCENARIO_TEXTS[id] ?? '' }] });
    const found = sim.diagnostics.map((d) => ({ severity: d.severity, path: d.path, message: d.message }));
    const intended = INTENDED[id] ?? [];
    expect(found).toHaveLength(intended.length);
    intended.forEach((want, i) => {
      expect(found[i]).toMatchObject({ severity: want.severity, path: want.path });
      expect(found[i]?.message.startsWith(want.message)).toBe(true);
    });
  });

  it('a LoadBalancer Service with Local and an address gets no hint; without an address (pending) it does', () => {
    const text = SCENARIO_TEXTS.loadbalancer ?? '';
    expect(createSimulation({ files: [{ file: 'manifest.yaml', text }] }).diagnostics).toEqual([]);
    // Without MetalLB's pool the address stays <pending>: the node port is the only way in.
    const pending = text.slice(0, text.indexOf('apiVersion: metallb.io/v1beta1'));
    const hints = createSimulation({ files: [{ file: 'manifest.yaml', text: pending }] }).diagnostics;
    expect(hints.map((d) => [d.code, d.path])).toEqual([
      ['hint-local-policy-nodes', 'spec.externalTrafficPolicy'],
    ]);
  });
});
