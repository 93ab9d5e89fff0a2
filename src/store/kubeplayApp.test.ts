/**
 * The app controller over the real engine (in-thread, the Worker's twin): edits rebuild the cluster,
 * broken YAML keeps the last good one, actions replay, requests and traffic produce flights.
 */
import { describe, it, expect } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { createKubeplayApp } from './kubeplayApp.ts';
import { STORAGE_KEY } from './persistence.ts';
import { memoryStorage } from './testing/memoryStorage.ts';

const kubia = SCENARIO_TEXTS.kubia ?? '';

function makeApp(storage = memoryStorage()) {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: [{ id: 'kubia', title: 'Kubia', yaml: kubia }],
    storage,
    now: () => 0,
    debounceMs: 5,
  });
}

const kubiaPods = (app: ReturnType<typeof makeApp>) =>
  app.simulation
    .getState()
    .sim?.state.pods.filter(
      (p) => p.metadata.namespace === 'default' && p.metadata.name.startsWith('kubia-'),
    ) ?? [];

describe('kubeplay app over the real engine', () => {
  it('builds the kubia cluster, follows an edit, and autosaves it', async () => {
    const storage = memoryStorage();
    const app = makeApp(storage);
    await app.flush();
    expect(kubiaPods(app)).toHaveLength(3);
    app.editYaml(kubia.replace('replicas: 3', 'replicas: 5'));
    await app.flush();
    expect(kubiaPods(app)).toHaveLength(5);
    expect(storage.map.get(STORAGE_KEY)).toContain('replicas: 5');
    // A second app on the same storage opens the edit.
    const again = makeApp(storage);
    await again.flush();
    expect(kubiaPods(again)).toHaveLength(5);
    app.dispose();
    again.dispose();
  });

  it('autosaves typing once it pauses, not at each key, and at once when the page asks', async () => {
    const storage = memoryStorage();
    const writes: string[] = [];
    const counting = {
      ...storage,
      setItem: (k: string, v: string) => (writes.push(v), storage.setItem(k, v)),
    };
    const app = makeApp(counting);
    await app.flush();
    writes.length = 0;
    app.editYaml(kubia.replace('replicas: 3', 'replicas: '));
    app.editYaml(kubia.replace('replicas: 3', 'replicas: 4'));
    expect(writes).toEqual([]);
    app.saveNow();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('replicas: 4');
    app.editYaml(kubia.replace('replicas: 3', 'replicas: 5'));
    await app.flush();
    // one save once the engine built the text, with its allocations
    expect(writes).toHaveLength(2);
    expect(storage.map.get(STORAGE_KEY)).toContain('replicas: 5');
    expect(storage.map.get(STORAGE_KEY)).toContain('"allocations"');
    app.dispose();
  });

  it('keeps the last good cluster while the YAML is broken', async () => {
    const app = makeApp();
    await app.flush();
    const good = app.simulation.getState().sim;
    app.editYaml(kubia.replace('replicas: 3', 'replicas: 3\n  bad: [x'));
    await app.flush();
    expect(app.simulation.getState().stale).toBe(true);
    expect(app.simulation.getState().sim?.state).toBe(good?.state);
    expect(app.simulation.getState().diagnostics.some((d) => d.severity === 'error')).toBe(true);
    app.dispose();
  });

  it('appends actions to the log and replays them (node down), leaving the YAML alone', async () => {
    const app = makeApp();
    await app.flush();
    const worker = app.simulation.getState().sim!.state.nodes.find((n) => n.role === 'worker')!;
    app.perform({ type: 'node', name: worker.name, up: false });
    await app.flush();
    expect(app.scenario.getState().actions).toEqual([{ type: 'node', name: worker.name, up: false }]);
    expect(app.scenario.getState().yaml).toBe(kubia);
    expect(app.simulation.getState().sim!.state.nodes.find((n) => n.name === worker.name)!.up).toBe(false);
    app.dispose();
  });

  it('turns a request into one focused flight and traffic into a batch', async () => {
    const app = makeApp();
    await app.flush();
    const from = `pod/default/${kubiaPods(app)[0]!.metadata.name}`;
    await app.sendRequest({ from, url: 'http://kubia' });
    const { focused, flights } = app.traffic.getState();
    expect(flights).toHaveLength(1);
    expect(focused?.trace.outcome).toBe('ok');
    expect(focused?.trace.endpoint?.pod).toMatch(/^default\/kubia-/);
    await app.sendTraffic({ from: [from], url: 'http://kubia', count: 20, ratePerSecond: 10 });
    const state = app.traffic.getState();
    expect(state.batchTraces).toHaveLength(20);
    expect(state.flights).toHaveLength(21);
    expect(state.flights.filter((f) => f.focused)).toHaveLength(1);
    // Paced: the 20 start 100 ms apart.
    expect(state.flights.at(-1)!.startAt - state.flights.at(-20)!.startAt).toBe(1900);
    app.dispose();
  });

  it('a failing request carries its explanation; Show in YAML and the quick fix go to the editor', async () => {
    const app = makeApp();
    app.editYaml(kubia.replace('      targetPort: 8080  #', '      targetPort: 80  #'));
    await app.flush();
    const from = `pod/default/${kubiaPods(app)[0]!.metadata.name}`;
    await app.sendRequest({ from, url: 'http://kubia' });
    const explanation = app.traffic.getState().focused?.trace.explanation;
    expect(explanation?.kind).toBe('targetport-not-listening');
    const location = explanation?.blame?.location;
    expect(location?.file).toBe('manifest.yaml');
    app.showInYaml(location!);
    expect(app.view.getState().revealRequest).toMatchObject({ line: location?.line, highlight: true });
    app.applyQuickFix(explanation!.fix!);
    expect(app.view.getState().quickFixRequest?.fix.value).toBe(8080);
    // A place in another file (YAML applied in the terminal) has no editor to show it in.
    const nonce = app.view.getState().revealRequest?.nonce;
    app.showInYaml({ file: 'apply-1.yaml', line: 3, column: 1 });
    expect(app.view.getState().revealRequest?.nonce).toBe(nonce);
    app.dispose();
  });

  it('shows the bundled scenario again when picked, dropping the action log', async () => {
    const app = makeApp();
    await app.flush();
    app.editYaml('kind: Nonsense');
    app.perform({ type: 'wait', seconds: 1 });
    app.chooseScenario('kubia');
    await app.flush();
    expect(app.scenario.getState()).toMatchObject({ scenarioId: 'kubia', yaml: kubia, actions: [] });
    expect(kubiaPods(app)).toHaveLength(3);
    app.dispose();
  });
});

describe('in-thread engine', () => {
  it('answers only the latest of overlapping simulate calls', async () => {
    const engine = createInThreadEngine();
    const first = engine.simulate({ files: [{ file: 'a.yaml', text: kubia }] });
    const second = engine.simulate({ files: [{ file: 'a.yaml', text: kubia }] });
    expect(await first).toBeNull();
    expect((await second)?.sim?.state.pods.length).toBeGreaterThan(0);
  });
});

describe('exporting the scenario as files for a real cluster', () => {
  it('names the files after the scenario and folds what was done in the terminal into the manifests', async () => {
    const app = makeApp();
    await app.flush();
    await app.runCommand('kubectl scale rc kubia --replicas=4', null);
    const files = await app.exportFiles();
    expect(files.ok).toBe(true);
    if (!files.ok) return;
    expect(files.manifestsFile).toBe('kubia.yaml');
    expect(files.kindConfigFile).toBe('kubia-kind.yaml');
    expect(files.manifests).toContain('replicas: 4');
    expect(files.kindConfig).toContain('kind: Cluster');
    app.dispose();
  });

  it('YAML of your own exports under a neutral name', async () => {
    const app = makeApp();
    app.editYaml(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers: [{name: c, image: nginx}]\n',
    );
    app.scenario.setState({ scenarioId: 'custom' });
    const files = await app.exportFiles();
    expect(files.ok && files.manifestsFile).toBe('kubeplay-scenario.yaml');
    app.dispose();
  });
});
