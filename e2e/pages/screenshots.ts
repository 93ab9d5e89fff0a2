/**
 * Screenshots a person looks at: saved under screenshots/e2e inside the repository (ignored by git, and
 * kept across runs because Playwright wipes test-results/ whenever anyone runs e2e), and attached to
 * the report. Nothing is written outside the repository.
 */
import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

export const SCREENSHOT_DIR = 'screenshots/e2e';

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const body = await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}
