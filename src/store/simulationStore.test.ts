import { describe, it, expect } from 'vitest';
import { createSimulation, reviseSimulation } from '../engine/index.ts';
import type { Diagnostic, Simulation } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createKubiaFixture } from './testing/clusterFixture.ts';
import { applyEngineError, applySimulation, createSimulationStore } from './simulationStore.ts';
import { NO_GRAPH_FACTS } from '../worker/graphFacts.ts';

const syntaxError: Diagnostic = {
  file: 'manifest.yaml',
  line: 3,
  column: 1,
  severity: 'error',
  path: '',
  message: 'bad indentation',
  code: 'yaml-syntax',
};
const sim = (diagnostics: Diagnostic[] = []): Simulation => ({
  state: createKubiaFixture(),
  diagnostics,
  manifests: [],
  actions: [],
});

describe('simulation store', () => {
  it('applies a good run', () => {
    const store = createSimulationStore();
    const good = sim();
    applySimulation(store, good, NO_GRAPH_FACTS);
    expect(store.getState()).toMatchObject({ sim: good, stale: false, status: 'ready', revision: 1 });
  });

  it('takes the stale cluster the engine keeps after a syntax error, so every view shares it', () => {
    const store = createSimulationStore();
    const kubia = SCENARIO_TEXTS['kubia'] ?? '';
    const input = (text: string) => ({ files: [{ file: 'manifest.yaml', text }], seed: 1, actions: [] });
    const good = createSimulation(input(kubia));
    applySimulation(store, good, NO_GRAPH_FACTS);
    const broken = reviseSimulation(
      good,
      input(kubia.replace('  selector:\n    app: kubia\n---', '  selector [oops\n---')),
    );
    applySimulation(store, broken, NO_GRAPH_FACTS);
    expect(store.getState().sim?.state).toBe(good.state);
    expect(store.getState().stale).toBe(true);
    expect(store.getState().diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(true);
    applySimulation(store, reviseSimulation(broken, input(kubia)), NO_GRAPH_FACTS);
    expect(store.getState().stale).toBe(false);
  });

  it('shows a broken first run rather than nothing, and reports engine failures', () => {
    const store = createSimulationStore();
    applySimulation(store, sim([syntaxError]), NO_GRAPH_FACTS);
    expect(store.getState().sim).not.toBeNull();
    const empty = createSimulationStore();
    applyEngineError(empty, 'boom');
    expect(empty.getState()).toMatchObject({ status: 'failed', engineError: 'boom' });
  });
});
