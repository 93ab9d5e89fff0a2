/**
 * cloud-provider-kind as the load balancer (docs/load-balancers.md#cloud-provider-kind), on the
 * production build at 1366x768: the LoadBalancer scenario with its MetalLB documents replaced, in the
 * editor, by a CloudProviderKind document gives each LoadBalancer Service an address on kind's network
 * (after the four nodes 172.18.0.2-5) with ipMode Proxy, and `curl` to it answers through Envoy.
 */
import { test, expect } from './fixtures.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import { deleteMetalLbDocuments, openLoadBalancerScenario } from './pages/loadBalancerScenario.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('a CloudProviderKind document gives LoadBalancer Services Envoy addresses on the kind network', async ({
  playground,
  page,
  consoleErrors,
  offHostRequests,
}) => {
  const lbCard = await openLoadBalancerScenario(playground);
  // Replace the MetalLB documents with a CloudProviderKind document.
  await deleteMetalLbDocuments(playground);
  await page.keyboard.type('---\napiVersion: kubeplay.dev/v1alpha1\nkind: CloudProviderKind\n');
  // One input event, as a paste: typed key by key, whether Monaco closes the brace by itself (and then
  // types over the one typed) depends on how the keys arrive on a busy machine, which is not under test.
  await page.keyboard.insertText('metadata: {name: cloud-provider-kind}');
  await expect.poll(async () => (await playground.call('yaml')).includes('IPAddressPool')).toBe(false);
  await expect(lbCard).toContainText('172.18.0.6', { timeout: FIRST_GRAPH_MS });

  const terminal = new TerminalPanel(page);
  await terminal.ready();
  expect(await terminal.run('kubectl get svc kubia-loadbalancer')).toMatch(
    /kubia-loadbalancer +LoadBalancer +[\d.]+ +172\.18\.0\.6 +80:\d+\/TCP/,
  );
  // the JSON wraps on the screen: join its rows
  const status = await terminal.run('kubectl get svc kubia-loadbalancer -o jsonpath={.status}');
  expect(status.replace(/\n/g, '')).toContain(
    '"ingress":[{"ip":"172.18.0.6","ipMode":"Proxy","ports":[{"port":80,"protocol":"TCP"}]}]',
  );
  expect(await terminal.run('curl -s http://172.18.0.6')).toMatch(/kubia/i);
  await playground.screenshot('cloud-provider-kind');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});
