/**
 * Editing the kubia scenario as a person does, in the production build (docs/editing.md): an invalid
 * edit leaves its Service as it was (the graph marks it "change rejected") and moves no other
 * Service's IP or port; a syntax error leaves the graph, the terminal and the request bar on one
 * stale cluster, and the page says so. Keys only (no spaces typed in the editor).
 */
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

/** `kubectl get svc -A` without its AGE column (an edit moves the clock on). */
async function services(terminal: TerminalPanel): Promise<string> {
  const output = await terminal.run('kubectl get svc -A');
  return output
    .split('\n')
    .map((line) => line.replace(/\s+\S+$/, ''))
    .join('\n');
}

/** Waits for the engine to answer the edit just typed. */
async function nextRevision(playground: PlaygroundPage, before: number): Promise<void> {
  await expect.poll(() => playground.call('revision'), { timeout: 20_000 }).toBeGreaterThan(before);
}

// Wide enough that `kubectl get svc -A` rows do not wrap in the terminal.
test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ playground }) => {
  await playground.open();
});

test('deleting the 80 of Service kubia keeps kubia and every other Service as they were', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const before = await services(terminal);
  expect(before).toMatch(/^default\s+kubia\s+ClusterIP\s+10\.96\.31\.193\s+<none>\s+80\/TCP,443\/TCP$/m);

  const revision = await playground.call('revision');
  // Line 58 of kubia.yaml: `      port: 80          # the Service's port`, in Service kubia.
  await playground.goToLine(58);
  await page.keyboard.press('Home');
  for (let i = 0; i < 'port: '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Delete');
  // The line reads as the person sees it; should a key be lost, the failure says what the line became.
  await expect
    .poll(async () => (await playground.call('yaml')).split('\n')[57])
    .toBe("      port:           # the Service's port");
  // The error shows at its line in the problems list (opened from the line over the graph).
  await playground.showProblems();
  await expect(page.getByRole('button', { name: /^error 58:7 spec\.ports\[0\]\.port: / })).toBeVisible();
  await nextRevision(playground, revision);

  const kubia = page.locator('[data-graph-id="svc/default/kubia"]');
  await expect(kubia).toHaveAttribute('data-change-rejected', 'true');
  await expect(kubia.getByTestId('change-rejected')).toBeVisible();
  await expect(kubia.locator('.kp-mono').first()).toHaveText('10.96.31.193');
  expect(await playground.call('stale')).toBe(false);

  await terminal.focus();
  expect(await services(terminal)).toBe(before);
  await playground.screenshot('editing-change-rejected');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('a syntax error leaves the graph, the terminal and the request bar on the same stale cluster', async ({
  page,
  playground,
  consoleErrors,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const before = await services(terminal);

  const revision = await playground.call('revision');
  // Line 63 of kubia.yaml: Service kubia's `  selector:`.
  await playground.goToLine(63);
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(' [oops');
  await nextRevision(playground, revision);

  // The page says it is stale, and the graph still shows kubia where it was.
  await expect(page.getByTestId('graph-stale')).toBeVisible();
  await expect(page.getByTestId('stale-banner')).toBeVisible();
  expect(await playground.call('stale')).toBe(true);
  await expect(page.locator('[data-graph-id="svc/default/kubia"] .kp-mono').first()).toHaveText(
    '10.96.31.193',
  );

  // The terminal works on that same cluster.
  await terminal.focus();
  expect(await services(terminal)).toBe(before);

  // So does the request bar: http://kubia answers from a kubia pod.
  const pod = (await playground.call('pods')).find((p) => p.startsWith('pod/default/kubia-')) ?? '';
  await playground.send(pod, 'http://kubia');
  await expect(page.getByTestId('request-url-unresolved')).toHaveCount(0);
  expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);
  await playground.screenshot('editing-syntax-error-stale');
  expect(consoleErrors).toEqual([]);
});

test('the request bar keeps http://kubia when Service kubia is renamed, and says it no longer resolves', async ({
  page,
  playground,
}) => {
  const url = page.getByTestId('request-url');
  await expect(url).toHaveValue('http://kubia');
  await expect(page.getByTestId('request-url-unresolved')).toHaveCount(0);
  const revision = await playground.call('revision');
  // Line 54 of kubia.yaml: Service kubia's `  name: kubia`; it becomes kubiax.
  await playground.goToLine(54);
  await page.keyboard.press('End');
  await page.keyboard.press('x');
  await nextRevision(playground, revision);
  await expect(page.locator('[data-graph-id="svc/default/kubiax"]')).toBeVisible();
  await expect(url).toHaveValue('http://kubia');
  await expect(page.getByTestId('request-url-unresolved')).toContainText('“kubia” does not resolve');
  await playground.screenshot('editing-url-unresolved');
});
