/**
 * Fixtures: `playground` (the page object) and `offHostRequests`/`consoleErrors`, collected for the
 * whole test from the context. Both are automatic: every test, whether or not it names them, fails in
 * teardown when a page logged a console error, threw an uncaught error, or the context sent a request
 * to another host. A test may still assert on them itself, at a point of its choosing.
 */
import { test as base, expect } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage.ts';

/**
 * Console errors that are not the app's fault. Each entry says why; keep it empty unless a browser or a
 * library logs an error the app cannot prevent.
 */
const ALLOWED_CONSOLE_ERRORS: ReadonlyArray<{ pattern: RegExp; reason: string }> = [];

interface Fixtures {
  playground: PlaygroundPage;
  offHostRequests: string[];
  consoleErrors: string[];
}

/** Where the message came from, so a failure says which file logged it. */
function describeConsoleMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

export const test = base.extend<Fixtures>({
  offHostRequests: [
    async ({ context }, use) => {
      const seen: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        const local = ['127.0.0.1', 'localhost'].includes(url.hostname);
        if (!local && !['data:', 'blob:'].includes(url.protocol)) seen.push(request.url());
      });
      await use(seen);
      expect(seen, 'requests to another host (the app makes none)').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      // Every page of the context (a popup, a second tab), not only the first one.
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (m.type() !== 'error') return;
          if (ALLOWED_CONSOLE_ERRORS.some((allowed) => allowed.pattern.test(m.text()))) return;
          errors.push(describeConsoleMessage(m));
        });
        page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(errors);
      expect(errors, 'console errors and uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
  playground: async ({ page }, use, testInfo) => {
    await use(new PlaygroundPage(page, testInfo));
  },
});

export { expect } from '@playwright/test';
