/**
 * The playground's journeys on the production build, over the real engine (running in its Worker).
 * Screenshots of the main states go to test-results/screenshots and are attached to the report.
 */
import AxeBuilder from '@axe-core/playwright';
import LZString from 'lz-string';
import { test, expect } from './fixtures.ts';
import { largeClusterLink } from './largeCluster.ts';

test.describe('playground', () => {
  test('loads from its own host only, without console errors, and shows the kubia cluster @smoke', async ({
    playground,
    page,
    offHostRequests,
    consoleErrors,
  }) => {
    await playground.open();
    const nodes = await playground.call('nodes');
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    for (const node of nodes) await expect(page.locator(`[data-graph-id="node/${node.name}"]`)).toBeVisible();
    await expect(playground.kubiaPods()).toHaveCount(3);
    for (const svc of ['kubia', 'kubia-nodeport', 'kubia-loadbalancer']) {
      await expect(page.locator(`[data-graph-id="svc/default/${svc}"]`)).toBeVisible();
    }
    await expect(page.locator('[data-graph-id="ing/default/kubia"]')).toBeVisible();
    // The editor chunk loads after the graph; it too must come from this host.
    await playground.editorLine('kind: ReplicationController');
    await playground.screenshot('01-default-kubia');
    expect(offHostRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a request from a pod to http://kubia travels hop by hop and a pod counter goes up', async ({
    playground,
    page,
  }) => {
    // The flight itself is under test: ask for motion (the suite runs with reduced motion).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await playground.open();
    const pods = await playground.call('pods');
    const from = pods.find((p) => p.startsWith('pod/default/kubia-'))!;
    await playground.send(from, 'http://kubia');
    await expect(page.getByTestId('packet-label')).toBeVisible();
    await expect(page.getByTestId('packet-label')).toHaveText(/→|DNS/);
    await playground.screenshot('02-request-in-flight');
    const arrived = await playground.arrival();
    expect(arrived).toMatch(/^pod\/default\/kubia-/);
    await expect(playground.podNode(arrived).locator('.kp-hits')).toHaveText('1');
    await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'ok');
    // The DNS look-up and the DNAT are shown in the step list.
    await expect(page.locator('.kp-hop-dns')).toHaveCount(1);
    await expect(page.locator('.kp-hop-dnat').first()).toBeVisible();
    await playground.screenshot('03-request-arrived');
  });

  test('step mode moves one hop per click', async ({ playground, page }) => {
    await playground.open();
    await page.getByTestId('step-mode').check();
    const pods = await playground.call('pods');
    await playground.send(pods.find((p) => p.startsWith('pod/default/kubia-'))!, 'http://kubia');
    await expect(playground.traceStatus).toHaveAttribute('data-hop', '0');
    await page.getByTestId('step-next').click();
    await expect(playground.traceStatus).toHaveAttribute('data-hop', '1');
    await expect(page.locator('.kp-hop-row.kp-current')).toHaveAttribute('data-hop-row', '1');
    await expect(playground.traceStatus).toContainText('Hop 2 of');
    await expect(playground.traceStatus).not.toHaveAttribute('data-arrived', /.+/);
    await playground.screenshot('02b-step-mode');
  });

  test('NodePort on a node without a kubia pod reaches a pod on another node', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const nodes = await playground.call('nodes');
    const empty = nodes.find((n) => !n.pods.some((p) => p.startsWith('kubia-')))!;
    expect(empty).toBeDefined();
    await playground.send('client/laptop', `http://${empty.ip}:30123`);
    const arrived = await playground.arrival();
    expect(arrived).toMatch(/^pod\/default\/kubia-/);
    const trace = await playground.call('focusedTrace');
    expect(trace?.outcome).toBe('ok');
    expect(trace?.endpoint?.node).not.toBe(empty.name);
    await expect(page.locator('.kp-hop-snat').first()).toBeVisible();
    await playground.screenshot('04-nodeport-other-node');
  });

  test('with a node down the load balancer never picks it', async ({ playground, page }) => {
    await playground.open();
    const nodes = await playground.call('nodes');
    const down = nodes.find((n) => n.pods.some((p) => p.startsWith('kubia-')))!;
    await playground.selectGraphNode(`node/${down.name}`);
    await page.getByTestId('node-toggle').click();
    await expect(page.locator(`[data-graph-id="node/${down.name}"]`)).toHaveAttribute('data-up', 'false');
    const [lb] = await playground.call('loadBalancers');
    const ip = lb?.ips[0];
    expect(ip).toBeTruthy();
    await page.getByTestId('request-from').selectOption('client/laptop');
    await page.getByTestId('request-url').fill(`http://${ip}`);
    await playground.sendTraffic(30);
    const traces = await playground.call('batchTraces');
    expect(traces).toHaveLength(30);
    for (const trace of traces) {
      expect(trace.outcome).toBe('ok');
      expect(trace.hops.some((h) => h.at === `node/${down.name}`)).toBe(false);
      expect(trace.endpoint?.node).not.toBe(down.name);
    }
    await playground.screenshot('05-lb-node-down');
  });

  test("the traffic histogram keeps each Deployment pod's own suffix in sight", async ({
    playground,
    page,
  }) => {
    await playground.open();
    // Its kubia is a Deployment of two pods behind a LoadBalancer, with no session affinity.
    await page.getByTestId('scenario-picker').selectOption('loadbalancer');
    await expect(page.locator('[data-graph-id^="svc/"]').first()).toBeVisible();
    const [lb] = await playground.call('loadBalancers');
    await page.getByTestId('request-from').selectOption('client/laptop');
    await page.getByTestId('request-url').fill(`http://${lb?.ips[0]}`);
    await playground.sendTraffic(30);
    const rows = page.getByTestId('histogram').locator('.kp-bar-row');
    await expect(rows).toHaveCount(2);
    const suffixes: string[] = [];
    for (const row of await rows.all()) {
      const label = row.locator('.kp-bar-label');
      const tail = label.locator('.kp-bar-label-tail');
      // `kubia-<hash>-` is cut; the suffix that tells the pods apart is drawn whole, inside the label.
      await expect(tail).toBeVisible();
      const [labelBox, tailBox] = [await label.boundingBox(), await tail.boundingBox()];
      expect(tailBox!.x + tailBox!.width).toBeLessThanOrEqual(labelBox!.x + labelBox!.width + 0.5);
      const head = label.locator('.kp-bar-label-head');
      expect(await head.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      suffixes.push((await tail.textContent()) ?? '');
      await expect(label).toHaveAttribute('title', /^kubia-[a-z0-9]+-[a-z0-9]{5}$/);
    }
    expect(new Set(suffixes).size).toBe(2);
    await playground.screenshot('05-histogram-deployment-pods');
  });

  test('a crowd over 60 pods: the histogram shows the most-hit pods, most first, and one line for the rest', async ({
    playground,
    page,
  }) => {
    test.slow();
    await playground.open(largeClusterLink(2, 60));
    await expect.poll(() => page.locator('.react-flow__node-pod').count(), { timeout: 60_000 }).toBe(60);
    const from = (await playground.call('pods')).find((p) => p.startsWith('pod/default/web-'))!;
    await page.getByTestId('request-from').selectOption(from);
    await page.getByTestId('request-url').fill('http://web');
    await playground.sendTraffic(200);

    // What the engine routed, counted by pod: the figure the histogram must summarise.
    const traces = (await playground.call('batchTraces')) as { endpoint?: { pod?: string } }[];
    const byPod = new Map<string, number>();
    for (const trace of traces) {
      const pod = trace.endpoint?.pod;
      expect(pod).toBeTruthy();
      byPod.set(`pod/${pod}`, (byPod.get(`pod/${pod}`) ?? 0) + 1);
    }
    expect(byPod.size).toBeGreaterThan(20);

    const histogram = page.getByTestId('histogram');
    const rows = histogram.locator('.kp-bar-row');
    await expect(rows).toHaveCount(15);
    const shown: { target: string; count: number }[] = [];
    for (const row of await rows.all()) {
      const target = (await row.getAttribute('data-target'))!;
      const count = Number(await row.locator('.kp-bar-count').textContent());
      expect(count).toBe(byPod.get(target));
      shown.push({ target, count });
    }
    // Most first, and no pod left out has more requests than one shown.
    const counts = shown.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const left = [...byPod].filter(([pod]) => !shown.some((r) => r.target === pod));
    expect(Math.max(...left.map(([, n]) => n))).toBeLessThanOrEqual(Math.min(...counts));

    // The line for the rest says how many pods and requests it stands for, in words a person reads.
    const rest = histogram.getByTestId('histogram-rest');
    await rest.scrollIntoViewIfNeeded();
    await expect(rest).toBeVisible();
    const restRequests = left.reduce((sum, [, n]) => sum + n, 0);
    await expect(rest).toHaveText(`${left.length} more pods, ${restRequests} requests`);
    expect(counts.reduce((sum, n) => sum + n, 0) + restRequests).toBe(200);
    await playground.screenshot('05-histogram-crowd-summary');
  });

  test('an Ingress request for kubia.example.com reaches kubia; an unknown host gets 404', async ({
    playground,
  }) => {
    await playground.open();
    const [ingress] = await playground.call('ingresses');
    const address = ingress?.addresses[0];
    expect(address).toBeTruthy();
    await playground.send('client/laptop', `http://${address}/`, 'kubia.example.com');
    expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
    await playground.screenshot('06-ingress-host');
    await playground.send('client/laptop', `http://${address}/`, 'unknown.example.com');
    await playground.arrival();
    const trace = await playground.call('focusedTrace');
    expect(trace?.status).toBe(404);
    expect(trace?.endpoint?.pod ?? '').not.toMatch(/kubia-/);
  });

  test('editing replicas adds pods; a reload keeps the edit', async ({ playground }) => {
    await playground.open();
    await expect(playground.kubiaPods()).toHaveCount(3);
    await playground.replaceInEditor('replicas: 3', ['Backspace', '5']);
    await expect(playground.kubiaPods()).toHaveCount(5);
    await playground.screenshot('07-replicas-5');
    await playground.reload();
    await expect(playground.kubiaPods()).toHaveCount(5);
    await playground.editorLine('replicas: 5');
  });

  test('broken YAML shows a marker and keeps the graph, marked stale', async ({ playground, page }) => {
    await playground.open();
    await playground.editorLine('replicas: 3');
    const pods = await playground.call('pods');
    // `bad: x: y` is broken YAML (a nested mapping on one line). (`bad: [x` was broken only while
    // Space never reached the editor: Monaco closes the bracket, and `bad: [x]` is valid.)
    await playground.replaceInEditor('replicas: 3', ['Enter', 'b', 'a', 'd', ':', ' ', 'x', ':', ' ', 'y']);
    await expect(page.getByTestId('stale-banner')).toBeVisible();
    await expect(playground.editor.locator('.squiggly-error').first()).toBeVisible();
    // The line over the graph counts the problems and opens their list.
    await playground.showProblems();
    await expect(playground.problems.locator('.kp-sev-error').first()).toBeVisible();
    await expect(playground.kubiaPods()).toHaveCount(3);
    // The whole page stays on the last good cluster: the same pods. (The revision may have moved while
    // the line was half typed: `bad: x` alone parses, and is refused as a field the RC does not have.)
    expect(await playground.call('stale')).toBe(true);
    expect(await playground.call('pods')).toEqual(pods);
    await playground.screenshot('08-broken-yaml-stale');
    // A problem row reveals its line: the editor takes the focus there.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await playground.problems.locator('.kp-sev-error').first().click();
    await expect(playground.editor.locator('.monaco-editor.focused')).toBeVisible();
  });

  test('the inspector scales the workload and deletes a pod (its controller replaces it)', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const pods = await playground.call('pods');
    const victim = pods.find((p) => p.startsWith('pod/default/kubia-'))!;
    await playground.selectGraphNode(victim);
    await expect(page.getByTestId('inspector')).toContainText('/etc/resolv.conf');
    await expect(page.getByTestId('inspector')).toContainText('nameserver');
    await playground.screenshot('11-inspector-pod');
    await page.getByRole('button', { name: 'Scale kubia up' }).click();
    await expect(playground.kubiaPods()).toHaveCount(4);
    await playground.selectGraphNode(victim);
    await page.getByRole('button', { name: 'Delete pod' }).click();
    // It terminates for its grace period (its card fades, then goes: terminating.spec.ts), replaced at once.
    await expect(playground.podNode(victim)).toHaveAttribute('data-terminating', 'true');
    await expect(playground.kubiaPods()).toHaveCount(4);
  });

  test('has no serious accessibility violations', async ({ playground, page }) => {
    await playground.open();
    await playground.editorLine('kind: ReplicationController');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('with reduced motion the path is drawn as numbered steps and the request lands at once', async ({
    playground,
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await playground.open();
    // The request bar starts with a request that works in this cluster: a kubia pod to http://kubia.
    await expect(page.getByTestId('request-url')).toHaveValue('http://kubia');
    await expect(page.getByTestId('request-from')).toHaveValue(/^pod\/default\/kubia-/);
    await page.getByTestId('request-send').click();
    expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
    await expect(page.locator('.kp-path-static')).toBeVisible();
    await expect(page.locator('.kp-path-step').first()).toBeVisible();
    await playground.screenshot('12-reduced-motion-path');
  });

  test('dark theme', async ({ playground, page }) => {
    await playground.open();
    await page.getByRole('button', { name: /dark theme/i }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await playground.editorLine('kind: ReplicationController');
    await playground.screenshot('09-dark');
  });
});

test.describe('scenarios', () => {
  for (const id of ['clusterip', 'nodeport', 'loadbalancer', 'ingress']) {
    test(`the ${id} scenario opens from the picker`, async ({ playground, page, consoleErrors }) => {
      await playground.open();
      await page.getByTestId('scenario-picker').selectOption(id);
      await expect(page.locator('[data-graph-id^="svc/"]').first()).toBeVisible();
      await playground.editorLine('kind:');
      const cluster = page.locator('.react-flow__node-cluster');
      const before = (await cluster.boundingBox())?.width ?? 0;
      await page.getByRole('button', { name: 'Graph only' }).click();
      await expect(page.getByTestId('editor-panel')).toHaveCount(0);
      // The graph refits to the larger pane.
      await expect.poll(async () => (await cluster.boundingBox())?.width ?? 0).toBeGreaterThan(before * 1.2);
      await playground.screenshot(`10-scenario-${id}`);
      expect(consoleErrors).toEqual([]);
    });
  }

  test('a share link opens its scenario, and the link leaves the address bar', async ({
    playground,
    page,
  }) => {
    const yaml = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: solo',
      '  labels:',
      '    app: solo',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx',
      '      ports:',
      '        - containerPort: 80',
    ].join('\n');
    const link = `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml }))}`;
    await playground.open(link);
    await expect(playground.podNode('pod/default/solo')).toBeVisible();
    expect(page.url()).not.toContain('#lz.');
    await playground.reload();
    await expect(playground.podNode('pod/default/solo')).toBeVisible();
  });
});
