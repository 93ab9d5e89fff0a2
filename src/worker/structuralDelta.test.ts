import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyAction, createSimulation, reviseSimulation, routeRequest } from '../engine/index.ts';
import type { Simulation } from '../engine/index.ts';
import { webAppYaml } from '../engine/test/webApp.ts';
import { decodeDelta, encodeDelta } from './structuralDelta.ts';

/** Both sides of the boundary: the Worker encodes against what it sent, the page decodes a clone. */
function channel() {
  let sent: unknown;
  let received: unknown;
  return (value: unknown): unknown => {
    const delta = structuredClone(encodeDelta(value, sent));
    sent = value;
    received = decodeDelta(delta, received);
    return received;
  };
}

const YAML = webAppYaml(3);

describe('structural delta over the Worker boundary', () => {
  it('rebuilds every simulation of an editing session exactly, as a clone would', () => {
    const send = channel();
    const files = (text: string) => [{ file: 'm.yaml', text }];
    let sim: Simulation = createSimulation({ files: files(YAML) });
    const steps: Simulation[] = [sim];
    sim = reviseSimulation(sim, { files: files(YAML.replace('replicas: 3', 'replicas: 4')) });
    steps.push(sim);
    sim = reviseSimulation(sim, { files: files(`# top\n${YAML.replace('replicas: 3', 'replicas: 2')}`) });
    steps.push(sim);
    sim = { ...sim, state: routeRequest(sim.state, { from: 'client/laptop', url: 'http://web' }).state };
    steps.push(sim);
    sim = applyAction(sim, {
      type: 'scale',
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
      replicas: 5,
    });
    steps.push(sim);
    sim = reviseSimulation(sim, { files: files('kind: Service\nspec: [') });
    steps.push(sim);
    for (const step of steps) expect(send(step)).toStrictEqual(structuredClone(step));
  });

  it('keeps the previous objects of what did not change', () => {
    const send = channel();
    const first = createSimulation({ files: [{ file: 'm.yaml', text: YAML }] });
    const a = send(first) as Simulation;
    const next = reviseSimulation(first, {
      files: [{ file: 'm.yaml', text: YAML.replace('port: 80', 'port: 81') }],
    });
    const b = send(next) as Simulation;
    expect(b).toStrictEqual(structuredClone(next));
    expect(b.state.pods.every((pod, i) => pod === a.state.pods[i])).toBe(true);
    expect(b.state.nodes).toBe(a.state.nodes);
    expect(b.state.services).not.toBe(a.state.services);
  });

  it('round-trips any JSON-like values in sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 6 }), (values) => {
        const send = channel();
        for (const value of values) expect(send(value)).toStrictEqual(structuredClone(value));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a key named __proto__ a plain key', () => {
    const send = channel();
    send({ a: { x: 1 } });
    const value = JSON.parse('{"a":{"__proto__":{"polluted":1},"x":2}}') as unknown;
    const out = send(value) as { a: Record<string, unknown> };
    expect(Object.keys(out.a)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
