/**
 * "Why did this request fail?": after Send, a failing request shows the engine's explanation under its
 * outcome; "Show in YAML" reveals and highlights the blamed line; a quick fix is one edit that Ctrl+Z
 * undoes. Failures are made as a person would: editing the YAML in the editor, or a node going down.
 * (No spaces are typed into the editor.)
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';

interface Explained {
  explanation?: { kind: string; summary: string; blame?: { location?: { line: number } } };
}

async function explanationOf(playground: PlaygroundPage): Promise<Explained['explanation']> {
  return ((await playground.call('focusedTrace')) as Explained | null)?.explanation;
}

/** The explanation panel, once the focused request has arrived. */
async function explained(playground: PlaygroundPage, page: Page, kind: string) {
  await playground.arrival();
  const panel = page.getByTestId('trace-explanation');
  await expect(panel).toHaveAttribute('data-kind', kind);
  return panel;
}

/** Monaco draws spaces as no-break spaces. */
function lineText(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim();
}

/** "Show in YAML": the highlighted editor line, checked against the line the explanation blames. */
async function showInYaml(playground: PlaygroundPage, page: Page, expected: string): Promise<void> {
  await page.getByTestId('explain-show-yaml').click();
  const highlighted = playground.editor.locator('.view-line:has(.kp-blame-text)');
  await expect(highlighted).toHaveCount(1);
  await expect.poll(async () => lineText(await highlighted.textContent())).toBe(expected);
  const line = (await explanationOf(playground))?.blame?.location?.line ?? 0;
  const yaml = await playground.call('yaml');
  expect(yaml.split('\n')[line - 1]?.trim()).toBe(expected);
}

async function kubiaPod(playground: PlaygroundPage): Promise<string> {
  const pods = await playground.call('pods');
  return pods.find((p) => p.startsWith('pod/default/kubia-')) ?? '';
}

/** Waits until the engine has applied the editor's text. */
async function settled(playground: PlaygroundPage, text: string): Promise<void> {
  await expect.poll(() => playground.call('yaml')).toContain(text);
  await expect.poll(() => playground.call('stale')).toBe(false);
}

test.describe('why did this request fail', () => {
  test('an unresolvable name: the closest Service is suggested and its name line shown', async ({
    playground,
    page,
  }) => {
    await playground.open();
    await playground.send(await kubiaPod(playground), 'http://kubai');
    const panel = await explained(playground, page, 'name-typo');
    await expect(panel).toContainText('Did you mean "kubia"?');
    await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'unresolved');
    await showInYaml(playground, page, 'name: kubia');
    await playground.screenshot('explain-01-name-typo');
  });

  test('a selector that matches no pod: shown, fixed with one click, and Ctrl+Z undoes the fix', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const from = await kubiaPod(playground);
    // The ClusterIP Service's selector is two lines below its https targetPort.
    const targetPortLine = await playground.lineNumberOf('targetPort: 8443');
    await playground.goToLine(targetPortLine);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // A person types once the caret is on the selector's line; should a key be lost, this says so.
    await expect(playground.editor.locator('[data-cursor-line]')).toHaveAttribute(
      'data-cursor-line',
      String(targetPortLine + 2),
    );
    for (const key of ['End', 'Backspace', 'Backspace', 'a', 'i']) await page.keyboard.press(key);
    await settled(playground, 'app: kubai');
    await playground.send(from, 'http://kubia');
    const panel = await explained(playground, page, 'selector-no-pods');
    await expect(panel).toContainText('selects app=kubai');
    await expect(panel).toContainText('the pods have app=kubia');
    await showInYaml(playground, page, 'app: kubai');
    await playground.screenshot('explain-02-selector');

    await page.getByTestId('explain-fix').click();
    await settled(playground, '      targetPort: 8443\n  selector:\n    app: kubia\n');
    // The fix is one edit in the editor (which has the focus): Ctrl+Z brings the mistake back.
    await page.keyboard.press('Control+z');
    await settled(playground, 'app: kubai');
    await page.keyboard.press('Control+Shift+z');
    await settled(playground, '      targetPort: 8443\n  selector:\n    app: kubia\n');
    await playground.send(from, 'http://kubia');
    expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
  });

  test('a targetPort nothing listens on blames spec.ports[0].targetPort', async ({ playground, page }) => {
    await playground.open();
    const from = await kubiaPod(playground);
    await playground.goToLine(await playground.lineNumberOf("targetPort: 8080  # the container's port"));
    await page.keyboard.press('Home');
    for (let i = 0; i < 'targetPort: '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('80');
    await settled(playground, "targetPort: 80  # the container's port");
    await playground.send(from, 'http://kubia');
    const panel = await explained(playground, page, 'targetport-not-listening');
    await expect(panel).toContainText('nothing in the pod listens on 80');
    await showInYaml(playground, page, "targetPort: 80  # the container's port");
    await expect(page.getByTestId('explain-fix')).toContainText('set targetPort to 8080');
  });

  test('an Ingress host that matches no rule: the rule host is shown (1280x720)', async ({
    playground,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await playground.open();
    // Below 1440 px the Details column (the request step by step) starts closed: open it as a user would.
    await playground.showDetails();
    const [ingress] = await playground.call('ingresses');
    await playground.send('client/laptop', `http://${ingress?.addresses[0] ?? ''}/`, 'kubia.exmple.com');
    const panel = await explained(playground, page, 'ingress-host-mismatch');
    await expect(panel).toContainText('its rules are for kubia.example.com');
    await showInYaml(playground, page, '- host: kubia.example.com');
    await expect(page.getByTestId('explain-show-yaml')).toBeInViewport();
    await playground.screenshot('explain-04-ingress-host-1280');
  });

  test('a node that is down: the explanation names it', async ({ playground, page }) => {
    await playground.open();
    const node = (await playground.call('nodes')).find((n) => n.name === 'kind-worker')!;
    await playground.selectGraphNode('node/kind-worker');
    await page.getByTestId('node-toggle').click();
    await expect(page.locator('[data-graph-id="node/kind-worker"]')).toHaveAttribute('data-up', 'false');
    await playground.send('client/laptop', `http://${node.ip}:30123`);
    const panel = await explained(playground, page, 'node-down');
    await expect(panel).toContainText('node kind-worker is down');
    await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'timeout');
  });
});
