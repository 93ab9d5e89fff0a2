/**
 * A deleted pod terminates for its grace period (src/engine/cluster/termination.ts) and then goes by
 * itself: the page clock (src/store/pageClock.ts) takes the `wait` once as many real seconds have
 * passed. Playwright's clock (installed before the page loads) jumps those 30 s at once, so the app's
 * own timer fires; nothing else is done in between. The fade (dotted border, opacity, "terminating")
 * is checked before, and the card's absence after.
 *
 * fastForward, not runFor: runFor would go on firing timers for the rest of the 31 s in no real time,
 * among them the engine Worker's 3 s watchdog for the simulation the wait asked for, and stop a Worker
 * that is merely busy (src/worker/engineClient.ts). fastForward fires what is due once and lets time
 * flow again. When the replacement pod's start (a second after the delete) is still due at that moment,
 * its timer fires 30 s late, and the page clock then waits those 30 s as well (pageClock.ts): a page
 * whose timers were held up, like a laptop whose lid was closed, catches up with the time that passed.
 */
import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { openWithTerminal } from './pages/TerminalPanel.ts';

/** The graph's kubia pod cards that are terminating. */
function terminatingCards(page: Page): Locator {
  return page.locator('.react-flow__node-pod [data-graph-id^="pod/default/kubia-"][data-terminating="true"]');
}

/** A card fades as terminating: the class, its opacity and its label. */
async function expectFaded(card: Locator): Promise<void> {
  await expect(card).toHaveClass(/kp-terminating/);
  await expect(card).toContainText('terminating');
  expect(Number(await card.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
}

test.beforeEach(async ({ page }) => {
  // Fake timers from the first script on, running at real speed until runFor jumps ahead.
  await page.clock.install();
  // Playwright's fake `performance` keeps no User Timing entries, and Monaco's input-latency sampler
  // reads one after each keystroke (performance.getEntriesByName(name)[0].duration): give it a zero.
  await page.addInitScript(() => {
    const entries = performance.getEntriesByName.bind(performance);
    performance.getEntriesByName = (name: string, type?: string) => {
      const found = entries(name, type);
      return found.length > 0 ? found : [{ duration: 0 } as PerformanceEntry];
    };
  });
});

test('kubectl delete pod --wait=false: the card fades as terminating, then goes by itself after 30 s', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const terminal = await openWithTerminal(playground);
  const victimId = (await playground.kubiaPods().first().getAttribute('data-graph-id')) ?? '';
  const victim = victimId.split('/')[2] ?? '';
  expect(victim).toMatch(/^kubia-\w{5}$/);
  const card = page.locator(`[data-graph-id="${victimId}"]`);
  await expect(card).toHaveAttribute('data-terminating', 'false');

  expect(await terminal.run(`kubectl delete pod ${victim} --wait=false`)).toBe(`pod "${victim}" deleted`);
  await expect(card).toHaveAttribute('data-terminating', 'true', { timeout: 20_000 });
  await expectFaded(card);
  // the ReplicationController replaced it at once: three kubia pods run beside the terminating one
  await expect(playground.kubiaPods()).toHaveCount(3);
  await expect(terminatingCards(page)).toHaveCount(1);
  const pods = await terminal.run('kubectl get pods');
  expect(pods).toMatch(new RegExp(`^${victim}\\s+1/1\\s+Terminating\\s`, 'm'));
  await playground.screenshot('terminating-pod');

  await page.clock.fastForward(31_000);
  await expect(card).toHaveCount(0, { timeout: 20_000 });
  await expect(playground.kubiaPods()).toHaveCount(3);
  // kubectl agrees: no pod is Terminating any more
  expect(await terminal.run('kubectl get pods --no-headers | grep -c Terminating')).toBe('0');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('scaling kubia down in the editor: two cards fade as terminating, then go by themselves', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  await playground.open();
  await expect(playground.kubiaPods()).toHaveCount(3);
  await playground.replaceInEditor('replicas: 3', ['Backspace', '1']);

  await expect(terminatingCards(page)).toHaveCount(2, { timeout: 20_000 });
  for (const card of await terminatingCards(page).all()) await expectFaded(card);
  await expect(playground.kubiaPods()).toHaveCount(1);
  await playground.screenshot('terminating-after-scale-down');

  await page.clock.fastForward(31_000);
  await expect(terminatingCards(page)).toHaveCount(0, { timeout: 20_000 });
  await expect(playground.kubiaPods()).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('kubectl scale rc kubia --replicas=1: the two pods scaled away fade, then go by themselves', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const terminal = await openWithTerminal(playground);
  expect(await terminal.run('kubectl scale rc kubia --replicas=1')).toBe(
    'replicationcontroller/kubia scaled',
  );
  await expect(terminatingCards(page)).toHaveCount(2, { timeout: 20_000 });
  for (const card of await terminatingCards(page).all()) await expectFaded(card);

  await page.clock.fastForward(31_000);
  await expect(terminatingCards(page)).toHaveCount(0, { timeout: 20_000 });
  await expect(playground.kubiaPods()).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('typing 3 -> Backspace -> 4 with a pause between the keys terminates no pod; 4 -> 2 waits for the pause', async ({
  page,
  playground,
  consoleErrors,
}) => {
  await playground.open();
  await expect(playground.kubiaPods()).toHaveCount(3);
  const kubiaPodCount = async () =>
    (await playground.call('pods')).filter((p) => p.startsWith('pod/default/kubia-')).length;
  // Time stands still between the keys, so the engine surely answers the Backspace before the 4 comes,
  // as it does for a person (the typing debounce is 50 ms, the pause that applies a removal 600 ms).
  await playground.editorLine('replicas: 3');
  await page.clock.pauseAt(Date.now() + 60_000);
  await playground.replaceInEditor('replicas: 3', ['Backspace']);
  await page.clock.runFor(100);
  // `replicas: ` (which means 1) would terminate two pods: the page holds it while the typing goes on.
  await expect.poll(() => playground.call('held')).toBe(true);
  expect(await kubiaPodCount()).toBe(3);
  await page.keyboard.press('4');
  await page.clock.runFor(100);
  await expect.poll(() => playground.call('held')).toBe(false);
  expect(await kubiaPodCount()).toBe(4);
  await page.clock.resume();
  await expect(playground.kubiaPods()).toHaveCount(4);
  await expect(terminatingCards(page)).toHaveCount(0);

  // 4 -> 2 is meant: held while typing, applied once the typing pauses.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('2');
  await expect(terminatingCards(page)).toHaveCount(2);
  await expect(playground.kubiaPods()).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
