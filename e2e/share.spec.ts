/**
 * Sharing on the production build: the dialog's link and QR code reopen the same cluster in a fresh
 * browser; broken or hostile links and differing autosaved work never lose the user's work; embed
 * mode shows the graph alone with a way back to the full page.
 */
import AxeBuilder from '@axe-core/playwright';
import LZString from 'lz-string';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FIRST_GRAPH_MS, PlaygroundPage } from './pages/PlaygroundPage.ts';
import { SharePanel } from './pages/SharePanel.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

const STORAGE_KEY = 'kubeplay.scenario.v1';

const soloYaml = [
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
].join('\n');
const soloLink = `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml: soloYaml, seed: 5 }))}`;

/** Every graph element's id and visible text (names, pod IPs, cluster IPs, node state), sorted. */
async function graphSnapshot(page: Page): Promise<string[]> {
  const items = await page
    .locator('.react-flow__node [data-graph-id]')
    .evaluateAll((els) =>
      els.map(
        (el) => `${el.getAttribute('data-graph-id')} ${(el as HTMLElement).innerText.replace(/\s+/g, ' ')}`,
      ),
    );
  return items.sort();
}

/** Takes the first node running a kubia pod down, through the inspector, and returns its name. */
async function takeKubiaNodeDown(playground: PlaygroundPage, page: Page): Promise<string> {
  const nodes = await playground.call('nodes');
  const down = nodes.find((n) => n.pods.some((p) => p.startsWith('kubia-')));
  if (!down) throw new Error('no node runs a kubia pod');
  await playground.selectGraphNode(`node/${down.name}`);
  await page.getByTestId('node-toggle').click();
  await expect(page.locator(`[data-graph-id="node/${down.name}"]`)).toHaveAttribute('data-up', 'false');
  return down.name;
}

/** What the page has autosaved. */
function autosaved(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

/**
 * Work of one's own that a link must not lose: opens the playground and takes a kubia node down;
 * returns that node and what was autosaved.
 */
async function openWithAutosavedWork(
  playground: PlaygroundPage,
  page: Page,
): Promise<{ downNode: string; saved: string | null }> {
  await playground.open();
  const downNode = await takeKubiaNodeDown(playground, page);
  return { downNode, saved: await autosaved(page) };
}

async function freshPage(browser: Browser, playgroundPage: Page) {
  const context = await browser.newContext({
    baseURL: new URL(playgroundPage.url()).origin,
    viewport: { width: 1440, height: 900 },
  });
  return { context, page: await context.newPage() };
}

test.describe('share', () => {
  test('the dialog copies the link and its QR code; a fresh browser opens the same cluster @smoke', async ({
    playground,
    page,
    context,
    browser,
    consoleErrors,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await playground.open();
    const downNode = await takeKubiaNodeDown(playground, page);
    const share = new SharePanel(page);
    await share.open();
    const link = await share.link();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#z1\./);
    await expect(page.getByTestId('share-copied')).toHaveText('Link copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(page.getByTestId('share-length')).toContainText(`(${link.length} characters)`);
    expect(await share.decodeQr()).toBe(link);
    // Big enough to scan across a classroom.
    const qrBox = await share.qr.boundingBox();
    expect(qrBox?.width ?? 0).toBeGreaterThanOrEqual(300);
    await playground.screenshot('share-01-dialog');

    // Accessible: labelled, no serious axe findings, Tab stays inside, Esc closes.
    const axe = await new AxeBuilder({ page }).include('[data-testid="share-dialog"]').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('[data-testid="share-dialog"]')),
        `Tab ${i} left the dialog`,
      ).toBe(true);
    }
    await share.close();

    const before = await graphSnapshot(page);
    const nodesBefore = await playground.call('nodes');
    const podsBefore = await playground.call('pods');

    const fresh = await freshPage(browser, page);
    const other = new PlaygroundPage(fresh.page, testInfo);
    await fresh.page.goto(link);
    await expect(fresh.page.locator('.react-flow__node-pod').first()).toBeVisible({
      timeout: FIRST_GRAPH_MS,
    });
    await expect(fresh.page.locator(`[data-graph-id="node/${downNode}"]`)).toHaveAttribute(
      'data-up',
      'false',
    );
    await expect.poll(() => graphSnapshot(fresh.page)).toEqual(before);
    expect(await other.call('nodes')).toEqual(nodesBefore);
    expect(await other.call('pods')).toEqual(podsBefore);
    await other.screenshot('share-02-opened-in-fresh-browser');
    await fresh.context.close();
    expect(consoleErrors).toEqual([]);
  });

  test('the options change the link; the embed link and iframe snippet are offered', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const share = new SharePanel(page);
    await share.open();
    const withRequest = await share.link();
    await share.dialog.getByLabel('the request in the request bar').uncheck();
    await expect(share.url).not.toHaveValue(withRequest);
    const without = await share.link();
    expect(without.length).toBeLessThan(withRequest.length);
    expect(await share.decodeQr()).toBe(without);
    await share.dialog.getByText('Embed in slides').click();
    const embed = await page.getByTestId('share-embed-url').inputValue();
    expect(embed).toBe(without.replace('/#', '/?embed#'));
    await expect(page.getByTestId('share-iframe')).toHaveValue(
      new RegExp(`^<iframe src="${escapeRe(embed)}"`),
    );
    await playground.screenshot('share-03-embed-options');

    const big = await share.project();
    expect((await big.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(550);
    expect(await share.decodeQr(big)).toBe(without);
    await playground.screenshot('share-08-qr-full-screen');
  });

  test('a link too long for a QR code says so and still offers the link', async ({ playground, page }) => {
    // A comment of 6,000 characters that do not compress: past what a QR code holds (~2,900 at level L).
    let noise = '';
    for (let i = 1; noise.length < 6000; i += 1) noise += ((i * 2654435761) % 4294967296).toString(36);
    const yaml = `# ${noise}\n${soloYaml}`;
    await playground.open(`#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml }))}`);
    await page.getByTestId('share').click();
    await expect(page.getByRole('note')).toContainText('too long for a QR code');
    expect((await page.getByTestId('share-url').inputValue()).length).toBeGreaterThan(3000);
    await expect(page.getByTestId('share-copied')).not.toBeEmpty();
  });

  test('a hostile or cut link shows a clear message and keeps the autosaved work', async ({
    playground,
    page,
  }) => {
    const { downNode, saved } = await openWithAutosavedWork(playground, page);
    expect(saved).toContain(downNode);
    const share = new SharePanel(page);
    await share.open();
    const good = await share.link();
    await share.close();

    const hash = good.slice(good.indexOf('#'));
    for (const bad of ['#z1.garbage', hash.slice(0, Math.floor(hash.length * 0.6)), '#z9.fromTheFuture']) {
      await page.goto(`/${bad}`);
      await expect(page.getByTestId('link-error')).toBeVisible({ timeout: FIRST_GRAPH_MS });
      await expect(page.getByTestId('link-error')).toContainText('The link could not be opened');
      await expect(page.getByTestId('link-error')).toContainText('your own work is as you left it');
      await expect(page.locator(`[data-graph-id="node/${downNode}"]`)).toHaveAttribute('data-up', 'false');
      expect(await autosaved(page)).toBe(saved);
    }
    await playground.screenshot('share-04-broken-link');
  });

  test('a link over differing autosaved work asks first: keep mine, or open the shared one', async ({
    playground,
    page,
  }) => {
    const { downNode, saved } = await openWithAutosavedWork(playground, page);

    await page.goto(`/${soloLink}`);
    const choice = page.getByRole('dialog', { name: 'Open the shared scenario?' });
    await expect(choice).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await expect(page.getByTestId('link-keep')).toBeFocused();
    await playground.screenshot('share-05-ask-before-replacing');
    await page.getByTestId('link-keep').click();
    await expect(choice).toBeHidden();
    await expect(page.locator(`[data-graph-id="node/${downNode}"]`)).toHaveAttribute('data-up', 'false');
    expect(await autosaved(page)).toBe(saved);

    await page.goto(`/${soloLink}`);
    await expect(choice).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await page.keyboard.press('Escape');
    await expect(choice).toBeHidden();
    expect(await autosaved(page)).toBe(saved);

    await page.goto(`/${soloLink}`);
    await page.getByTestId('link-open').click({ timeout: FIRST_GRAPH_MS });
    await expect(playground.podNode('pod/default/solo')).toBeVisible({ timeout: FIRST_GRAPH_MS });
    // The work it replaced is kept in the library, not lost.
    expect(await page.evaluate(() => localStorage.getItem('kubeplay.library.v1') ?? '')).toContain(
      'My work before opening a link',
    );
    await playground.reload();
    await expect(playground.podNode('pod/default/solo')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Open the shared scenario?' })).toHaveCount(0);
  });

  test('embed mode shows the graph alone, keeps the autosave, and links to the full page', async ({
    playground,
    page,
  }) => {
    const { downNode, saved } = await openWithAutosavedWork(playground, page);

    await page.setViewportSize({ width: 960, height: 540 });
    await page.goto(`/?embed${soloLink}`);
    await expect(playground.podNode('pod/default/solo')).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await expect(page.getByTestId('editor-panel')).toHaveCount(0);
    await expect(page.locator('.kp-header')).toHaveCount(0);
    await expect(page.getByTestId('terminal')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const open = page.getByTestId('embed-open');
    await expect(open).toBeVisible();
    expect(await open.getAttribute('href')).toBe(`${new URL(page.url()).origin}/${soloLink}`);
    await playground.screenshot('share-06-embed-graph');
    expect(await autosaved(page)).toBe(saved);

    await page.goto(`/?embed=terminal${soloLink}`);
    await expect(playground.podNode('pod/default/solo')).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await expect(page.getByTestId('editor-panel')).toHaveCount(0);
    const terminal = new TerminalPanel(page);
    await terminal.ready();
    expect(await terminal.run('kubectl get pods -o wide')).toMatch(/solo\s+1\/1\s+Running.*10\.244\.1\.2/);
    await playground.screenshot('share-07-embed-terminal');

    // The full page still holds the user's own work.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await playground.waitForFirstGraph();
    await expect(page.locator(`[data-graph-id="node/${downNode}"]`)).toHaveAttribute('data-up', 'false');
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
