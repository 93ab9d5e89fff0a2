/**
 * Links that would hang the page: the engine runs in a Worker under a watchdog (src/worker/engineClient.ts)
 * and, with the engine's limits, refuses such input with a located message. Either way the page keeps
 * answering, says which line is at fault, keeps the person's own autosaved work, and a reload opens
 * normally (a link is autosaved only after it simulated: src/store/persistenceGate.ts).
 */
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';

const STORAGE_KEY = 'kubeplay.scenario.v1';

const millionYaml = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: huge',
  'spec:',
  '  replicas: 1000000',
  '  selector:',
  '    matchLabels:',
  '      app: huge',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: huge',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx',
].join('\n');
/** The share codec's plain form (`#lz.`): LZ-string of the JSON scenario, as src/share reads it. */
const millionLink = `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml: millionYaml, seed: 1 }))}`;

/**
 * How long the main thread takes to run a task and paint a frame (ms): a frozen page answers late. Logged
 * for the record, not asserted (a busy machine must not fail the test).
 */
async function answerTime(page: Page): Promise<number> {
  const start = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  return Date.now() - start;
}

/** The page says what is wrong with the replicas line: the limit's Problems entry, or the watchdog's. */
async function expectReplicasBlamed(playground: PlaygroundPage): Promise<void> {
  await playground.showBottomTab('problems');
  await expect(playground.problems).toContainText(/replicas/);
}

test.describe('hostile links', () => {
  test('a 1,000,000-replica link keeps the page answering and a reload opens normally', async ({
    playground,
    page,
  }) => {
    await page.goto(`/${millionLink}`);
    await expect(page.getByTestId('bottom-tab-problems')).toBeVisible({ timeout: FIRST_GRAPH_MS });
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push(await answerTime(page));
    console.log(`main thread answered in ${answers.join(', ')} ms while the link simulated`);
    await expectReplicasBlamed(playground);
    answers.push(await answerTime(page));
    console.log(`and in ${answers.at(-1)} ms after`);
    // The link was never autosaved, so a reload opens the first example instead of hanging again.
    expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY)).not.toContain(
      '1000000',
    );
    await playground.reload();
    expect(await playground.call('yaml')).not.toContain('1000000');
  });

  test('opening it over my own work keeps my autosaved edit, and a reload opens my work', async ({
    playground,
    page,
  }) => {
    await playground.open();
    await playground.replaceInEditor('replicas: 3', ['Backspace', '4']);
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY))
      .toContain('replicas: 4');
    // Pasting the link into the address bar of the open page: it starts over and asks.
    await page.goto(`/${millionLink}`);
    await page.getByTestId('link-open').click({ timeout: FIRST_GRAPH_MS });
    const answer = await answerTime(page);
    console.log(`main thread answered in ${answer} ms after opening the link`);
    await expectReplicasBlamed(playground);
    expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY)).toContain(
      'replicas: 4',
    );
    await playground.reload();
    expect(await playground.call('yaml')).toContain('replicas: 4');
    await expect(playground.kubiaPods()).toHaveCount(4);
  });

  test('a link whose own lesson does not parse says why instead of dropping it silently', async ({
    playground,
    page,
  }) => {
    const yaml =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n    - name: web\n      image: nginx';
    const lesson = { id: 'broken-lesson', step: 0, source: 'id: broken-lesson\ntitle: [unclosed\n' };
    const link = `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml, seed: 1, lesson }))}`;
    await playground.open(link);
    const alert = page.getByTestId('link-lesson-error');
    await expect(alert).toContainText('lesson could not be loaded');
    await expect(alert).toContainText(/\d+:\d+/);
  });
});
