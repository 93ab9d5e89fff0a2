/**
 * Steps the browser benches share: serving a build, opening the 1,000-pod bench scenario from a link,
 * putting the cursor on app-0's `replicas:` line, and getting a page ready to paste the scenario.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from '@playwright/test';
import LZString from 'lz-string';
import { appName } from '../../src/bench/generateScenario.ts';

/** `vite preview` of `dist` in its own process group: `npx` starts vite under it, and stopping only
 * npx would leave the server holding the port for the next run. */
export function startPreview(port: number, dist: string): ChildProcess {
  return spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', dist],
    { stdio: 'ignore', detached: true },
  );
}

/** Stops a preview started by startPreview and everything it started; quiet when it is already gone. */
export function stopPreview(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

export function scenarioLink(yaml: string): string {
  return `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml }))}`;
}

/** The line (1-based) of app `app`'s `replicas:` in the generated text. */
export function replicasLine(yaml: string, app = 0): number {
  const lines = yaml.split('\n');
  const name = lines.findIndex((l) => l === `  name: ${appName(app)}`);
  return lines.findIndex((l, i) => i > name && l.startsWith('  replicas:')) + 1;
}

/** Opens the scenario from a link and waits until its 1,000 pods are drawn and the editor is up. */
export async function openBenchScenario(page: Page, base: string, yaml: string): Promise<void> {
  await page.goto(base + scenarioLink(yaml));
  await page.waitForFunction(
    () => document.querySelectorAll('.react-flow__node-pod').length >= 1000,
    undefined,
    { timeout: 600_000 },
  );
  await page.locator('.view-line').first().waitFor({ timeout: 60_000 });
}

/** Go to Line (Ctrl+G) in the editor, then End: the cursor ends the line, as a person would put it. */
export async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.locator('.view-line').first().click();
  await page.keyboard.press('Control+G');
  const box = page.locator('.quick-input-widget');
  await box.waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await box.waitFor({ state: 'hidden' });
  await page.keyboard.press('End');
}

/** A fresh page with the kubia scenario, `yaml` on the clipboard and the editor's text selected. */
export async function readyToPaste(page: Page, base: string, yaml: string): Promise<void> {
  await page.goto(base);
  await page.waitForSelector('.react-flow__node-pod');
  const editor = page.locator('.view-line').first();
  await editor.waitFor({ timeout: 60_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), yaml);
  await editor.click();
  await page.keyboard.press('Control+A');
}

/**
 * The engine Worker's watchdog (3 s, src/worker/engineClient.ts) would stop the 1,000-pod build on a
 * loaded machine: a tool that only needs the build to finish makes that one timer wait longer.
 */
export async function lengthenEngineWatchdog(context: BrowserContext): Promise<void> {
  await context.addInitScript(`{
    const set = window.setTimeout.bind(window);
    window.setTimeout = (fn, ms, ...rest) => set(fn, ms === 3000 ? 600000 : ms, ...rest);
  }`);
}
