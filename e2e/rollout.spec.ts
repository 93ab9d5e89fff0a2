/**
 * A Deployment rollout typed into the terminal (docs/rollouts.md): `kubectl set image` starts it, and
 * each `kubeplay wait 1` lets the deployment controller take one step, which `kubectl get rs` shows as
 * the new ReplicaSet growing while the old one shrinks (maxSurge 1, maxUnavailable 0 for 2 replicas).
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
  const steps: string[][] = [replicaSets(await terminal.run('kubectl get rs'), oldName)];
  for (let i = 0; i < 2; i++) {
    expect(await terminal.run('kubeplay wait 1')).toBe('');
    steps.push(replicaSets(await terminal.run('kubectl get rs'), oldName));
  }
  expect(steps).toEqual([
    ['old 2 2 2', 'new 1 1 0'],
    ['old 1 1 1', 'new 2 2 1'],
    ['old 0 0 0', 'new 2 2 2'],
  ]);
  expect(await terminal.run('kubectl rollout status deployment/kubia')).toBe(
    'deployment "kubia" successfully rolled out',
  );
  // the graph follows: two pods of the new ReplicaSet, none of the old
  await expect(page.locator('.react-flow__node-pod [data-graph-id^="pod/default/kubia-"]')).toHaveCount(2);
  await expect(page.locator(`.react-flow__node-pod [data-graph-id^="pod/default/${oldName}-"]`)).toHaveCount(
    0,
  );
  await playground.screenshot('rollout-get-rs');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});
