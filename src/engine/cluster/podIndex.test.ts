/**
 * podSelect answers a selector object it was asked before from memory (the endpoints and EndpointSlice
 * controllers ask with each Service's selector in turn). Every answer, first or remembered, scanned or
 * indexed, must be selectPods' answer over a fresh index, whatever the order and the namespace asked.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { indexPods, podSelect, selectPods } from './podIndex.ts';

const TEXTS: Record<string, string> = {
  ...SCENARIO_TEXTS,
  generated: generateScenario({ nodes: 7, apps: 60, ingresses: 9, namespaces: 3 }),
};

describe('podSelect', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`answers as selectPods does, asked twice per selector and from another namespace: ${name}`, () => {
      const { state } = createSimulation({ files: [{ file: 'm.yaml', text }] });
      const index = indexPods(state.pods);
      const select = podSelect(state.pods);
      const asks = state.services.flatMap(({ manifest: m }) =>
        m.spec.selector ? [{ namespace: m.metadata.namespace, selector: m.spec.selector }] : [],
      );
      expect(asks.length).toBeGreaterThan(0);
      const namespaces = [...new Set(state.pods.map((p) => p.metadata.namespace)), 'nowhere'];
      // twice over (the second round remembered), then each selector from every namespace
      for (const { namespace, selector } of [...asks, ...asks])
        expect(select(namespace, selector)).toEqual(selectPods(index, namespace, selector));
      for (const { selector } of asks)
        for (const namespace of namespaces)
          expect(select(namespace, selector)).toEqual(selectPods(index, namespace, selector));
    });
  }
});
