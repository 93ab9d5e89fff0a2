/**
 * A deleted pod terminates for its grace period (src/engine/cluster/termination.ts): after
 * `kubectl delete pod NAME --wait=false` in the terminal, the graph shows that pod's card as
 * terminating next to its replacement, `kubectl get pods` says Terminating, and once the grace period
 * has passed in simulated time (`kubeplay wait 30`) the card is gone.
 */
import { test, expect } from './fixtures.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test('kubectl delete pod --wait=false: the pod card shows terminating until its grace period passes', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  await playground.open();
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const victimId = (await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '';
  const victim = victimId.split('/')[2] ?? '';
  expect(victim).toMatch(/^kubia-\w{5}$/);
  const card = page.locator(`[data-graph-id="${victimId}"]`);
  await expect(card).toHaveAttribute('data-terminating', 'false');

  expect(await terminal.run(`kubectl delete pod ${victim} --wait=false`)).toBe(`pod "${victim}" deleted`);
  await expect(card).toHaveAttribute('data-terminating', 'true', { timeout: 20_000 });
  await expect(card).toContainText('terminating');
  // the ReplicationController replaced it at once: three kubia pods run beside the terminating one
  await expect(playground.kubiaPods()).toHaveCount(4);
  const pods = await terminal.run('kubectl get pods');
  expect(pods).toMatch(new RegExp(`^${victim}\\s+1/1\\s+Terminating\\s`, 'm'));
  await playground.screenshot('terminating-pod');

  await terminal.run('kubeplay wait 30');
  await expect(card).toHaveCount(0, { timeout: 20_000 });
  await expect(playground.kubiaPods()).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});
