/**
 * Links that reach the students, and hops told at two levels, on the production build. Served from
 * 127.0.0.1 (as `npm start` does) the share dialog warns that its link only works on this machine; a
 * public address typed in goes into the link and its QR code and is remembered. The Plain | Details
 * switch changes the hop captions; a link made in details opens in details.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages/PlaygroundPage.ts';
import { SharePanel } from './pages/SharePanel.ts';

async function freshPage(browser: Browser, playgroundPage: Page) {
  const context = await browser.newContext({
    baseURL: new URL(playgroundPage.url()).origin,
    viewport: { width: 1366, height: 768 },
  });
  return { context, page: await context.newPage() };
}

/** Sends `curl http://kubia` from a kubia pod and waits for it to land; returns the dnat hop's row. */
async function sendToKubia(playground: PlaygroundPage, page: Page) {
  // The hops are listed in the Details column, closed by default below 1440 px.
  await playground.showDetails();
  const pods = await playground.call('pods');
  const from = pods.find((p) => p.startsWith('pod/default/kubia-'))!;
  await playground.send(from, 'http://kubia');
  await playground.arrival();
  return page.locator('.kp-hop-row.kp-hop-dnat').first();
}

test.describe('reach', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a link made on 127.0.0.1 warns; a typed public address goes into the link and QR code and survives a reload', async ({
    playground,
    page,
    consoleErrors,
  }) => {
    await playground.open();
    const share = new SharePanel(page);
    await share.open();
    const reach = page.getByTestId('share-reach');
    await expect(reach).toHaveAttribute('data-reach', 'this-machine');
    await expect(page.getByTestId('share-reach-message')).toContainText('only works on this machine');
    expect(await share.link()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#z1\./);
    await playground.screenshot('reach-01-warning');

    // A private address: the link works on this network only, and says so.
    const field = page.getByTestId('share-base');
    await field.click();
    await page.keyboard.type('192.168.1.20:5173');
    await page.keyboard.press('Enter');
    await expect(share.url).toHaveValue(/^http:\/\/192\.168\.1\.20:5173\/#z1\./);
    await expect(reach).toHaveAttribute('data-reach', 'this-network');
    await expect(page.getByTestId('share-reach-message')).toContainText('only works on this network');

    // Not a web address: refused, the link keeps the last good one.
    await field.fill('');
    await page.keyboard.type('ftp://files.example/');
    await page.keyboard.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(share.url).toHaveValue(/^http:\/\/192\.168\.1\.20:5173\/#z1\./);

    await field.fill('');
    await page.keyboard.type('https://kubeplay.school.example/course');
    await page.keyboard.press('Enter');
    await expect(share.url).toHaveValue(/^https:\/\/kubeplay\.school\.example\/course\/#z1\./);
    await expect(reach).toHaveAttribute('data-reach', 'anywhere');
    const link = await share.link();
    expect(await share.decodeQr()).toBe(link);
    // The fragment is the same scenario the page's own address would carry.
    expect(link.split('#')[1]).toMatch(/^z1\./);
    await playground.screenshot('reach-02-public-address');
    await share.close();

    await page.reload();
    await expect(page.locator('.react-flow__node-pod').first()).toBeVisible();
    await share.open();
    await expect(share.url).toHaveValue(link);
    await expect(page.getByTestId('share-base')).toHaveValue('https://kubeplay.school.example/course/');
    expect(await share.decodeQr()).toBe(link);

    // Back to the page's own address.
    await page.getByTestId('share-base-clear').click();
    await expect(share.url).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#z1\./);
    await expect(reach).toHaveAttribute('data-reach', 'this-machine');
    expect(consoleErrors).toEqual([]);
  });

  test('the Plain | Details switch changes the step caption; a link made in details opens in details', async ({
    playground,
    page,
    browser,
    consoleErrors,
  }, testInfo) => {
    await playground.open();
    let dnat = await sendToKubia(playground, page);
    const note = dnat.locator('.kp-hop-note');
    await expect(note).toHaveAttribute('data-narration', 'plain');
    await expect(note).toHaveText(
      /^kube-proxy on kind-worker\d? sends it to one of the 3 kubia pods at random — this time kubia-[a-z0-9]{5}$/,
    );
    const plainText = await note.innerText();
    await playground.screenshot('reach-03-plain');

    await page.getByTestId('steps-narration-details').click();
    await expect(page.getByTestId('steps-narration-details')).toHaveAttribute('aria-pressed', 'true');
    await expect(note).toHaveAttribute('data-narration', 'details');
    await expect(note).toContainText('picked endpoint');
    await expect(note).toContainText(
      /KUBE-SVC-[A-Z2-7]{16} \(Service default\/kubia:http\) tries endpoint 1 with probability 1\/3/,
    );
    await expect(note).not.toHaveText(plainText);
    await expect(dnat).toContainText(/KUBE-SVC-[A-Z2-7]{16} -> KUBE-SEP-[A-Z2-7]{16}/);
    await playground.screenshot('reach-04-details');

    // The level is remembered in this browser.
    await playground.reload();
    dnat = await sendToKubia(playground, page);
    await expect(dnat.locator('.kp-hop-note')).toHaveAttribute('data-narration', 'details');

    // A link made now carries the level: a fresh browser (nothing remembered) opens it in details.
    const share = new SharePanel(page);
    await share.open();
    await expect(page.getByTestId('share-narration')).toBeChecked();
    const detailsLink = await share.link();
    // Unticked, the link is the plain one (the level left out, as in links made before it existed).
    await page.getByTestId('share-narration').uncheck();
    await expect(share.url).not.toHaveValue(detailsLink);
    await share.close();

    const fresh = await freshPage(browser, page);
    const other = new PlaygroundPage(fresh.page, testInfo);
    await fresh.page.goto(detailsLink);
    await other.waitForFirstGraph();
    const otherDnat = await sendToKubia(other, fresh.page);
    await expect(otherDnat.locator('.kp-hop-note')).toHaveAttribute('data-narration', 'details');
    await expect(fresh.page.getByTestId('steps-narration-details')).toHaveAttribute('aria-pressed', 'true');
    await other.screenshot('reach-05-details-link-opened');
    await fresh.context.close();

    expect(consoleErrors).toEqual([]);
  });
});
