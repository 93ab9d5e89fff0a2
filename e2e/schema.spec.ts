/**
 * Schema intelligence from the Kubernetes 1.33 OpenAPI schema (src/engine/schema/k8s-1.33.ts, generated): the
 * editor completes and documents Service fields from it, hover shows a field's description, and the
 * terminal's `kubectl explain` prints the same description.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test.beforeEach(async ({ playground }) => {
  await playground.open();
});

/** Puts the cursor on the scenario's first line reading `text`; returns that line. */
async function goToLine(playground: PlaygroundPage, text: string): Promise<Locator> {
  await playground.goToLine(await playground.lineNumberOf(text));
  return playground.editorLine(text);
}

/**
 * Presses Ctrl+Space until `item` is offered. The YAML language worker starts with the editor and loads the
 * schema on its own time; a request made before it is ready answers "No suggestions" and is not asked again,
 * as a person would simply press Ctrl+Space once more.
 */
async function askForCompletions(page: Page, item: Locator): Promise<void> {
  await expect(async () => {
    if (await page.locator('.editor-widget.suggest-widget.visible').isVisible())
      await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect(item).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

test('in a Service spec, Ctrl+Space offers sessionAffinity with its documentation, then its values', async ({
  page,
  playground,
}) => {
  await goToLine(playground, 'type: NodePort');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('sessionAff');
  const suggest = page.locator('.editor-widget.suggest-widget');
  const item = suggest.getByRole('option', { name: 'sessionAffinity, Property', exact: true });
  await askForCompletions(page, item);
  const details = page.locator('.suggest-details');
  // Ctrl+Space on an open list toggles the documentation pane (Monaco's "Read More").
  if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
  await expect(details).toContainText('Used to maintain session affinity');
  await playground.screenshot('schema-completion');
  await page.keyboard.press('Enter');
  await expect(playground.editor.locator('.view-line', { hasText: 'sessionAffinity:' })).toBeVisible();
  // The value: the enum the API declares for ServiceAffinity.
  await page.keyboard.press('End');
  await askForCompletions(page, suggest.getByRole('option', { name: /^ClientIP\b/ }));
  await expect(suggest.getByRole('option', { name: /^None\b/ })).toBeVisible();
});

test('hovering a Service field shows its description from the schema', async ({ page, playground }) => {
  const line = await goToLine(playground, 'type: NodePort');
  const field = line.locator('span', { hasText: /^type$/ }).first();
  const hover = page
    .locator('.monaco-hover')
    .filter({ hasText: 'type determines how the Service is exposed' });
  // As with completion, a hover asked before the YAML worker is ready shows nothing: move away and back.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await field.hover();
    await expect(hover).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await playground.screenshot('schema-hover');
});

test('kubectl explain service.spec.sessionAffinity prints the field, its values and its description', async ({
  page,
  playground,
}) => {
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  // The docked terminal shows a few rows; head and grep keep each answer on screen.
  const head = await terminal.run('kubectl explain service.spec.sessionAffinity | head -4');
  expect(head.split('\n')).toEqual([
    'KIND:       Service',
    'VERSION:    v1',
    '',
    'FIELD: sessionAffinity <string>',
  ]);
  expect(await terminal.run('kubectl explain service.spec.sessionAffinity | head -7 | tail -3')).toBe(
    ['ENUM:', '    ClientIP', '    None'].join('\n'),
  );
  const description = await terminal.run('kubectl explain svc.spec.sessionAffinity | grep Supports');
  expect(description).toBe('    Supports "ClientIP" and "None". Used to maintain session affinity. Enable');
  await playground.screenshot('schema-explain');
  expect(await terminal.run('kubectl explain svc.spec.foo')).toBe('error: field "foo" does not exist');
});
