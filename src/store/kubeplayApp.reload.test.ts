/**
 * A reload after live edits (docs/editing.md, "What a reload … reproduces"): the autosave carries the
 * allocations of the cluster on screen, so the page that opens from it shows the same pod names, pod
 * IPs and ClusterIPs, in the terminal as in the graph's state.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { createKubeplayApp } from './kubeplayApp.ts';
import { restoreSavedAllocations, STORAGE_KEY } from './persistence.ts';
import type { KeyValueStorage } from './persistence.ts';
import { memoryStorage } from './testing/memoryStorage.ts';

const kubia = SCENARIO_TEXTS['kubia'] ?? '';
const withReplicas = (n: number) => kubia.replace('  replicas: 3', `  replicas: ${n}`);

function openApp(storage: KeyValueStorage) {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: [{ id: 'kubia', title: 'Kubia', yaml: kubia }],
    storage,
    now: () => 1000,
    debounceMs: 5,
  });
}

/** `kubectl get pods -o wide` and the Services, without the AGE column (a reload moves no clock, an edit does). */
async function seen(app: ReturnType<typeof openApp>): Promise<string> {
  const pods = (await app.runCommand('kubectl get pods -o wide', null)).output;
  const svcs = (await app.runCommand('kubectl get svc', null)).output;
  const names = (text: string) =>
    text
      .split('\n')
      .map((line) =>
        line
          .split(/\s+/)
          .filter((_, i) => i !== 4)
          .join(' '),
      )
      .join('\n');
  return `${names(pods)}\n${svcs.replace(/\s+\S+$/gm, '')}`;
}

describe('kubeplay app: reload after live edits', () => {
  it('shows the same pods, pod IPs and Service IPs after scaling in the YAML and deleting a pod', async () => {
    const storage = memoryStorage();
    const app = openApp(storage);
    await app.flush();
    app.editYaml(withReplicas(5));
    await app.flush();
    app.editYaml(withReplicas(3));
    await app.flush();
    const victim = app.simulation.getState().sim?.state.pods.find((p) => p.ownerRef?.name === 'kubia');
    await app.runCommand(`kubectl delete pod ${victim?.metadata.name ?? ''}`, null);
    await app.flush();
    const before = await seen(app);
    expect(restoreSavedAllocations(storage.map.get(STORAGE_KEY) ?? null)?.pods.length).toBeGreaterThan(0);
    app.dispose();

    const reloaded = openApp(storage);
    await reloaded.flush();
    expect(await seen(reloaded)).toBe(before);
    expect(reloaded.simulation.getState().sim?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    reloaded.dispose();
  });

  it('saves no ledger with a text the engine has not built yet', async () => {
    const storage = memoryStorage();
    const app = openApp(storage);
    await app.flush();
    app.editYaml(withReplicas(4));
    // saved (the page is hidden) before the debounced build
    app.saveNow();
    expect(restoreSavedAllocations(storage.map.get(STORAGE_KEY) ?? null)).toBeNull();
    await app.flush();
    expect(restoreSavedAllocations(storage.map.get(STORAGE_KEY) ?? null)?.pods.length).toBeGreaterThan(0);
    app.dispose();
  });
});
