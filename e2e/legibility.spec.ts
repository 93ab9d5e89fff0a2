/**
 * A graph the back row can read (issue 11), on the production build: names large enough on screen
 * at 1366x768 and when presenting at 1280x720, the Service lit as the rule consulted at the DNAT hop,
 * and the graph as one tab stop walked with the arrow keys.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { largeClusterLink } from './largeCluster.ts';
import { drawnNamesPx, settled } from './pages/stageGeometry.ts';

/** Rendered size of each name: its computed font size times the viewport's zoom. */
async function renderedNamePx(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((sel) => {
    const viewport = document.querySelector('.react-flow__viewport');
    if (!viewport) return [];
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return Array.from(document.querySelectorAll(sel)).map(
      (el) => parseFloat(getComputedStyle(el).fontSize) * zoom,
    );
  }, selector);
}

const POD_NAMES = '.react-flow__node-pod [data-graph-id^="pod/default/kubia-"] .kp-name';
const SERVICE_NAMES = '.react-flow__node-service .kp-name';

test.describe('a graph the back row can read', () => {
  test('at 1366x768 pod and Service names are at least 12 px on screen', async ({ playground, page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await playground.open();
    await settled(page);
    const pods = await renderedNamePx(page, POD_NAMES);
    const services = await renderedNamePx(page, SERVICE_NAMES);
    await playground.screenshot('legibility-01-1366');
    expect(pods.length).toBeGreaterThanOrEqual(3);
    expect(services.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...pods)).toBeGreaterThanOrEqual(12);
    expect(Math.min(...services)).toBeGreaterThanOrEqual(12);
  });

  test('presenting at 1280x720 pod and Service names are at least 18 px', async ({ playground, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await playground.open();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    await settled(page);
    const pods = await renderedNamePx(page, POD_NAMES);
    const services = await renderedNamePx(page, SERVICE_NAMES);
    await playground.screenshot('legibility-02-present-1280');
    expect(Math.min(...pods)).toBeGreaterThanOrEqual(18);
    expect(Math.min(...services)).toBeGreaterThanOrEqual(18);
  });

  test('zoomed out on a large cluster, Service and pod cards collapse, no name is drawn under 7 px, hover shows the card', async ({
    playground,
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1366, height: 768 });
    await playground.open(largeClusterLink(6, 300));
    await expect.poll(() => page.locator('.react-flow__node-pod').count(), { timeout: 60_000 }).toBe(300);
    await settled(page);
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((e) => new DOMMatrixReadOnly(getComputedStyle(e).transform).a);
    expect(zoom).toBeLessThan(0.4);
    const service = page.locator('[data-graph-id="svc/default/web"]');
    const endpoints = page.locator('[data-graph-id="ep/default/web"]');
    await expect(service).toHaveClass(/kp-lod/);
    await expect(endpoints).toHaveClass(/kp-lod/);
    await expect(page.locator('.kp-pod.kp-lod')).toHaveCount(300);
    const drawn = await drawnNamesPx(page);
    expect(drawn.filter((n) => n.px < 7)).toEqual([]);
    await playground.screenshot('legibility-05-large-cluster-lod');

    // Hovered, the Service shows its full card with its name at a readable size.
    await service.hover();
    const full = service.locator('.kp-lod-full');
    await expect(full).toBeVisible();
    await expect(full).toContainText('NodePort');
    const box = (await full.locator('.kp-name').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(12);
    await playground.screenshot('legibility-06-large-cluster-hover');

    // A zoomed-out pod's hidden face follows no count (a crowd's arrivals re-render no hidden card,
    // docs/performance.md), but hovered it shows how many requests the pod served.
    const from = (await playground.call('pods')).find((p) => p.startsWith('pod/default/web-'))!;
    await playground.send(from, 'http://web');
    await expect.poll(async () => Object.keys(await playground.call('hits')).length).toBe(1);
    const [served, count] = Object.entries(await playground.call('hits'))[0]!;
    const servedPod = page.locator(`[data-graph-id="${served}"]`);
    await expect(servedPod).toHaveClass(/kp-lod/);
    await expect(servedPod.locator('.kp-hits')).toHaveCount(0);
    await servedPod.hover();
    await expect(servedPod.locator('.kp-lod-full .kp-hits')).toBeVisible();
    await expect(servedPod.locator('.kp-lod-full .kp-hits')).toHaveText(String(count));

    // Zoomed in with the controls, the full cards come back.
    for (let i = 0; i < 6 && (await service.getAttribute('class'))?.includes('kp-lod'); i++) {
      await page.getByRole('button', { name: /zoom in/i }).click();
    }
    await expect(service).not.toHaveClass(/kp-lod/);
    await expect(service.locator('.kp-lod-full')).toHaveCount(0);
  });

  test('at the DNAT hop the Service and its Endpoints light up as the rule consulted, the rest dims', async ({
    playground,
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await playground.open();
    await playground.showDetails();
    await page.getByTestId('step-mode').check();
    const pods = await playground.call('pods');
    await playground.send(pods.find((p) => p.startsWith('pod/default/kubia-'))!, 'http://kubia');
    const trace = (await playground.call('focusedTrace'))!;
    const dnat = trace.hops.findIndex((h) => h.kind === 'dnat');
    expect(dnat).toBeGreaterThan(0);
    const service = page.locator('[data-graph-id="svc/default/kubia"]');
    const endpoints = page.locator('[data-graph-id="ep/default/kubia"]');
    await expect(playground.traceStatus).toHaveAttribute('data-hop', '0');
    await expect(service).toHaveAttribute('data-consulted', 'false');
    // The rest of the graph is quiet while the request is in flight: an untouched Service is dimmed.
    const untouched = page.locator('.react-flow__node[data-id="svc/default/kubia-nodeport"]');
    await expect.poll(() => untouched.evaluate((e) => Number(getComputedStyle(e).opacity))).toBeLessThan(0.5);

    for (let hop = 1; hop <= dnat; hop++) {
      await page.getByTestId('step-next').click();
      await expect(playground.traceStatus).toHaveAttribute('data-hop', String(hop));
    }
    await expect(service).toHaveAttribute('data-consulted', 'true');
    await expect(endpoints).toHaveAttribute('data-consulted', 'true');
    await expect(page.locator('[data-graph-id="svc/default/kubia-nodeport"]')).toHaveAttribute(
      'data-consulted',
      'false',
    );
    // The branch of the Endpoints bus to the pod the rule chose is drawn.
    const chosen = `pod/${trace.endpoint!.pod!}`;
    await expect(page.locator(`.kp-bus-chosen[data-chosen="${chosen}"]`)).toHaveCount(1);
    await playground.screenshot('legibility-03-dnat-consulted');

    // "Focus on this request" hides what the request does not touch.
    await page.getByTestId('focus-request').check();
    await expect(untouched).toBeHidden();
    await expect(page.locator(`.react-flow__node[data-id="${chosen}"]`)).toBeVisible();
    await playground.screenshot('legibility-04-focus-request');
    await page.getByTestId('focus-request').uncheck();
    await expect(untouched).toBeVisible();
  });

  test('the graph is one tab stop: Tab reaches it once, arrows move the focus ring, Enter inspects, Tab leaves', async ({
    playground,
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await playground.open();
    const focusedNode = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.classList.contains('react-flow__node') ? ((el as HTMLElement).dataset.id ?? '') : null;
      });
    await page.getByTestId('request-url').focus();
    let first: string | null = null;
    for (let i = 0; i < 40 && first === null; i++) {
      await page.keyboard.press('Tab');
      first = await focusedNode();
    }
    expect(first).not.toBeNull();
    // Exactly one object is in the tab order.
    const tabbable = await page.locator('.react-flow__node[tabindex="0"]').count();
    expect(tabbable).toBe(1);
    await expect(page.locator('.react-flow__node[tabindex="-1"]')).not.toHaveCount(0);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).toBe('solid');

    await page.keyboard.press('ArrowRight');
    const second = await focusedNode();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowDown');
    const third = await focusedNode();
    expect(third).not.toBeNull();
    expect(third).not.toBe(second);
    await expect(page.locator(`.react-flow__node[data-id="${third}"]`)).toHaveAttribute('tabindex', '0');
    await playground.screenshot('legibility-05-focus-ring');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText(third!);

    // The next Tab leaves the objects; Shift+Tab comes back to the same one.
    await page.locator(`.react-flow__node[data-id="${third}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await focusedNode()).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedNode()).toBe(third);
  });
});
