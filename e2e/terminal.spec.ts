/**
 * The in-app terminal, in the production build: what a student types in the course (Kubernetes in
 * Action ch. 5) prints what kubectl and curl print, the packet a curl sends lands on the pod that
 * answered, and /etc/hosts edits change the scenario. Screenshots go to test-results/screenshots.
 */
import { test, expect } from './fixtures.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

// Each test has a new browser context, so history and the autosaved scenario start empty.
// The terminal opens when used: from its tab in the bottom panel.
test.beforeEach(async ({ playground, page }) => {
  await playground.open();
  await new TerminalPanel(page).show();
});

test('kubectl get svc prints kubectl columns with the cluster IP the graph shows', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  expect(await terminal.lastLine()).toBe('student@laptop:~$');
  const output = await terminal.run('kubectl get svc');
  expect(output.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
  const graphIp = await page.locator('[data-graph-id="svc/default/kubia"] .kp-mono').first().textContent();
  expect(graphIp).toMatch(/^10\.96\.\d+\.\d+$/);
  expect(output).toMatch(
    new RegExp(`^kubia\\s+ClusterIP\\s+${graphIp?.replace(/\./g, '\\.')}\\s+<none>\\s+80/TCP`, 'm'),
  );
  await playground.screenshot('terminal-get-svc');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('curl from a pod prints the pod that answered, and the packet lands on that same pod', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const firstPod = (await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '';
  const podName = firstPod.split('/')[2] ?? '';
  expect(podName).toMatch(/^kubia-\w{5}$/);
  for (let i = 0; i < 3; i++) {
    const before = await playground.traceStatus.getAttribute('data-trace-id');
    const output = await terminal.run(`kubectl exec ${podName} -- curl -s http://kubia`);
    const answered = /^You've hit (kubia-\w{5})$/m.exec(output)?.[1];
    expect(answered, output).toBeTruthy();
    await playground.newTrace(before);
    await expect(playground.traceStatus).toHaveAttribute('data-arrived', `pod/default/${answered}`, {
      timeout: 20_000,
    });
    const trace = await playground.call('focusedTrace');
    expect(trace?.endpoint?.pod).toBe(`default/${answered}`);
    // The request left from the pod the command ran in.
    expect((trace as { from?: string } | null)?.from).toBe(firstPod);
  }
  await playground.screenshot('terminal-exec-curl');
});

test('the Ingress host fails to resolve on the laptop until /etc/hosts names it', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const ingress = await terminal.run('kubectl get ingress');
  expect(ingress.split('\n')[0]).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE$/);
  const address = /kubia\.example\.com\s+(\d+\.\d+\.\d+\.\d+)/.exec(ingress)?.[1] ?? '';
  expect(address, ingress).not.toBe('');

  expect(await terminal.run('curl http://kubia.example.com')).toBe(
    'curl: (6) Could not resolve host: kubia.example.com',
  );
  await playground.screenshot('terminal-ingress-unresolved');

  const tee = await terminal.run(`echo "${address} kubia.example.com" | sudo tee -a /etc/hosts`);
  expect(tee).toBe(`${address} kubia.example.com`);
  // The edit is an action of the scenario: it is in the laptop's hosts file after the rebuild, and
  // on the laptop's card in the graph.
  expect(await terminal.run('cat /etc/hosts')).toContain(`${address} kubia.example.com`);
  const hostsOnCard = page.locator('[data-graph-id="client/laptop"]').getByTestId('client-hosts');
  await expect(hostsOnCard).toHaveText(`/etc/hosts ${address}kubia.example.com`);
  await expect(hostsOnCard).toHaveAttribute('title', `${address} kubia.example.com`);
  const hostsBox = (await hostsOnCard.boundingBox())!;
  const cardBox = (await page.locator('[data-graph-id="client/laptop"]').boundingBox())!;
  expect(hostsBox.y + hostsBox.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
  const answer = await terminal.run('curl http://kubia.example.com');
  const answered = /^You've hit (kubia-\w{5})$/m.exec(answer)?.[1];
  expect(answered, answer).toBeTruthy();
  await expect(playground.traceStatus).toHaveAttribute('data-arrived', `pod/default/${answered}`, {
    timeout: 20_000,
  });
  await playground.screenshot('terminal-ingress-answers');
});

test('exec -it bash changes the prompt; exit leaves; history, completion and Ctrl-C work', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const podName = ((await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '').split('/')[2];

  await terminal.run(`kubectl exec ${podName} -it -- bash`);
  expect(await terminal.prompt()).toBe(`root@${podName}:/# `);
  expect(await terminal.lastLine()).toBe(`root@${podName}:/#`);
  expect(await terminal.run('curl -s http://kubia')).toMatch(/^You've hit kubia-\w{5}$/);
  expect(await terminal.run('exit')).toBe('exit');
  expect(await terminal.lastLine()).toBe('student@laptop:~$');

  // Up twice recalls the curl typed inside the pod; Ctrl-C abandons it.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => terminal.lastLine()).toBe('student@laptop:~$ curl -s http://kubia');
  await page.keyboard.press('Control+c');
  await expect
    .poll(() => terminal.lines().then((l) => l.slice(-2)))
    .toEqual(['student@laptop:~$ curl -s http://kubia^C', 'student@laptop:~$']);

  // Tab completes a single match or the shared prefix; the next Tab lists the matches, as bash does.
  await page.keyboard.type('kubectl ge');
  await page.keyboard.press('Tab');
  await expect.poll(() => terminal.lastLine()).toBe('student@laptop:~$ kubectl get');
  await page.keyboard.type('pods kub');
  await page.keyboard.press('Tab');
  await expect.poll(() => terminal.lastLine()).toBe('student@laptop:~$ kubectl get pods kubia-');
  await page.keyboard.press('Tab');
  await expect.poll(() => terminal.text()).toContain(podName ?? '');
  await playground.screenshot('terminal-completion');
  await page.keyboard.press('Control+c');

  // History survives a reload.
  await playground.reload();
  await terminal.ready();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => terminal.lastLine()).toBe('student@laptop:~$ exit');
});

test('a pod picked in the graph pastes its name into the terminal', async ({ page, playground }) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const pod = (await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '';
  await page.keyboard.type('kubectl get pod ');
  await terminal.select(pod);
  await page.getByTestId('paste-to-terminal').click();
  await expect(page.getByTestId('terminal').locator('textarea')).toBeFocused();
  await expect.poll(() => terminal.lastLine()).toBe(`student@laptop:~$ kubectl get pod ${pod.split('/')[2]}`);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => terminal.text())
    .toMatch(new RegExp(`^${pod.split('/')[2]}\\s+1/1\\s+Running`, 'm'));
});

test('the terminal follows the dark theme and reads from the back of the room', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  await terminal.run('kubectl get pods -o wide');
  const fontSize = await terminal.root.locator('.xterm-rows').evaluate((el) => getComputedStyle(el).fontSize);
  expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(15);
  await page
    .getByRole('button', { name: /dark|theme/i })
    .first()
    .click();
  await expect
    .poll(() =>
      terminal.root.locator('.xterm-viewport').evaluate((el) => getComputedStyle(el).backgroundColor),
    )
    .toBe('rgb(23, 28, 37)');
  await playground.screenshot('terminal-dark');
});

test('commands that change the cluster change the scenario, and the graph follows', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  await expect(playground.kubiaPods()).toHaveCount(3);
  expect(await terminal.run('kubectl scale rc kubia --replicas=5')).toBe(
    'replicationcontroller/kubia scaled',
  );
  await expect(playground.kubiaPods()).toHaveCount(5);
  // The terminal sees the same cluster the graph draws (the rebuilt one, not a private copy).
  const listed = await terminal.run('kubectl get pods -l app=kubia -o name');
  const graphPods = await playground
    .kubiaPods()
    .evaluateAll((els) =>
      els.map((e) => `pod/${(e.getAttribute('data-graph-id') ?? '').split('/')[2]}`).sort(),
    );
  expect(listed.split('\n').sort()).toEqual(graphPods);

  expect(await terminal.run('kubectl expose rc kubia --name=kubia-http --port=80 --target-port=8080')).toBe(
    'service/kubia-http exposed',
  );
  await expect(page.locator('[data-graph-id="svc/default/kubia-http"]')).toBeVisible();
  await playground.screenshot('terminal-scale-expose');

  // The actions are part of the scenario: they survive a reload (autosave) like any edit.
  await playground.reload();
  await expect(playground.kubiaPods()).toHaveCount(5);
  await expect(page.locator('[data-graph-id="svc/default/kubia-http"]')).toBeVisible();
});

test('a multi-line paste runs each line in order', async ({ page }) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  // A taller dock (the splitter, from the keyboard) so both commands stay on screen; xterm refits.
  const splitter = page.getByRole('separator', { name: 'Resize the terminal' });
  await splitter.press('Shift+ArrowUp');
  await splitter.press('Shift+ArrowUp');
  await terminal.focus();
  // What the browser fires on Ctrl-V; xterm reads clipboardData from it.
  await terminal.root.locator('textarea').evaluate((textarea) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'kubectl get svc kubia\nkubectl get endpoints kubia\n');
    textarea.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(terminal.root).toHaveAttribute('data-runs', '2');
  await expect.poll(() => terminal.text()).toMatch(/\$ kubectl get svc kubia\nNAME\s+TYPE\s+CLUSTER-IP/);
  await expect
    .poll(() => terminal.text())
    .toMatch(
      // the API server's deprecation warning first (it may wrap), then the table
      /\$ kubectl get endpoints kubia\nWarning: v1 Endpoints is deprecated in[^]*?\nNAME\s+ENDPOINTS\s+AGE\nkubia\s+10\.244\./,
    );
});

test('hiding the terminal keeps the shell where it was; a name pasted while hidden opens it', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const pod = (await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '';
  const name = pod.split('/')[2] ?? '';
  await terminal.run(`kubectl exec -it ${name} -- bash`);
  const dock = page.getByRole('region', { name: 'Terminal' });
  await dock.getByRole('button', { name: 'Hide' }).click();
  await expect(terminal.root).toHaveCount(0);
  await terminal.select('svc/default/kubia');
  await page.getByTestId('paste-to-terminal').click();
  await expect(terminal.root).toHaveAttribute('data-busy', 'false');
  await expect.poll(() => terminal.lastLine()).toBe(`root@${name}:/# kubia`);
});

test('keyboard users reach the terminal with Tab, see where focus is, and leave with Esc then Tab', async ({
  page,
}) => {
  const terminal = new TerminalPanel(page);
  await expect(terminal.root).toHaveAttribute('data-busy', 'false', { timeout: 20_000 });
  const textarea = terminal.root.locator('textarea');
  // Screen-reader mode: xterm mirrors the rows in an accessibility tree and announces output.
  await expect(terminal.root.locator('.xterm-accessibility-tree')).toContainText('student@laptop:~$');
  await page.getByRole('region', { name: 'Terminal' }).getByRole('button', { name: 'Hide' }).focus();
  await page.keyboard.press('Tab');
  await expect(textarea).toBeFocused();
  const outline = await terminal.root
    .locator('.kp-term-screen')
    .evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
  // Inside, Tab completes...
  await page.keyboard.type('kubectl ge');
  await page.keyboard.press('Tab');
  await expect.poll(() => terminal.lastLine()).toBe('student@laptop:~$ kubectl get');
  await expect(textarea).toBeFocused();
  // ...and Esc then Tab moves on, as the hint under the terminal says.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(textarea).not.toBeFocused();
});

test('Ctrl-C copies selected text instead of interrupting', async ({ page, context, playground }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  await terminal.run('kubectl get svc kubia');
  const graphIp =
    (await page.locator('[data-graph-id="svc/default/kubia"] .kp-mono').first().textContent()) ?? '';
  // Double-click selects a word in xterm; the cluster IP is one word.
  const row = terminal.root.locator('.xterm-rows > div', { hasText: 'ClusterIP' });
  const box = await row.evaluate((el, word) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, graphIp);
  expect(box).not.toBeNull();
  await page.mouse.dblclick(box?.x ?? 0, box?.y ?? 0);
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(graphIp);
  expect(await terminal.lastLine()).toBe('student@laptop:~$');
  await playground.screenshot('terminal-selection');
});

test('opening another scenario brings the shell back to the laptop', async ({ page, playground }) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const name = ((await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '').split('/')[2];
  await terminal.run(`kubectl exec -it ${name} -- bash`);
  expect(await terminal.prompt()).toBe(`root@${name}:/# `);
  await page.getByLabel('Scenario').selectOption('nodeport');
  await expect(terminal.root).toHaveAttribute('data-prompt', 'student@laptop:~$ ');
  await expect
    .poll(() => terminal.lines().then((l) => l.slice(-2)))
    .toEqual(['(opened another scenario: back on the laptop)', 'student@laptop:~$']);
});
