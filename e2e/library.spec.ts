/**
 * The library of saved scenarios on the production build: a scenario saved after an edit and an
 * action survives a reload and opens back to the same cluster (same pods, same IPs, same node down);
 * rename, duplicate, delete and undo survive a reload too; a corrupt entry shows as unreadable beside
 * the others, and another tab's save appears in the list.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import LZString from 'lz-string';
import { test, expect } from './fixtures.ts';
import { LibraryPanel } from './pages/LibraryPanel.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

const SOLO_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers: [{name: c, image: nginx}]\n';

/** Every pod card in the graph, as `graph id: text` (the text shows the pod's IP), sorted. */
/**
 * The running pods' cards, sorted. A pod a transient edit scaled away (the moment between Backspace and
 * the new digit) fades as Terminating for its grace period; it is not part of what was saved.
 */
async function podCards(page: Page): Promise<string[]> {
  const cards = await page
    .locator('.react-flow__node-pod [data-graph-id^="pod/"]:not([data-terminating="true"])')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-graph-id')}: ${e.textContent ?? ''}`));
  return cards.sort();
}

test.describe('the scenario library', () => {
  test('a scenario saved after an edit and an action survives a reload and opens back the same', async ({
    playground,
    page,
    consoleErrors,
  }) => {
    await playground.open();
    const terminal = new TerminalPanel(page);
    const library = new LibraryPanel(page);
    await playground.replaceInEditor('replicas: 3', ['Backspace', '4']);
    await expect(playground.kubiaPods()).toHaveCount(4);
    await terminal.ready();
    await terminal.run('kubeplay node down kind-worker2');
    await expect
      .poll(async () => (await playground.call('nodes')).find((n) => n.name === 'kind-worker2')?.up)
      .toBe(false);
    const saved = await podCards(page);
    expect(saved.filter((c) => c.startsWith('pod/default/kubia-'))).toHaveLength(4);

    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'none');
    await library.save('kubia, worker2 down');
    await expect(library.working).toHaveAttribute('data-status', 'same');
    const summary = library.entry('kubia, worker2 down').getByTestId('library-entry-summary');
    await expect(summary).toContainText('4 pods · 4 Services · 1 Ingress · 1 action · from Kubia');
    await library.close();
    // A reload shows the pods the page showed, names and addresses (the autosave's allocation ledger).
    // Names and addresses only: readiness is the moment's (a pod just started is Ready a second later).
    await playground.reload();
    await expect(playground.kubiaPods()).toHaveCount(4);
    const namesAndIps = (cards: string[]) => cards.map((c) => c.replace(' · not ready', ''));
    await expect.poll(async () => namesAndIps(await podCards(page))).toEqual(namesAndIps(saved));

    // Another working copy: scaled down. The library keeps the saved one across a reload.
    await terminal.focus();
    await terminal.run('kubectl scale rc kubia --replicas=2');
    await expect(playground.kubiaPods()).toHaveCount(2);
    await playground.reload();
    await expect(playground.kubiaPods()).toHaveCount(2);
    await library.open();
    expect(await library.names()).toEqual(['kubia, worker2 down']);
    await expect(library.working).toHaveAttribute('data-status', 'changed');
    await expect(library.dialog.getByTestId('library-update')).toBeVisible();

    // The scaled copy is in no entry: opening asks first; Esc answers Cancel and keeps the dialog.
    await library.openEntry('kubia, worker2 down');
    const confirm = library.dialog.getByTestId('library-confirm');
    await expect(confirm).toBeVisible();
    await expect(library.dialog.getByTestId('library-confirm-cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(library.dialog).toBeVisible();
    await expect(playground.kubiaPods()).toHaveCount(2);

    await library.openEntry('kubia, worker2 down');
    await library.dialog.getByTestId('library-confirm-open').click();
    await expect(library.dialog).toBeHidden();
    await expect(playground.kubiaPods()).toHaveCount(4);
    // An entry holds the scenario (YAML, seed, actions), built afresh when it opens: a pod that the live
    // edit added may have another name there (docs/editing.md).
    expect((await playground.call('nodes')).find((n) => n.name === 'kind-worker2')?.up).toBe(false);
    await playground.editorLine('replicas: 4');
    const opened = await podCards(page);

    // The working copy is the entry now, also after a reload, with the pods it opened with.
    await playground.reload();
    await expect(playground.kubiaPods()).toHaveCount(4);
    await expect.poll(() => podCards(page)).toEqual(opened);
    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'same');
    await expect(library.entry('kubia, worker2 down')).toContainText('open');
    expect(consoleErrors).toEqual([]);
  });

  test('rename, duplicate, delete and undo, all surviving a reload', async ({
    playground,
    page,
    consoleErrors,
  }) => {
    await playground.open();
    const library = new LibraryPanel(page);
    await library.open();
    // The name offered is the bundled scenario's title.
    await expect(library.dialog.getByTestId('library-name')).toHaveValue(/Kubia/);
    await library.save('Demo A');
    await library.rename('Demo A', 'Demo 1');
    await expect(library.entry('Demo 1').getByTestId('library-rename')).toBeFocused();

    // Esc leaves the rename field, not the dialog; an empty name is refused and the field stays.
    await library.entry('Demo 1').getByTestId('library-rename').click();
    const field = library.dialog.getByTestId('library-rename-input');
    await field.fill('Something else');
    await field.press('Escape');
    await expect(field).toHaveCount(0);
    await expect(library.dialog).toBeVisible();
    expect(await library.names()).toEqual(['Demo 1']);
    await library.entry('Demo 1').getByTestId('library-rename').click();
    await field.fill('   ');
    await field.press('Enter');
    await expect(library.dialog.getByTestId('library-failure')).toHaveText('A name cannot be empty.');
    await expect(field).toBeFocused();
    await field.press('Escape');

    await library.duplicate('Demo 1');
    expect(await library.names()).toEqual(['Demo 1 (copy)', 'Demo 1']);
    await library.rename('Demo 1 (copy)', 'Demo 2');

    // One click deletes; Undo (focused at once) brings it back where it was.
    await library.delete('Demo 1');
    await expect(library.message).toContainText('Deleted “Demo 1”.');
    await page.keyboard.press('Enter');
    await expect(library.entry('Demo 1')).toBeVisible();
    expect(await library.names()).toEqual(['Demo 2', 'Demo 1']);
    await library.delete('Demo 2');
    await page.screenshot({ path: 'screenshots/e2e/library-undo.png' });
    // Tab stays inside the dialog; Esc closes it and the focus goes back to the header button.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await library.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await library.close();
    await expect(page.getByTestId('library-button')).toBeFocused();

    await playground.reload();
    await expect(playground.kubiaPods()).toHaveCount(3);
    await library.open();
    expect(await library.names()).toEqual(['Demo 1']);
    await expect(library.working).toHaveAttribute('data-status', 'same');
    await library.close();

    // Another bundled example picked from the menu is not Demo 1's work: nothing offers to save over it.
    await page.getByTestId('scenario-picker').selectOption('nodeport');
    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'none');
    await expect(library.dialog.getByTestId('library-update')).toHaveCount(0);
    await expect(library.entry('Demo 1')).not.toContainText('open');
    expect(consoleErrors).toEqual([]);
  });

  test('a corrupt entry reads as unreadable beside the others; another tab’s save appears', async ({
    playground,
    page,
    context,
    consoleErrors,
  }) => {
    await playground.open();
    // As a hand edit or a hostile page on this origin might leave it (a JSON text: `__proto__` as a key).
    const stored =
      '{"version":1,"entries":[' +
      '{"id":"bad","name":"Hand-edited","scenario":{"yaml":"kind: Pod","seed":"one"}},' +
      '{"id":"fine","name":"Fine","savedAt":0,"scenarioId":"kubia","scenario":{"yaml":"kind: Pod"}},' +
      '{"id":"html","name":"<img src=x onerror=alert(1)>","scenario":{"yaml":"x"}},' +
      '{"id":"proto","name":"Polluter","scenario":{"yaml":"x","layout":{"__proto__":{"x":1,"y":1}}}}]}';
    await page.evaluate((text) => localStorage.setItem('kubeplay.library.v1', text), stored);
    await playground.reload();
    await expect(playground.kubiaPods()).toHaveCount(3);
    const library = new LibraryPanel(page);
    await library.open();
    // A name is text, never markup.
    expect(await library.names()).toEqual(['Fine', '<img src=x onerror=alert(1)>']);
    const unreadable = library.dialog.getByTestId('library-unreadable');
    await expect(unreadable).toHaveCount(2);
    await expect(unreadable.first()).toContainText('Hand-edited');
    await expect(unreadable.first()).toContainText('seed');
    await expect(unreadable.last()).toContainText('__proto__');

    // Another tab saves: this tab's open list follows (the storage event).
    const other = await context.newPage();
    await other.goto('/');
    await expect(other.locator('.react-flow__node-pod').first()).toBeVisible({ timeout: FIRST_GRAPH_MS });
    const otherLibrary = new LibraryPanel(other);
    await otherLibrary.open();
    await otherLibrary.save('From the other tab');
    await expect(library.entry('From the other tab')).toBeVisible();
    await other.close();

    await unreadable.first().getByTestId('library-delete').click();
    await expect(unreadable).toHaveCount(1);
    await expect(library.message).toContainText('Deleted “Hand-edited”.');

    const axe = await new AxeBuilder({ page }).include('[data-testid="library-dialog"]').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a shared link or a lesson that replaces the working copy is no longer that entry', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const library = new LibraryPanel(page);
    await library.open();
    await library.save('Kept');
    await expect(library.working).toHaveAttribute('data-status', 'same');
    await library.close();

    // A lesson opens its own cluster.
    await page.getByTestId('lessons-button').click();
    await page.getByTestId('lesson-panel').getByTestId('lesson-three-ips').click();
    await expect(page.getByTestId('lesson-card')).toHaveAttribute('data-step', '1');
    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'none');
    await library.openEntry('Kept');
    await expect(library.dialog).toBeHidden();
    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'same');
    await library.close();

    // A link opened over it.
    const soloLink = `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml: SOLO_POD, seed: 3 }))}`;
    await page.goto(`/${soloLink}`);
    await expect(playground.podNode('pod/default/solo')).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'none');
    expect(await library.names()).toEqual(['Kept']);
  });

  test('with the browser storage full, saving says so and changes nothing', async ({ playground, page }) => {
    await playground.open();
    const library = new LibraryPanel(page);
    await library.open();
    await library.save('Kept');
    // Fill this origin's storage until even a kilobyte no longer fits.
    await page.evaluate(() => {
      let n = 0;
      for (const size of [1_000_000, 100_000, 10_000, 1_000]) {
        try {
          for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          // full at this size: go on with a smaller one
        }
      }
    });
    const before = await page.evaluate(() => localStorage.getItem('kubeplay.library.v1'));
    await library.dialog.getByTestId('library-name').fill('Too much');
    await library.dialog.getByTestId('library-save').click();
    await expect(library.dialog.getByTestId('library-failure')).toContainText(
      'storage for this site is full',
    );
    expect(await library.names()).toEqual(['Kept']);
    expect(await page.evaluate(() => localStorage.getItem('kubeplay.library.v1'))).toBe(before);
    await page.screenshot({ path: 'screenshots/e2e/library-quota.png' });
  });

  test('reads well in both themes and in Chinese (screenshots)', async ({ playground, page }) => {
    await playground.open();
    const library = new LibraryPanel(page);
    await library.open();
    await library.save('Kubia: three pods');
    await library.close();
    const terminal = new TerminalPanel(page);
    await terminal.ready();
    await terminal.run('kubectl scale rc kubia --replicas=5');
    await library.open();
    await library.save('Kubia scaled to five, a long name that has to wrap on a projector');
    await library.close();
    await terminal.focus();
    await terminal.run('kubeplay node down kind-worker');
    await library.open();
    await expect(library.working).toHaveAttribute('data-status', 'changed');
    await page.screenshot({ path: 'screenshots/e2e/library-light.png' });
    await page.getByTestId('library-close').click();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await library.open();
    await page.screenshot({ path: 'screenshots/e2e/library-dark.png' });
    // Update saves the working copy (node down) over the open entry, under its name.
    await library.dialog.getByTestId('library-update').click();
    await expect(library.working).toHaveAttribute('data-status', 'same');
    await expect(library.message).toContainText('Updated “Kubia scaled to five');
    await expect(library.entries.first().getByTestId('library-entry-summary')).toContainText('2 actions');
    // The working copy is in the library now: opening another entry replaces it without asking.
    await library.openEntry('Kubia: three pods');
    await expect(library.dialog).toBeHidden();
    await expect(playground.kubiaPods()).toHaveCount(3);

    // Work in no entry (a node down), in Chinese: opening asks first.
    await terminal.focus();
    await terminal.run('kubeplay node down kind-worker');
    await page.getByTestId('language-picker').selectOption('zh-CN');
    await page.getByTestId('library-button').click();
    await expect(library.dialog.getByRole('heading', { name: '已保存的场景' })).toBeVisible();
    await expect(library.working).toContainText('有改动');
    await page.screenshot({ path: 'screenshots/e2e/library-zh.png' });
    await library.entry('Kubia: three pods').getByTestId('library-open').click();
    await expect(library.dialog.getByText('替换当前副本？')).toBeVisible();
    await page.screenshot({ path: 'screenshots/e2e/library-zh-confirm.png' });
  });
});
