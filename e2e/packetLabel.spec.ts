/**
 * The focused packet's label ("10.244.2.1:52120 → 10.244.2.2:8080") is whole on screen at every hop:
 * a packet at a card near the graph pane's edge used to have its label cut by that edge. Walked hop by
 * hop in step mode, on a laptop and on a projector-sized window.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/**
 * How far the label's box reaches past the graph pane's, or under the zoom controls at its left, in
 * CSS px (0 when it is clear of both).
 */
async function labelOverhang(page: Page): Promise<number> {
  return page.evaluate(() => {
    const label = document.querySelector('[data-testid="packet-label"]')?.getBoundingClientRect();
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const controls = document.querySelector('.react-flow__controls')?.getBoundingClientRect();
    if (!label || !pane || !controls || label.width === 0) return -1;
    const underControls =
      label.bottom > controls.top && label.top < controls.bottom ? controls.right - label.left : 0;
    return Math.max(0, pane.left - label.left, label.right - pane.right, pane.top - label.top, underControls);
  });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('the packet label stays whole inside the graph at every hop', async ({
      playground,
      page,
      consoleErrors,
    }) => {
      await playground.open();
      const pods = await playground.chooseScenario('ingress', 'pod/default/web-');
      await playground.showDetails();
      await page.getByTestId('step-mode').check();
      const web = pods.find((p) => p.startsWith('pod/default/web-'))!;
      await playground.send(web, 'http://web');
      const trace = (await playground.call('focusedTrace')) as { hops: unknown[] };
      for (let hop = 0; hop < trace.hops.length; hop++) {
        await expect(playground.traceStatus).toHaveAttribute('data-hop', String(hop));
        await expect.poll(() => labelOverhang(page), { message: `the label at hop ${hop + 1}` }).toBe(0);
        if (hop === trace.hops.length - 1) await playground.screenshot(`packet-label-${viewport.width}`);
        else await page.getByTestId('step-next').click();
      }
      expect(consoleErrors).toEqual([]);
    });
  });
}
