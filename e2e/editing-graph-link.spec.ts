/**
 * The graph and the YAML point at each other, at a small laptop's size (1366x768: the YAML beside the
 * graph, Details closed). A click on a card reveals its document; the editor's cursor in a document
 * rings what it made; a request drawn before the YAML changed says so; a failed request explains itself
 * over the graph while Details is closed. Everything is done as a person does it: clicks and keys.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';

test.use({ viewport: { width: 1366, height: 768 } });

/** Monaco draws spaces as no-break spaces. */
function lineText(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim();
}

/** 1-based number of the first line reading `text` (after indentation) at or after line `from`. */
function lineOf(yaml: string, text: string, from = 1): number {
  return yaml.split('\n').findIndex((l, i) => i + 1 >= from && l.trim() === text) + 1;
}

async function kubiaPod(playground: PlaygroundPage): Promise<string> {
  const pods = await playground.call('pods');
  return pods.find((p) => p.startsWith('pod/default/kubia-')) ?? '';
}

/**
 * Monaco's Go to Line (Ctrl+G), as a person uses it: click into the text first (at its top left, which
 * is on screen however the editor is scrolled), then type the number once the box is open.
 */
async function goToLine(playground: PlaygroundPage, line: number): Promise<void> {
  const page = playground.page;
  await playground.editor
    .locator('.monaco-editor')
    .first()
    .click({ position: { x: 90, y: 12 } });
  await page.keyboard.press('Control+G');
  const box = page.locator('.quick-input-widget');
  await expect(box).toBeVisible();
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  // Type on only once Monaco has given the text its focus back, on that line (keys pressed in between
  // are lost on a busy machine).
  await expect(playground.editor.locator('[data-cursor-line]')).toHaveAttribute(
    'data-cursor-line',
    String(line),
  );
  await expect(playground.editor.locator('.monaco-editor.focused')).toBeVisible();
}

/** The React Flow wrappers of the cards the editor's cursor rings. */
function ringed(page: Page) {
  return page.locator('.react-flow__node.kp-yaml-cursor');
}

/** Clicks a card on its title (its name), as a person does. */
async function clickCard(page: Page, id: string): Promise<void> {
  await page.locator(`[data-graph-id="${id}"] .kp-title`).first().click();
}

test.describe('graph and YAML point at each other', () => {
  test('a click on the kubia Service card reveals its document, with the cursor on its first line', async ({
    playground,
    page,
  }) => {
    await playground.open();
    // The YAML panel is hidden first: the click opens it.
    await page.getByTestId('yaml-button').click();
    await expect(playground.editor).toBeHidden();

    await clickCard(page, 'svc/default/kubia');
    await expect(playground.editor).toBeVisible();
    const yaml = await playground.call('yaml');
    const kindLine = lineOf(yaml, 'kind: Service');
    expect(kindLine).toBeGreaterThan(1);
    // The cursor sits on the document's first field, `apiVersion: v1`, right above `kind: Service`.
    await expect(playground.editor.locator('[data-cursor-line]')).toHaveAttribute(
      'data-cursor-line',
      String(kindLine - 1),
      { timeout: 60_000 },
    );
    const lines = playground.editor.locator('.view-line');
    await expect(lines.filter({ hasText: /^kind:\s+Service$/ }).first()).toBeVisible();
    await expect(lines.filter({ hasText: /^\s+name:\s+kubia$/ }).first()).toBeVisible();
    // Its first line flashes, and the keyboard stays on the graph.
    await expect(playground.editor.locator('.view-overlays .kp-doc-flash')).toHaveCount(1);
    await expect(playground.editor.locator('.monaco-editor.focused')).toHaveCount(0);
    await expect(page.locator('[data-graph-id="svc/default/kubia"]')).toHaveClass(/kp-selected/);
    await playground.screenshot('graph-link-01-service-revealed');

    // A pod reveals its controller's document (the ReplicationController).
    const pod = await kubiaPod(playground);
    await clickCard(page, pod);
    await expect(playground.editor.locator('[data-cursor-line]')).toHaveAttribute(
      'data-cursor-line',
      String(lineOf(yaml, 'kind: ReplicationController') - 1),
    );

    // The DNS card stands for the cluster's own CoreDNS: no document made it, and the panel says so.
    await clickCard(page, 'dns');
    await expect(page.getByTestId('editor-no-document')).toContainText('No document in this YAML makes dns');
  });

  test("the cursor in the ReplicationController's document rings its pods, and only while it is there", async ({
    playground,
    page,
  }) => {
    await playground.open();
    const yaml = await playground.call('yaml');
    await goToLine(playground, lineOf(yaml, 'replicas: 3'));
    const pods = (await playground.call('pods')).filter((p) => p.startsWith('pod/default/kubia-'));
    expect(pods).toHaveLength(3);
    await expect(ringed(page)).toHaveCount(3);
    for (const pod of pods) {
      await expect(page.locator(`.react-flow__node[data-id="${pod}"]`)).toHaveClass(/kp-yaml-cursor/);
    }
    await expect(page.locator('.react-flow__node[data-id="svc/default/kubia"]')).not.toHaveClass(
      /kp-yaml-cursor/,
    );
    await playground.screenshot('graph-link-02-rc-cursor');

    // Typing in the document keeps the ring on what it makes now: a fourth pod joins it. (The moment
    // between Backspace and 4, `replicas:` with no value, would scale the RC to 1: the page holds it
    // while the typing goes on, so no pod terminates.)
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('4');
    await expect(ringed(page)).toHaveCount(4);

    // Down into the Service kubia: its card and its Endpoints are ringed instead.
    const selector = lineOf(yaml, 'app: kubia', lineOf(yaml, 'kind: Service'));
    await goToLine(playground, selector);
    await expect(page.locator('.react-flow__node[data-id="svc/default/kubia"]')).toHaveClass(
      /kp-yaml-cursor/,
    );
    await expect(page.locator('.react-flow__node[data-id="ep/default/kubia"]')).toHaveClass(/kp-yaml-cursor/);
    await expect(ringed(page)).toHaveCount(2);

    // On a `---` line the cursor is in no document; leaving the editor removes the ring too.
    await goToLine(playground, selector + 1);
    await expect(playground.editor.locator('.view-line').filter({ hasText: /^---$/ }).first()).toBeVisible();
    await expect(ringed(page)).toHaveCount(0);
    await goToLine(playground, selector);
    await expect(ringed(page)).toHaveCount(2);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
    await expect(ringed(page)).toHaveCount(0);
  });

  test('a request drawn before the YAML changed is marked as from an earlier version; a new one is not', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const from = await kubiaPod(playground);
    await playground.send(from, 'http://kubia');
    await playground.arrival();
    const path = page.locator('.kp-packets .kp-path');
    await expect(path).toBeVisible();
    await expect(path).not.toHaveClass(/kp-path-stale/);

    // An edit of a comment changes no object: the request still tells the truth.
    const yaml = await playground.call('yaml');
    const revision = await playground.call('revision');
    await goToLine(playground, yaml.split('\n').findIndex((l) => l.startsWith('# Try:')) + 1);
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await expect.poll(() => playground.call('revision')).toBeGreaterThan(revision);
    await expect(path).not.toHaveClass(/kp-path-stale/);

    // Scaling the ReplicationController does: the path fades and Details says why.
    await goToLine(playground, lineOf(yaml, 'replicas: 3'));
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('4');
    await expect(playground.kubiaPods()).toHaveCount(4);
    await expect(path).toHaveClass(/kp-path-stale/);
    await expect(page.locator('.kp-packets')).toHaveAttribute('data-stale', 'true');
    await playground.showDetails();
    await expect(page.getByTestId('stale-trace-focused')).toHaveText(/from an earlier version of the YAML/);
    await playground.screenshot('graph-link-03-stale-trace');

    // A request on the cluster as it is now is drawn fresh.
    await playground.send(await kubiaPod(playground), 'http://kubia');
    await playground.arrival();
    await expect(page.getByTestId('stale-trace-focused')).toHaveCount(0);
    await expect(path).not.toHaveClass(/kp-path-stale/);
  });

  test('a request to a Service whose selector matches no pod explains itself with Details closed', async ({
    playground,
    page,
  }) => {
    await playground.open();
    await expect(page.getByTestId('details-panel')).toBeHidden();
    const from = await kubiaPod(playground);
    // The ClusterIP Service's selector is two lines below its https targetPort.
    await goToLine(playground, await playground.lineNumberOf('targetPort: 8443'));
    await page.keyboard.press('End');
    for (const key of ['ArrowDown', 'ArrowDown', 'End', 'Backspace', 'Backspace', 'a', 'i'])
      await page.keyboard.press(key);
    await expect.poll(() => playground.call('yaml')).toContain('app: kubai');
    await expect.poll(() => playground.call('stale')).toBe(false);
    await playground.send(from, 'http://kubia');
    await playground.arrival();

    const line = page.getByTestId('failed-request-line');
    await expect(line).toBeVisible();
    await expect(line).toHaveAttribute('data-kind', 'selector-no-pods');
    await expect(line).toContainText('selects app=kubai');
    await expect(page.getByTestId('details-panel')).toBeHidden();
    await playground.screenshot('graph-link-04-failed-line');

    await page.getByTestId('failed-line-show-yaml').click();
    const highlighted = playground.editor.locator('.view-line:has(.kp-blame-text)');
    await expect(highlighted).toHaveCount(1);
    await expect.poll(async () => lineText(await highlighted.textContent())).toBe('app: kubai');

    // Details opens on request, and then the full explanation is there instead of the line.
    await page.getByTestId('failed-line-details').click();
    await expect(page.getByTestId('trace-explanation')).toBeVisible();
    await expect(line).toHaveCount(0);
  });
});
