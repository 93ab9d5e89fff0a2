/**
 * Presenter mode on the production build: P enters it (editor and side panels hidden, a caption at the
 * bottom), N sends the request bar's request, arrows walk its hops, Esc leaves. Driven by the keys a
 * presentation clicker sends.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

test.describe('presenter mode', () => {
  test('P presents, N sends, arrows walk the hops in the caption, Esc leaves', async ({
    playground,
    page,
    consoleErrors,
  }) => {
    await playground.open();
    const pods = await playground.call('pods');
    const from = pods.find((p) => p.startsWith('pod/default/kubia-'))!;
    await page.getByTestId('request-from').selectOption(from);
    await page.getByTestId('request-url').fill('http://kubia');
    // Step mode keeps the packet at hop 1 until the teacher clicks on.
    await page.getByTestId('step-mode').check();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Typing in a field never triggers a shortcut.
    await page.getByTestId('request-url').press('p');
    await expect(page.getByTestId('presenter-caption')).toHaveCount(0);
    await page.getByTestId('request-url').fill('http://kubia');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    await expect(playground.editor).toBeHidden();
    await expect(page.locator('.kp-side')).toBeHidden();
    await expect(page.getByTestId('present-button')).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');

    // No request has been sent yet: N is the first, so the status gains a trace id and hop 0.
    await expect(playground.traceStatus).not.toHaveAttribute('data-trace-id', /.+/);
    await page.keyboard.press('n');
    await expect(playground.traceStatus).toHaveAttribute('data-trace-id', /.+/);
    await expect(playground.traceStatus).toHaveAttribute('data-hop', '0');
    await expect.poll(() => playground.call('focusedTrace')).not.toBeNull();
    const trace = (await playground.call('focusedTrace'))!;
    expect(trace.hops.length).toBeGreaterThan(1);
    await expect(page.getByTestId('caption-hop')).toHaveText(`Hop 1 of ${trace.hops.length}`);
    // Plain sentences by default; Details shows the engine's note (and the keys keep working after the click).
    await expect(page.getByTestId('caption-note')).toHaveAttribute('data-narration', 'plain');
    await page.getByTestId('caption-narration-details').click();
    await expect(page.getByTestId('caption-note')).toHaveText(trace.hops[0]!.note);
    await expect(page.getByTestId('presenter-caption')).toContainText(trace.hops[0]!.kind);
    await playground.screenshot('presenter-01-hop1');

    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('caption-hop')).toHaveText(`Hop 2 of ${trace.hops.length}`);
    await expect(page.getByTestId('caption-note')).toHaveText(trace.hops[1]!.note);
    await expect(playground.traceStatus).toHaveAttribute('data-hop', '1');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('caption-hop')).toHaveText(`Hop 1 of ${trace.hops.length}`);

    // A clicker's PageDown walks to the end, where the outcome is shown.
    for (let i = 0; i < trace.hops.length; i++) await page.keyboard.press('PageDown');
    await expect(page.getByTestId('caption-outcome')).toContainText(trace.outcome);
    await playground.screenshot('presenter-02-arrived');

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter-caption')).toHaveCount(0);
    await expect(playground.editor).toBeVisible();
    await expect(page.getByTestId('present-button')).toHaveAttribute('aria-pressed', 'false');
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * The drawn path of the last request runs through the cards it visited, in screen space: which of
 * `cards` has at least one of the path's points inside its box. (The path used to keep the places
 * the cards had when it was drawn: entering Present mode lays the graph out anew, and the path then
 * pointed at empty space under the caption.)
 */
async function cardsOnPath(page: Page, cards: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const line = document.querySelector<SVGPolylineElement>('.kp-packets .kp-path');
    const toScreen = line?.getScreenCTM();
    if (!line || !toScreen) return [];
    const points = Array.from(line.points).map((p) => new DOMPoint(p.x, p.y).matrixTransform(toScreen));
    return ids.filter((id) => {
      const box = document.querySelector(`[data-graph-id="${id}"]`)?.getBoundingClientRect();
      return (
        box && points.some((p) => p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom)
      );
    });
  }, cards);
}

test.describe('the drawn path follows its cards', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('after a card is dragged and when Present mode lays the graph out anew', async ({
    playground,
    page,
    consoleErrors,
  }) => {
    await playground.open();
    const pods = await playground.chooseScenario('clusterip', 'pod/default/client');
    const sender = pods.find((p) => p.startsWith('pod/default/kubia-'))!;
    await playground.send(sender, 'http://kubia-random');
    await playground.arrival();
    const trace = (await playground.call('focusedTrace')) as { endpoint: { pod: string; node: string } };
    const answering = `pod/${trace.endpoint.pod}`;
    const cards = [sender, answering];
    await expect.poll(() => cardsOnPath(page, cards)).toEqual(cards);

    // A person drags the answering pod's node card away: the path follows.
    const node = page.locator(`[data-graph-id="node/${trace.endpoint.node}"]`);
    const box = (await node.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + 80, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await node.boundingBox())!.y).toBeGreaterThan(box.y + 40);
    await expect.poll(() => cardsOnPath(page, cards)).toEqual(cards);

    // Present mode: the graph is laid out for the wide stage, and the path is drawn through the new places.
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    await expect.poll(() => cardsOnPath(page, cards)).toEqual(cards);
    await playground.screenshot('presenter-path-follows-cards');
    expect(consoleErrors).toEqual([]);
  });
});
