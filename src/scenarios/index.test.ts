import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_SCENARIO_ID, SCENARIOS, getScenarioInfo } from './index.ts';
import { SCENARIO_TEXTS } from './scenarioTexts.ts';

describe('bundled scenarios', () => {
  it('lists every text once, with unique ids, and the default among them', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice().sort()).toEqual(Object.keys(SCENARIO_TEXTS).sort());
    expect(getScenarioInfo(DEFAULT_SCENARIO_ID)?.file).toBe('kubia.yaml');
  });

  it.each(SCENARIOS.map((s) => [s.id] as const))(
    '%s is valid YAML where every document has apiVersion and kind',
    (id) => {
      const docs = parseAllDocuments(SCENARIO_TEXTS[id] ?? '');
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        expect(doc.errors).toEqual([]);
        const obj = doc.toJS() as { apiVersion?: unknown; kind?: unknown };
        expect(typeof obj.apiVersion).toBe('string');
        expect(typeof obj.kind).toBe('string');
      }
    },
  );
});
