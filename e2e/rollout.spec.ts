/**
 * A Deployment rollout typed into the terminal (docs/rollouts.md): `kubectl set image` starts it, and
 * the page clock (src/store/pageClock.ts) lets the deployment controller take a step each second, as a
 * class would watch it: the new ReplicaSet's pods come up while the old ones go (maxSurge 1,
 * maxUnavailable 0 for 2 replicas), then `kubectl get rs` and `kubectl rollout status` say it is done.
 * The step-by-step numbers of `kubeplay wait 1` are checked in src/engine/shell/kubectl/rollout.test.ts.
 */
import { test, expect } from './fixtures.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';

/** `kubectl get rs` rows of kubia as `IMAGE DESIRED CURRENT READY`, the old ReplicaSet first. */
function replicaSets(output: string, oldName: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('kubia-'))
    .map((line) => line.split(/\s+/))
    .sort((a, b) => (a[0] === oldName ? -1 : b[0] === oldName ? 1 : 0))
    .map((cols) => `${cols[0] === oldName ? 'old' : 'new'} ${cols.slice(1, 4).join(' ')}`);
}

test('kubectl set image, then kubeplay wait 1 and kubectl get rs show both ReplicaSets changing', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  await playground.open();
  await page.getByTestId('scenario-picker').selectOption('loadbalancer');
  await expect(page.locator('[data-graph-id="lb/default/kubia-loadbalancer"]').first()).toBeVisible({
    timeout: FIRST_GRAPH_MS,
  });
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const before = await terminal.run('kubectl get rs');
  const oldName = /^(kubia-\w+)\s/m.exec(before)?.[1] ?? '';
  expect(oldName, before).not.toBe('');

  expect(await terminal.run('kubectl set image deployment/kubia kubia=luksa/kubia:v2')).toBe(
    'deployment.apps/kubia image updated',
  );
  // The page clock moves the rollout a second at a time: on the way both ReplicaSets have running pods.
  const running = (prefix: string) =>
    page.locator(
      `.react-flow__node-pod [data-graph-id^="pod/default/${prefix}"]:not([data-terminating="true"])`,
    );
  const both = async () => {
    const all = await running('kubia-').count();
    const old = await running(`${oldName}-`).count();
    return old > 0 && all > old;
  };
  await expect.poll(both, { intervals: [100] }).toBe(true);
  // ... and at the end only the new one: two running pods, the old ones fading as Terminating.
  await expect(running(`${oldName}-`)).toHaveCount(0);
  await expect(playground.kubiaPods()).toHaveCount(2);
  await expect
    .poll(async () => replicaSets(await terminal.run('kubectl get rs'), oldName))
    .toEqual(['old 0 0 0', 'new 2 2 2']);
  expect(await terminal.run('kubectl rollout status deployment/kubia')).toBe(
    'deployment "kubia" successfully rolled out',
  );
  await playground.screenshot('rollout-get-rs');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});
