/**
 * Export for a real cluster, on the production build: the Export menu downloads the manifests
 * (`kubectl apply -f`) and the kind config (`kind create cluster --config`) as two files, what the
 * student did in the terminal is folded in, and the menu works from the keyboard.
 */
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { openWithTerminal } from './pages/TerminalPanel.ts';

async function download(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByTestId('export-button').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  return { name: file.suggestedFilename(), text: await readDownload(file) };
}

async function readDownload(file: Download): Promise<string> {
  const path = await file.path();
  return readFile(path, 'utf8');
}

test('downloads the manifests and the kind config apart, with the terminal scale folded in', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const terminal = await openWithTerminal(playground);
  await terminal.run('kubectl scale rc kubia --replicas=4');
  await expect(playground.kubiaPods()).toHaveCount(4);

  const manifests = await download(page, 'export-manifests');
  expect(manifests.name).toBe('kubia.yaml');
  expect(manifests.text).toMatch(/^# .*exported from kubeplay\n/);
  expect(manifests.text).toContain(
    '#   kind create cluster --config kubia-kind.yaml\n#   kubectl apply -f kubia.yaml',
  );
  expect(manifests.text).not.toMatch(/^kind: Cluster$/m);
  expect(manifests.text).toMatch(/^kind: ReplicationController$/m);
  expect(manifests.text).toMatch(/^ {2}replicas: 4$/m);
  // The user's own comments travel with the objects.
  expect(manifests.text).toContain('# A ClusterIP Service (the default type)');

  const kindConfig = await download(page, 'export-kind');
  expect(kindConfig.name).toBe('kubia-kind.yaml');
  expect(kindConfig.text).toMatch(/^kind: Cluster\napiVersion: kind\.x-k8s\.io\/v1alpha4\nnodes:\n/m);
  expect(kindConfig.text).not.toMatch(/^kind: (Service|ReplicationController)$/m);
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('the Export menu works from the keyboard and closes with Escape', async ({ page, playground }) => {
  await playground.open();
  const button = page.getByTestId('export-button');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('export-manifests')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-kind')).toBeFocused();
  await playground.screenshot('export-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
