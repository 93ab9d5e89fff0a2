/**
 * Editing in the running app (docs/editing.md), over the real engine in-thread: an invalid edit keeps
 * its object and every allocation, a syntax error leaves the terminal, the requests and the graph on
 * one stale cluster, and choosing a scenario again starts from scratch.
 */
import { describe, expect, it, vi } from 'vitest';
import { isTerminating } from '../engine/cluster/terminationState.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { createKubeplayApp } from './kubeplayApp.ts';

const kubia = SCENARIO_TEXTS['kubia'] ?? '';
const WITHOUT_80 = kubia.replace(
  '      port: 80          # the Service',
  '      port:           # the Service',
);
const SYNTAX_ERROR = kubia.replace(
  '  selector:\n    app: kubia\n---',
  '  selector [oops\n    app: kubia\n---',
);

function makeApp(timing: { debounceMs?: number; settleMs?: number } = {}) {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: [{ id: 'kubia', title: 'Kubia', yaml: kubia }],
    storage: null,
    now: () => 1000,
    debounceMs: 5,
    ...timing,
  });
}

/** The app on real time (Date.now, faked by the test): the page clock and the typing pause run. */
function makeTimedApp() {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: [{ id: 'kubia', title: 'Kubia', yaml: kubia }],
    storage: null,
    now: () => Date.now(),
    debounceMs: 5,
    settleMs: 400,
  });
}

async function getSvc(app: ReturnType<typeof makeApp>): Promise<string> {
  // Without the AGE column: an edit moves the clock on.
  return (await app.runCommand('kubectl get svc -A', null)).output.replace(/\s+\S+$/gm, '');
}

/** Pods named `pasted-0`… as a person would paste them: a block of YAML at once. */
function pastedPods(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pasted-${i}\n  labels:\n    app: pasted\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n`,
  ).join('');
}

describe('kubeplay app: editing', () => {
  it('sends a pasted block to the engine at once, and gathers keystrokes for the debounce', async () => {
    const app = makeApp({ debounceMs: 60_000 });
    await app.flush();
    const pasted = () =>
      app.simulation.getState().sim?.state.pods.filter((p) => p.metadata.name.startsWith('pasted-')).length;
    const block = pastedPods(8);
    expect(block.length).toBeGreaterThan(1000);
    app.editYaml(`${kubia}\n${block}`);
    await vi.waitFor(() => expect(pasted()).toBe(8));
    // One more pod typed is a few characters: it waits for the (here one-minute) debounce.
    app.editYaml(`${kubia}\n${pastedPods(9)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pasted()).toBe(8);
    await app.flush();
    expect(pasted()).toBe(9);
    app.dispose();
  });

  it('commits a pasted block that replaces the text at once: nothing of it is held for the typing pause', async () => {
    const app = makeApp({ debounceMs: 60_000, settleMs: 60_000 });
    await app.flush();
    const names = () =>
      app.simulation.getState().sim?.state.services.map((s) => s.manifest.metadata.name) ?? [];
    expect(names()).toContain('kubia');
    // The whole file selected and the pods pasted over it: Service kubia's document is gone.
    app.editYaml(pastedPods(8));
    await vi.waitFor(() => expect(names()).not.toContain('kubia'));
    expect(app.simulation.getState().sim?.held).toBeFalsy();
    app.dispose();
  });

  it('keeps Service kubia and every Service IP and port when its port is deleted', async () => {
    const app = makeApp();
    await app.flush();
    const before = await getSvc(app);
    expect(before).toMatch(/\ndefault\s+kubia\s+ClusterIP\s+10\.96\.31\.193\s/);
    app.editYaml(WITHOUT_80);
    await app.flush();
    expect(await getSvc(app)).toBe(before);
    expect(app.simulation.getState().sim?.rejected?.map((r) => r.id)).toEqual(['svc/default/kubia']);
    expect(app.simulation.getState().stale).toBe(false);
    app.dispose();
  });

  it('answers from the same stale cluster everywhere after a syntax error', async () => {
    const app = makeApp();
    await app.flush();
    const before = await getSvc(app);
    app.editYaml(SYNTAX_ERROR);
    await app.flush();
    expect(app.simulation.getState().stale).toBe(true);
    expect(await getSvc(app)).toBe(before);
    const pod = app.simulation.getState().sim?.state.pods.find((p) => p.metadata.name.startsWith('kubia-'));
    await app.sendRequest({ from: `pod/default/${pod?.metadata.name ?? ''}`, url: 'http://kubia' });
    expect(app.traffic.getState().focused?.trace.outcome).toBe('ok');
    app.dispose();
  });

  it('keeps the request bar on the URL it showed when an edit removes its Service, and says so', async () => {
    const app = makeApp();
    await app.flush();
    expect(app.view.getState().draft.url).toBe('http://kubia');
    const start = kubia.indexOf('kind: Service\nmetadata:\n  name: kubia\n');
    const from = kubia.lastIndexOf('---', start);
    app.editYaml(kubia.slice(0, from) + kubia.slice(kubia.indexOf('---', start)));
    await app.flush();
    const { draft } = app.view.getState();
    expect(draft.url).toBe('http://kubia');
    expect(await app.unresolvedHost(draft.from, draft.url)).toBe('kubia');
    app.dispose();
  });

  it('starts from scratch when a scenario is chosen again', async () => {
    const app = makeApp();
    await app.flush();
    const fresh = app.simulation.getState().sim;
    app.editYaml(kubia.replace('  name: kubia-loadbalancer', '  name: kubia-lb'));
    await app.flush();
    app.chooseScenario('kubia');
    await app.flush();
    const again = app.simulation.getState().sim;
    expect(again?.state.services.map((s) => s.manifest.spec.clusterIP)).toEqual(
      fresh?.state.services.map((s) => s.manifest.spec.clusterIP),
    );
    app.dispose();
  });

  it('waits for the typing to pause before an edit scales down: 3 -> Backspace -> 4 terminates no pod', async () => {
    vi.useFakeTimers();
    try {
      const app = makeTimedApp();
      await app.flush();
      const pods = () =>
        app.simulation.getState().sim?.state.pods.filter((p) => p.metadata.name.startsWith('kubia-')) ?? [];
      const running = () => pods().filter((p) => !isTerminating(p));
      const replicas = (value: string) => kubia.replace('  replicas: 3', `  replicas:${value}`);
      // Backspace over the 3 (a valid `replicas: `, which means 1): held while the user types on.
      app.editYaml(replicas(' '));
      await vi.advanceTimersByTimeAsync(10);
      expect(app.simulation.getState().sim?.held).toBe(true);
      expect(running()).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(240);
      app.editYaml(replicas(' 4'));
      await vi.advanceTimersByTimeAsync(10);
      expect(running()).toHaveLength(4);
      expect(pods().filter(isTerminating)).toEqual([]);
      // A real scale-down waits for the pause, then applies.
      await vi.advanceTimersByTimeAsync(250);
      app.editYaml(replicas(' 1'));
      await vi.advanceTimersByTimeAsync(10);
      expect(app.simulation.getState().sim?.held).toBe(true);
      expect(running()).toHaveLength(4);
      await vi.advanceTimersByTimeAsync(400);
      expect(app.simulation.getState().sim?.held).toBe(false);
      expect(running()).toHaveLength(1);
      expect(pods().filter(isTerminating)).toHaveLength(3);
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
  it('a request stays current while time alone changes the cluster; an edit makes it earlier', async () => {
    vi.useFakeTimers();
    try {
      const app = makeTimedApp();
      await app.flush();
      const kubiaPods = () =>
        app.simulation.getState().sim?.state.pods.filter((p) => p.metadata.name.startsWith('kubia-')) ?? [];
      app.editYaml(kubia.replace('  replicas: 3', '  replicas: 4'));
      await app.flush();
      expect(kubiaPods().filter((p) => !p.status.ready)).toHaveLength(1);
      const from = `pod/default/${kubiaPods()[0]?.metadata.name ?? ''}`;
      await app.sendRequest({ from, url: 'http://kubia' });
      expect(app.traffic.getState().focused).not.toBeNull();
      // The page clock lets the new pod start: the cluster changes, the YAML does not.
      await vi.advanceTimersByTimeAsync(3000);
      await app.flush();
      expect(kubiaPods().filter((p) => !p.status.ready)).toHaveLength(0);
      expect(app.traffic.getState().focusedStale).toBe(false);
      app.editYaml(kubia.replace('  replicas: 3', '  replicas: 5'));
      await app.flush();
      expect(app.traffic.getState().focusedStale).toBe(true);
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
