/**
 * The autosave never loses work silently: a save the browser refuses is shown at once with ways out,
 * and two tabs of one browser that save different work ask which to keep (keeping both).
 */
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages/PlaygroundPage.ts';

const STORAGE_KEY = 'kubeplay.scenario.v1';
const LIBRARY_KEY = 'kubeplay.library.v1';

test.describe('autosave', () => {
  test('a save the full storage refuses is shown at once, with a download and a retry', async ({
    playground,
    page,
  }) => {
    await playground.open();
    // Fill this origin's storage until not even one more character fits: any save longer than the one
    // stored now must fail, whatever the few bytes a coarser fill would leave free.
    await page.evaluate(() => {
      let n = 0;
      for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]) {
        try {
          for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          // full at this size: go on with a smaller one
        }
      }
    });
    // A longer edit than any free space left: the autosave of it cannot fit.
    await playground.replaceInEditor('replicas: 3', [
      'Backspace',
      '4',
      ...Array<string>(40).fill('Space'),
      '#',
    ]);
    const alert = page.getByTestId('autosave-failed');
    await expect(alert).toContainText('storage for this site is full');
    await playground.screenshot('autosave-quota');
    const download = page.waitForEvent('download');
    await alert.getByTestId('autosave-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.yaml$/);
    // Space comes back (here: the fillers go); trying again saves and the message goes.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    // Typing is saved once it pauses and the engine has answered (src/store/kubeplayApp.ts), so on a
    // busy machine a save still waiting may come after the space came back, succeed, and take the
    // message away before the retry is pressed (CI saw exactly that). Either way the work must be
    // stored and the message gone; the retry is pressed whenever it is still there.
    await alert
      .getByTestId('autosave-retry')
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await expect(alert).toBeHidden();
    expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY)).toContain(
      'replicas: 4',
    );
  });

  test('two tabs: each hears the other’s newer work and keeps both', async ({
    playground,
    page,
    context,
  }, testInfo) => {
    await playground.open();
    const other = new PlaygroundPage(await context.newPage(), testInfo);
    await other.open();

    // Tab A edits; tab B learns and keeps its own (A's goes to the library).
    await playground.replaceInEditor('replicas: 3', ['Backspace', '5']);
    const askB = other.page.getByTestId('autosave-other-tab');
    await expect(askB).toBeVisible();
    await other.screenshot('autosave-other-tab');
    await askB.getByTestId('autosave-keep-mine').click();
    await expect(askB).toBeHidden();
    const library = () => page.evaluate((key) => localStorage.getItem(key) ?? '', LIBRARY_KEY);
    await expect.poll(library).toContain('replicas: 5');
    expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY)).toContain(
      'replicas: 3',
    );

    // B's save is newer for A now: A switches to it, and A's own edit goes to the library too.
    const askA = page.getByTestId('autosave-other-tab');
    await expect(askA).toBeVisible();
    await askA.getByTestId('autosave-use-theirs').click();
    await expect(askA).toBeHidden();
    await expect.poll(() => playground.call('yaml')).toContain('replicas: 3');
    await expect.poll(library).toContain('This tab’s work');
    expect(await library()).toContain('From another tab');
    await expect(other.page.getByTestId('autosave-other-tab')).toBeHidden();
  });
});
