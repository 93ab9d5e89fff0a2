/**
 * The app's terminal operations over the real engine (in-thread): a line's actions join the scenario
 * and the cluster is rebuilt before the next line; a line's requests become flights like the request
 * bar's, ending at the pod the output names.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
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
});
