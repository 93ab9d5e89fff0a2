/** The bundled scenarios as the app shows them: the catalogue from src/scenarios with its YAML texts. */
import { DEFAULT_SCENARIO_ID, SCENARIOS } from '../../scenarios/index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import type { ScenarioEntry } from '../../store/kubeplayApp.ts';

export function getBundledScenarios(): ScenarioEntry[] {
  const entries = SCENARIOS.flatMap((s) => {
    const yaml = SCENARIO_TEXTS[s.id];
    return yaml === undefined ? [] : [{ id: s.id, title: s.title, yaml }];
  });
  // The default scenario first: the app opens with it.
  return entries.sort((a, b) => Number(b.id === DEFAULT_SCENARIO_ID) - Number(a.id === DEFAULT_SCENARIO_ID));
}
