/**
 * LoadBalancer Services (docs/load-balancers.md), on the production build at 1366x768. With MetalLB in
 * layer 2 mode one node answers for the address: the graph draws the load balancer's line to it alone,
 * the inspector and `kubectl describe` name it, every request enters there, and when it goes down
 * another node takes the address over. Without MetalLB's documents the LoadBalancer scenario is a bare
 * kind cluster, so `kubectl get svc` and the load balancer's card show `<pending>`; a status patch typed
 * in the terminal plays the cloud controller, and the address it writes then answers `curl`.
 */
import { test, expect } from './fixtures.ts';
import { deleteMetalLbDocuments, openLoadBalancerScenario } from './pages/loadBalancerScenario.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('MetalLB answers for the address on one node; when that node fails, another takes the address over', async ({
  playground,
  page,
  consoleErrors,
}) => {
  await openLoadBalancerScenario(playground);
  const lines = page.locator('.react-flow__edge[data-id^="e:lb/default/kubia-loadbalancer->"]');
  await expect(lines).toHaveCount(1);
  const announcer = ((await lines.getAttribute('data-id')) ?? '').split('->node/')[1] ?? '';
  expect(announcer).toMatch(/^kind-worker\d*$/);

  const terminal = new TerminalPanel(page);
  await terminal.ready();
  await terminal.select('lb/default/kubia-loadbalancer');
  await expect(page.getByTestId('inspector')).toContainText(
    `${announcer}, which answers ARP for the address`,
  );
  await terminal.focus();
  // the terminal wraps the event's message: read its start
  expect(await terminal.run('kubectl describe svc kubia-loadbalancer')).toMatch(
    new RegExp(`nodeAssigned +\\S+ +metallb-speaker +announcing from node "${announcer}"`),
  );
  const [lb] = await playground.call('loadBalancers');
  const url = `http://${lb?.ips[0]}`;
  await page.getByTestId('request-from').selectOption('client/laptop');
  await page.getByTestId('request-url').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(url);
  await playground.sendTraffic(10);
  const entered = async () =>
    new Set((await playground.call('batchTraces')).map((t) => t.hops.find((h) => h.kind === 'route')?.at));
  expect(await entered()).toEqual(new Set([`node/${announcer}`]));
  await playground.screenshot('loadbalancer-00-metallb-layer2');

  await terminal.focus();
  await terminal.run(`kubeplay node down ${announcer}`);
  await expect(lines).toHaveCount(1);
  await expect(lines).not.toHaveAttribute('data-id', new RegExp(`->node/${announcer}$`));
  const takenOver = ((await lines.getAttribute('data-id')) ?? '').split('->node/')[1] ?? '';
  expect(await terminal.run(`curl -s ${url}`)).toMatch(/You've hit kubia/);
  // another count than the first batch's, so the wait is for this batch's arrivals
  await playground.sendTraffic(12);
  expect(await entered()).toEqual(new Set([`node/${takenOver}`]));
  expect(consoleErrors).toEqual([]);
});

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
