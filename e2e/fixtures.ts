/**
 * Fixtures: `playground` (the page object) and `offHostRequests`/`consoleErrors`, collected for the
 * whole test from the context, so a request to another host or a console error anywhere is caught.
 */
import { test as base } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage.ts';

interface Fixtures {
  playground: PlaygroundPage;
  offHostRequests: string[];
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  offHostRequests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost'].includes(url.hostname);
      if (!local && !['data:', 'blob:'].includes(url.protocol)) seen.push(request.url());
    });
    await use(seen);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  playground: async ({ page, offHostRequests: _r, consoleErrors: _c }, use, testInfo) => {
    await use(new PlaygroundPage(page, testInfo));
  },
});

export { expect } from '@playwright/test';
