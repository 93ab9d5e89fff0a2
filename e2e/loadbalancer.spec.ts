/**
 * LoadBalancer Services without an implementation (docs/load-balancers.md), on the production build at
 * 1366x768: the LoadBalancer scenario with its MetalLB documents deleted in the editor is a bare kind
 * cluster, so `kubectl get svc` and the load balancer's card show `<pending>`; a status patch typed in
 * the terminal plays the cloud controller, and the address it writes then answers `curl`.
 */
import { test, expect } from './fixtures.ts';
import { deleteMetalLbDocuments, openLoadBalancerScenario } from './pages/loadBalancerScenario.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('a LoadBalancer Service stays <pending> without MetalLB until kubectl patch --subresource=status gives it an address', async ({
  playground,
  page,
  consoleErrors,
}) => {
  const lbCard = await openLoadBalancerScenario(playground);
  // Without MetalLB's documents it is a bare kind cluster.
  await deleteMetalLbDocuments(playground);
  await expect.poll(async () => (await playground.call('yaml')).includes('IPAddressPool')).toBe(false);
  await expect(lbCard).toContainText('<pending>');

  const terminal = new TerminalPanel(page);
  await terminal.ready();
  expect(await terminal.run('kubectl get svc kubia-loadbalancer')).toMatch(
    /kubia-loadbalancer +LoadBalancer +[\d.]+ +<pending> +80:\d+\/TCP/,
  );
  await terminal.run(
    "kubectl patch svc kubia-loadbalancer --subresource=status -p 'status: {loadBalancer: {ingress: [{ip: 203.0.113.10}]}}'",
  );
  // the command may wrap on the screen: look for kubectl's answer in the whole text
  expect(await terminal.text()).toContain('service/kubia-loadbalancer patched');
  await expect(lbCard).toContainText('203.0.113.10');
  expect(await terminal.run('curl -s http://203.0.113.10')).toMatch(/kubia/i);
  await playground.screenshot('loadbalancer-01-patched');
  expect(consoleErrors).toEqual([]);
});
