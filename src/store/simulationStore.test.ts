import { describe, it, expect } from 'vitest';
import type { Diagnostic, Simulation } from '../engine/index.ts';
import { createKubiaFixture } from './testing/clusterFixture.ts';
import { applyEngineError, applySimulation, createSimulationStore, isBrokenYaml } from './simulationStore.ts';

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
    applySimulation(store, good);
    expect(store.getState()).toMatchObject({ sim: good, stale: false, status: 'ready', revision: 1 });
  });

  it('keeps the last good cluster when the YAML breaks, and marks it stale', () => {
    const store = createSimulationStore();
    const good = sim();
    applySimulation(store, good);
    applySimulation(store, sim([syntaxError]));
    expect(store.getState().sim).toBe(good);
    expect(store.getState().stale).toBe(true);
    expect(store.getState().diagnostics).toEqual([syntaxError]);
    applySimulation(store, sim());
    expect(store.getState().stale).toBe(false);
  });

  it('shows a broken first run rather than nothing, and reports engine failures', () => {
    const store = createSimulationStore();
    applySimulation(store, sim([syntaxError]));
    expect(store.getState().sim).not.toBeNull();
    const empty = createSimulationStore();
    applyEngineError(empty, 'boom');
    expect(empty.getState()).toMatchObject({ status: 'failed', engineError: 'boom' });
  });

  it('treats only YAML errors as broken', () => {
    expect(isBrokenYaml([{ ...syntaxError, code: 'svc-nodeport-range' }])).toBe(false);
    expect(isBrokenYaml([{ ...syntaxError, severity: 'warning' }])).toBe(false);
    expect(isBrokenYaml([syntaxError])).toBe(true);
  });
});
