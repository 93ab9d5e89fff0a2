import { describe, it, expect } from 'vitest';
import { restoreScenario } from './restoreScenario.ts';

describe('restoreScenario', () => {
  it('fills the defaults of a bare scenario', () => {
    expect(restoreScenario({ yaml: 'kind: Pod' })).toEqual({
      ok: true,
      scenario: { yaml: 'kind: Pod', seed: 1, actions: [] },
    });
  });

  it('returns fresh objects that share nothing with the input', () => {
    const input = {
      yaml: '',
      actions: [{ type: 'label', kind: 'Pod', namespace: 'default', name: 'a', set: { x: '1' }, remove: [] }],
      layout: { 'pod/default/a': { x: 1, y: 2 } },
    };
    const result = restoreScenario(input);
    if (!result.ok) throw new Error(result.error.message);
    input.actions[0]!.set.x = 'changed';
    input.layout['pod/default/a'].x = 99;
    expect(result.scenario.actions[0]).toMatchObject({ set: { x: '1' } });
    expect(result.scenario.layout?.['pod/default/a']).toEqual({ x: 1, y: 2 });
    expect(structuredClone(result.scenario)).toEqual(result.scenario);
  });

  it('refuses what is not a scenario object', () => {
    for (const value of [null, 'kind: Pod', 42, [], { seed: 1 }]) {
      expect(restoreScenario(value)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });

  it('refuses a __proto__ key made with defineProperty (as JSON.parse makes it)', () => {
    const hostile = JSON.parse('{"yaml":"","view":{"__proto__":{"embed":true}}}') as unknown;
    expect(restoreScenario(hostile)).toMatchObject({
      ok: false,
      error: { code: 'unsafe-key', path: 'view.__proto__' },
    });
  });

  it('reports a getter that throws as invalid instead of throwing', () => {
    const tricky = {
      get yaml(): string {
        throw new Error('boom');
      },
    };
    expect(restoreScenario(tricky)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('accepts both full and missing namespaces and keeps cluster-scoped empty ones', () => {
    const result = restoreScenario({
      yaml: '',
      actions: [{ type: 'delete', kind: 'Node', namespace: '', name: 'kind-worker2' }],
    });
    expect(result).toEqual({
      ok: true,
      scenario: {
        yaml: '',
        seed: 1,
        actions: [{ type: 'delete', kind: 'Node', namespace: '', name: 'kind-worker2' }],
      },
    });
  });
});
