/**
 * The NetworkPolicy lesson walked as a person does, at 1366x768: open it from the lessons panel,
 * curl the kubia Service from the client pod (it answers), type a default-deny ingress policy into
 * the editor with the keyboard (the request now times out and the explanation names the policy, whose
 * card the graph shows), then type a rule that lets role=frontend in on container port 8080 (the
 * request answers 200 again). Monaco indents each new line itself: the typing helper looks at the
 * line after every Enter and fixes its indentation, as a person watching the screen would.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { lines, newLine, typeLinesAtEnd } from './pages/editorTyping.ts';
import { LessonPanel } from './pages/LessonPanel.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

// Typing two policies line by line makes many round trips to the page: give a busy machine room.
test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const CLIENT = 'pod/default/client';

/** Opens the playground and starts the NetworkPolicy lesson from the lessons panel, as a student does. */
async function openPolicyLesson(page: Page, playground: PlaygroundPage) {
  await playground.open();
  const lessons = new LessonPanel(page);
  const terminal = new TerminalPanel(page);
  await lessons.open();
  await lessons.start('network-policy');
  await terminal.ready();
  return { lessons, terminal };
}

/** Shows or hides the YAML editor with its button in the activity bar. */
async function showYaml(playground: PlaygroundPage, shown: boolean): Promise<void> {
  const button = playground.page.getByTestId('yaml-button');
  if ((await button.getAttribute('aria-pressed')) !== String(shown)) await button.click();
  await expect(button).toHaveAttribute('aria-pressed', String(shown));
}

/** Types `wanted` at the end of the editor, line by line, and waits until the engine has it. */
async function typeDocumentAtEnd(playground: PlaygroundPage, wanted: string[]): Promise<void> {
  await playground.goToLine(lines(await playground.call('yaml')).length);
  await playground.page.keyboard.press('Control+End');
  if ((lines(await playground.call('yaml')).at(-1) ?? '') !== '') await newLine(playground);
  await typeLinesAtEnd(playground, wanted);
  await expect.poll(() => playground.call('stale')).toBe(false);
}

const denyKubiaIngress = [
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: deny-kubia-ingress',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      app: kubia',
  '  policyTypes:',
  '    - Ingress',
];

const allowFrontend = [
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: allow-frontend',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      app: kubia',
  '  ingress:',
  '    - from:',
  '        - podSelector:',
  '            matchLabels:',
  '              role: frontend',
  '      ports:',
  '        - port: 8080',
];

test('the NetworkPolicy lesson: default deny names the policy, a rule on port 8080 lets the client back in', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const { lessons } = await openPolicyLesson(page, playground);
  await expect(page.locator('.react-flow__node.kp-lesson-highlight').first()).toBeVisible();
  await playground.showDetails();
  // The terminal is not needed here (the request bar sends): hide it so the graph has room.
  await page.getByTestId('bottom-panel').getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByTestId('bottom-panel')).toHaveClass(/kp-collapsed/);

  // Step 1: the client reaches the kubia Service.
  await playground.send(CLIENT, 'http://kubia');
  expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
  await lessons.expectDone(1);
  await lessons.expectOnStep(2);
  await expect(page.locator('.kp-netpol')).toHaveCount(0);

  // Step 2: the default-deny policy, typed into the editor. Its card appears next to the Service.
  // The lesson opened in place of the YAML: its button brings the editor back beside the lesson.
  await showYaml(playground, true);
  await typeDocumentAtEnd(playground, denyKubiaIngress);
  await showYaml(playground, false);
  const denyCard = page.locator('.kp-netpol[data-graph-id="netpol/default/deny-kubia-ingress"]');
  await expect(denyCard).toBeVisible();
  await expect(denyCard).toContainText('selects 3 pods');
  await expect(denyCard).toContainText('Ingress');

  // The request now times out, and the explanation names the policy.
  await playground.send(CLIENT, 'http://kubia');
  expect(await playground.arrival()).not.toMatch(/^pod\//);
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'timeout');
  const explanation = page.getByTestId('trace-explanation');
  await expect(explanation).toHaveAttribute('data-kind', 'netpol-denied');
  await expect(explanation).toContainText('NetworkPolicy default/deny-kubia-ingress');
  // The graph outlines the policy the explanation blames (its id: netpol/default/deny-kubia-ingress).
  await expect(denyCard).toHaveAttribute('data-blamed', 'true');
  // The policy exists once the student acts again: step 2 is done, step 3 asks for that request.
  await lessons.expectDone(2);
  // Step 3 lights the policy's card: the graph knows the id the explanation blames.
  await expect(
    page.locator('.react-flow__node.kp-lesson-highlight [data-graph-id^="netpol/"]'),
  ).toBeVisible();
  await playground.screenshot('networkpolicy-denied');
  await playground.send(CLIENT, 'http://kubia');
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'timeout');
  await lessons.expectDone(3);
  await lessons.expectOnStep(4);

  // Step 4: a second policy lets role=frontend in, on the container port (8080), not the Service's 80.
  await showYaml(playground, true);
  await typeDocumentAtEnd(playground, allowFrontend);
  await showYaml(playground, false);
  await expect(page.locator('.kp-netpol[data-graph-id="netpol/default/allow-frontend"]')).toBeVisible();

  // Step 5: the client gets its answer again.
  await playground.send(CLIENT, 'http://kubia');
  expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'ok');
  await expect(page.getByTestId('trace-outcome')).toContainText('HTTP 200');
  await lessons.expectDone(4);
  await playground.send(CLIENT, 'http://kubia');
  expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
  await lessons.expectDone(5);
  await expect(denyCard).toHaveAttribute('data-blamed', 'false');
  await expect(page.getByTestId('lesson-finished')).toBeVisible();
  await playground.screenshot('networkpolicy-allowed');

  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

/** The client's own egress policy, on one terminal line: DNS anywhere, kubia on 8080, one outside block. */
const clientEgressJson = JSON.stringify({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'client-egress' },
  spec: {
    podSelector: { matchLabels: { role: 'frontend' } },
    policyTypes: ['Egress'],
    egress: [
      { ports: [{ protocol: 'UDP', port: 53 }] },
      { to: [{ podSelector: { matchLabels: { app: 'kubia' } } }], ports: [{ port: 8080 }] },
      { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }] },
    ],
  },
});

/** The allowed edges drawn now, as [source, target, ports] sorted, read from their data attributes. */
async function drawnEdges(playground: PlaygroundPage): Promise<string[][]> {
  const edges = await playground.page
    .getByTestId('policy-edge')
    .evaluateAll((gs) =>
      gs.map((g) => [
        g.getAttribute('data-source') ?? '',
        g.getAttribute('data-target') ?? '',
        g.getAttribute('data-ports') ?? '',
      ]),
    );
  return edges.sort((a, b) => a.join().localeCompare(b.join()));
}

test('a policy’s allowed traffic: drawn on demand from its inspector, with the keyboard, and hidden again', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const { terminal } = await openPolicyLesson(page, playground);
  expect(await terminal.run('kubectl apply -f allow-frontend.yaml')).toContain(
    'networkpolicy.networking.k8s.io/allow-frontend created',
  );
  expect(await terminal.run(`echo '${clientEgressJson}' | kubectl apply -f -`)).toContain(
    'networkpolicy.networking.k8s.io/client-egress created',
  );
  await playground.showDetails();
  await page.getByTestId('bottom-panel').getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByTestId('bottom-panel')).toHaveClass(/kp-collapsed/);
  const kubia = (await playground.call('pods')).filter((id) => id.startsWith('pod/default/kubia-')).sort();
  expect(kubia).toHaveLength(3);
  const edges = page.getByTestId('policy-edge');
  const button = page.getByTestId('show-allowed-traffic');

  // The ingress policy: select its card, then press the inspector's button from the keyboard.
  await playground.selectGraphNode('netpol/default/allow-frontend');
  await expect(page.getByTestId('netpol-rules')).toContainText('spec.ingress[0]');
  await expect(edges).toHaveCount(0);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(edges).toHaveCount(3);
  expect(await drawnEdges(playground)).toEqual(kubia.map((pod) => [CLIENT, pod, 'TCP 8080']));
  // Every end is a card on the graph; the rest of the graph is dimmed, the ends are not.
  for (const id of [CLIENT, ...kubia]) await expect(page.locator(`[data-graph-id="${id}"]`)).toBeVisible();
  const opacity = (id: string) =>
    page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((n) => Number(getComputedStyle(n).opacity));
  expect(await opacity(CLIENT)).toBe(1);
  expect(await opacity('svc/default/kubia')).toBeLessThan(0.5);
  await playground.screenshot('networkpolicy-allowed-edges');

  // Pressed again (Space on the focused button), the edges go and the graph is bright again.
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(edges).toHaveCount(0);
  expect(await opacity('svc/default/kubia')).toBe(1);

  // The egress policy: pod -> peer, a stub for "any destination" on UDP 53 and one for the ipBlock.
  await playground.selectGraphNode('netpol/default/client-egress');
  await button.click();
  await expect(edges).toHaveCount(5);
  expect(await drawnEdges(playground)).toEqual(
    [
      [CLIENT, 'any', 'UDP 53'],
      [CLIENT, 'ipBlock:203.0.113.0/24', ''],
      ...kubia.map((pod) => [CLIENT, pod, 'TCP 8080']),
    ].sort((a, b) => a.join().localeCompare(b.join())),
  );
  await expect(page.getByTestId('policy-edges')).toContainText('any destination');
  await playground.screenshot('networkpolicy-allowed-edges-egress');
  // Escape hides them (the keyboard is on the button, not in a text field).
  await page.keyboard.press('Escape');
  await expect(edges).toHaveCount(0);

  // Selecting anything else hides them too.
  await button.click();
  await expect(edges).toHaveCount(5);
  await playground.selectGraphNode(CLIENT);
  await expect(edges).toHaveCount(0);

  // Presenting at 1280x720: the drawing stays; the first Escape hides it, the second leaves presenter mode.
  await playground.selectGraphNode('netpol/default/allow-frontend');
  await button.click();
  await expect(edges).toHaveCount(3);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('p');
  const present = page.getByTestId('present-button');
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(edges).toHaveCount(3);
  await playground.screenshot('networkpolicy-allowed-edges-present');
  await page.keyboard.press('Escape');
  await expect(edges).toHaveCount(0);
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(present).toHaveAttribute('aria-pressed', 'false');

  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});
