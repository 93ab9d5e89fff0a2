import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Simulation, SimulationInput } from '../engine/index.ts';
import type { EngineClient, SimulateOptions, SimulateReply } from '../worker/engineApi.ts';
import { createAllocationMemory } from './allocationMemory.ts';
import { createBuildLoop } from './appBuildLoop.ts';
import { createScenarioStore, setYaml } from './scenarioStore.ts';

/** An engine that answers each build with what it was asked (held when `held` says so). */
function recordingEngine(held: (call: number) => boolean) {
  const calls: { input: SimulationInput; options: SimulateOptions | undefined }[] = [];
  const engine = {
    simulate(input: SimulationInput, options?: SimulateOptions): Promise<SimulateReply> {
      calls.push({ input, options });
      const sim = { held: held(calls.length) } as unknown as Simulation;
      return Promise.resolve({ generation: calls.length, sim, graph: null, time: null, error: null });
    },
  } as unknown as EngineClient;
  return { engine, calls };
}

function setup(held: (call: number) => boolean = () => false) {
  const { engine, calls } = recordingEngine(held);
  const scenario = createScenarioStore({ scenarioId: 'x', yaml: 'a', seed: 1, actions: [] });
  const applied: { yaml: string; edit: boolean }[] = [];
  const loop = createBuildLoop({
    engine,
    scenario,
    allocations: createAllocationMemory(null),
    file: 'manifest.yaml',
    apply: (_reply, input, edit) => applied.push({ yaml: input.yaml, edit }),
    heldRetryDelay: () => 600,
  });
  return { loop, scenario, calls, applied };
}

describe('the build loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('builds at once from scratch, then builds typing on the cluster on screen after the delay', async () => {
    const { loop, scenario, calls, applied } = setup();
    await loop.settled();
    expect(applied).toEqual([{ yaml: 'a', edit: false }]);
    setYaml(scenario, 'ab');
    loop.schedule(50, true);
    setYaml(scenario, 'abc');
    loop.schedule(50, true);
    expect(loop.busy()).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    await loop.settled();
    expect(loop.busy()).toBe(false);
    expect(calls.map((c) => c.input.files[0]?.text)).toEqual(['a', 'abc']);
    expect(calls[1]?.options).toEqual({ edit: true, holdRemovals: true });
    expect(applied.at(-1)).toEqual({ yaml: 'abc', edit: true });
  });

  it('runs a waiting build at once on flush, and starts over after another scenario', async () => {
    const { loop, scenario, calls, applied } = setup();
    await loop.settled();
    setYaml(scenario, 'b');
    loop.startOver();
    loop.schedule(10_000);
    await loop.flush();
    expect(calls).toHaveLength(2);
    expect(applied.at(-1)).toEqual({ yaml: 'b', edit: false });
    expect(calls[1]?.options).toEqual({ edit: false, holdRemovals: false });
  });

  it('sends a held edit again once typing has paused, without holding it', async () => {
    const { loop, scenario, calls } = setup((call) => call === 2);
    await loop.settled();
    setYaml(scenario, 'a-removed');
    loop.schedule(50, true);
    await vi.advanceTimersByTimeAsync(50);
    await loop.settled();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.options).toEqual({ edit: true, holdRemovals: true });
    await vi.advanceTimersByTimeAsync(599);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await loop.settled();
    expect(calls).toHaveLength(3);
    expect(calls[2]?.options).toEqual({ edit: true, holdRemovals: false });
  });
});
