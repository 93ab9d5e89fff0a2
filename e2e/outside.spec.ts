/**
 * Services for the world outside the cluster (docs/outside-hosts.md), on the production build at
 * 1366x768: the bundled `outside` scenario picked from the menu, a request from a pod to the
 * selectorless Service answered by an outside host (the path drawn out of the cluster to its card),
 * the ExternalName Service through the terminal, and an undeclared address that times out with the
 * engine's explanation.
 */
import { test, expect } from './fixtures.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const HOSTS: Record<string, string> = {
  '11.11.11.11:80': 'outside/legacy-1',
  '22.22.22.22:80': 'outside/legacy-2',
};

test('outside hosts: a selectorless Service and an ExternalName answer from outside; an undeclared address times out', async ({
  playground,
  page,
  consoleErrors,
}) => {
  await playground.open();
  await page.getByTestId('scenario-picker').selectOption('outside');
  const client = page.locator('[data-graph-id="pod/default/client"]');
  await expect(client).toBeVisible({ timeout: FIRST_GRAPH_MS });
  // The outside hosts stand beside the clients, left of the cluster. Both boxes are read in the same
  // frame: while the view still fits itself, two separate reads see two different zooms.
  for (const id of ['outside/legacy-1', 'outside/legacy-2', 'outside/somecompany-api']) {
    await expect(page.locator(`[data-graph-id="${id}"]`)).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate((cardId) => {
          const card = document.querySelector(`[data-graph-id="${cardId}"]`)?.getBoundingClientRect();
          const cluster = document.querySelector('.react-flow__node-cluster')?.getBoundingClientRect();
          return card && cluster ? card.right - cluster.left : Number.POSITIVE_INFINITY;
        }, id),
      )
      .toBeLessThanOrEqual(1);
  }

  // The selectorless Service: kube-proxy picks an outside endpoint, the node masquerades, it answers.
  await playground.send('pod/default/client', 'http://external-service');
  const arrived = await playground.arrival();
  const hostId = HOSTS[arrived];
  expect(hostId, `arrived at ${arrived}`).toBeDefined();
  const trace = await playground.call('focusedTrace');
  expect(trace?.outcome).toBe('ok');
  expect(trace?.hops.map((h) => h.kind)).toEqual([
    'dns',
    'send',
    'dnat',
    'snat',
    'route',
    'deliver',
    'reply',
  ]);
  const snat = trace?.hops[3];
  expect(snat?.at).toMatch(/^node\//);
  expect(snat?.note).toContain('masquerades');
  // The drawn path leaves the cluster frame and reaches the outside host's card.
  await expect
    .poll(() =>
      page.evaluate((cardId) => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const path = box('.kp-path');
        const host = box(`[data-graph-id="${cardId}"]`);
        const cluster = box('.react-flow__node-cluster');
        if (!path || !host || !cluster) return 'not drawn';
        if (path.left >= cluster.left) return 'stays inside the cluster frame';
        if (path.left > host.right || path.bottom < host.top || path.top > host.bottom)
          return 'misses the host card';
        return 'reaches the outside host';
      }, hostId),
    )
    .toBe('reaches the outside host');
  await playground.screenshot('outside-01-selectorless');

  // The ExternalName Service: a CNAME in the cluster DNS, then the outside name, then the answer.
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  expect(await terminal.run('kubectl exec client -- nslookup api-service')).toMatch(
    /canonical name = api\.somecompany\.com[\s\S]*Address: 33\.44\.55\.66/,
  );
  expect(await terminal.run('kubectl exec client -- curl -s http://api-service')).toContain(
    'api.somecompany.com answers',
  );
  expect(await terminal.run('kubectl exec client -- curl -m 5 http://33.33.33.33')).toContain(
    'curl: (28) Connection timed out',
  );

  // An undeclared outside address from the request bar: a timeout, and why.
  await playground.send('pod/default/client', 'http://33.33.33.33');
  expect(await playground.arrival()).toBe('timeout');
  const explanation = page.getByTestId('trace-explanation');
  await expect(explanation).toHaveAttribute('data-kind', 'outside-undeclared');
  await expect(explanation).toContainText('33.33.33.33 is outside the cluster');
  await playground.screenshot('outside-02-undeclared');
  expect(consoleErrors).toEqual([]);
});
