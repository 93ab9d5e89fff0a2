/**
 * The app's terminal operations over the real engine (in-thread): a line's actions join the scenario
 * and the cluster is rebuilt before the next line; a line's requests become flights like the request
 * bar's, ending at the pod the output names.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import type { EngineClient } from '../worker/engineApi.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { createKubeplayApp } from './kubeplayApp.ts';

const kubia = SCENARIO_TEXTS['kubia'] ?? '';

function makeApp() {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: [{ id: 'kubia', title: 'Kubia', yaml: kubia }],
    storage: null,
    now: () => 1000,
    debounceMs: 5,
  });
}

const kubiaPodNames = (app: ReturnType<typeof makeApp>) =>
  (app.simulation.getState().sim?.state.pods ?? [])
    .filter((p) => p.metadata.name.startsWith('kubia-'))
    .map((p) => p.metadata.name)
    .sort();

describe('kubeplay app: terminal lines', () => {
  it('appends a line’s actions to the scenario and rebuilds before resolving', async () => {
    const app = makeApp();
    await app.flush();
    const reply = await app.runCommand('kubectl scale rc kubia --replicas=4', null);
    expect(reply.output).toBe('replicationcontroller/kubia scaled\n');
    expect(app.scenario.getState().actions).toEqual(reply.actions);
    expect(reply.actions).toHaveLength(1);
    expect(kubiaPodNames(app)).toHaveLength(4);
    // The next line sees the rebuilt cluster the graph shows.
    const listed = await app.runCommand('kubectl get pods -l app=kubia -o name', reply.session);
    expect(
      listed.output
        .trim()
        .split('\n')
        .map((l) => l.replace('pod/', ''))
        .sort(),
    ).toEqual(kubiaPodNames(app));
    app.dispose();
  });

  it('launches a focused flight for a curl, ending at the pod that answered', async () => {
    const app = makeApp();
    await app.flush();
    const pod = kubiaPodNames(app)[0] ?? '';
    const reply = await app.runCommand(`kubectl exec ${pod} -- curl -s http://kubia`, null);
    const answered = /You've hit (kubia-\w+)/.exec(reply.output)?.[1];
    const { flights, focused } = app.traffic.getState();
    expect(flights).toHaveLength(1);
    expect(focused?.trace.from).toBe(`pod/default/${pod}`);
    expect(focused?.trace.endpoint?.pod).toBe(`default/${answered}`);
    expect(app.scenario.getState().actions).toEqual([]);
    app.dispose();
  });

  it('paces several requests of one line one after another and focuses the last', async () => {
    const app = makeApp();
    await app.flush();
    await app.runCommand('curl -s http://172.18.0.3:30123; curl -s http://172.18.0.4:30123', null);
    const { flights } = app.traffic.getState();
    expect(flights.map((f) => [f.startAt, f.focused])).toEqual([
      [1000, false],
      [1400, true],
    ]);
    app.dispose();
  });

  it('completes names from the current cluster', async () => {
    const app = makeApp();
    await app.flush();
    const { session } = await app.runCommand('', null);
    const completion = await app.complete('kubectl exec kub', 16, session);
    expect(completion?.candidates).toEqual(kubiaPodNames(app));
    app.dispose();
  });

  describe('the page clock, when the engine fails the build of its wait', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('builds again, and the deleted pod goes after its grace period', async () => {
      vi.useFakeTimers();
      const inThread = createInThreadEngine();
      let failedWaits = 0;
      // The Worker stopped by its watchdog while merely busy (a loaded machine) answers with an error
      // and is restarted from the cluster before the wait (src/worker/engineClient.ts onLate).
      const engine: EngineClient = {
        ...inThread,
        simulate: async (input, options) => {
          if (input.actions?.at(-1)?.type === 'wait' && failedWaits === 0) {
            failedWaits += 1;
            return { generation: 0, sim: null, graph: null, time: null, error: 'the engine took too long' };
          }
          return inThread.simulate(input, options);
        },
      };
      let now = 0;
      const app = createKubeplayApp({
        engine,
        scenarios: [{ id: 'kubia', title: 'Kubia', yaml: kubia }],
        storage: null,
        now: () => now,
        debounceMs: 5,
      });
      await app.flush();
      const [victim] = kubiaPodNames(app);
      await app.runCommand(`kubectl delete pod ${victim} --wait=false`, null);
      expect(kubiaPodNames(app)).toContain(victim);
      // The grace period passes in real time: the clock's waits are taken, the first one's build fails.
      for (let second = 0; second < 40; second++) {
        now += 1000;
        await vi.advanceTimersByTimeAsync(1000);
      }
      await app.flush();
      expect(failedWaits).toBe(1);
      expect(kubiaPodNames(app)).not.toContain(victim);
      expect(kubiaPodNames(app)).toHaveLength(3);
      // The failed build's error is gone with it: the cluster on screen is current.
      expect(app.simulation.getState()).toMatchObject({ engineError: null, stale: false });
      app.dispose();
    });
  });
});
