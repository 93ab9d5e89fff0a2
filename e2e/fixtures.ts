/**
 * Fixtures: `playground` (the page object) and `offHostRequests`/`consoleErrors`, collected for the
 * whole test from the context. Both are automatic: every test, whether or not it names them, fails in
 * teardown when a page logged a console error, threw an uncaught error, or the context sent a request
 * to another host. A test may still assert on them itself, at a point of its choosing.
 */
import { test as base, expect } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage.ts';
import { processTreeCpuSeconds } from './pages/processCpu.ts';

/**
 * Console errors that are not the app's fault. Each entry says why; keep it empty unless a browser or a
 * library logs an error the app cannot prevent.
 */
const ALLOWED_CONSOLE_ERRORS: ReadonlyArray<{ pattern: RegExp; reason: string }> = [
  {
    pattern: /ERR_INTERNET_DISCONNECTED \(http:\/\/127\.0\.0\.1:\d+\/not-cached-\d+\.txt/,
    reason: 'offline.spec proves the network is really off by fetching an address no cache holds',
  },
];

export interface Fixtures {
  playground: PlaygroundPage;
  offHostRequests: string[];
  consoleErrors: string[];
  cpuSeconds: void;
  editorPanel: 'open' | 'closed';
  startLayout: void;
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
          const described = describeConsoleMessage(m);
          if (ALLOWED_CONSOLE_ERRORS.some((allowed) => allowed.pattern.test(described))) return;
          errors.push(described);
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
  // Whether the page opens with the YAML editor beside the graph, as a 1440 px screen does by default.
  // A spec that never reads or types YAML may say 'closed' (`test.use({ editorPanel: 'closed' })`):
  // Monaco, a 4 MB chunk, then never loads, which saves about 1.3 CPU-s per page load. Set as the
  // layout a person left saved (src/ui/app/layoutMemory.ts), so a layout the test itself changes and the
  // app saves is kept across reloads. playground.spec's first test checks that the editor loads.
  editorPanel: ['open', { option: true }],
  startLayout: [
    async ({ context, editorPanel }, use) => {
      if (editorPanel === 'closed')
        await context.addInitScript(() => {
          // Init scripts run in every frame, also those without storage (about:blank, a sandboxed frame).
          if (window !== window.top || !location.protocol.startsWith('http')) return;
          const key = 'kubeplay.layout.v1';
          if (localStorage.getItem(key) === null)
            localStorage.setItem(key, JSON.stringify({ editorOpen: false }));
        });
      await use();
    },
    { auto: true },
  ],
  // KP_E2E_CPU=1: each test's CPU seconds (this worker, its browser and the test's renderers) as a
  // `cpu-seconds` annotation in the JSON report; `node scripts/e2e-cpu.mjs` lists them. It depends on
  // the context so that it reads the total after the test, before the context and its renderer close.
  cpuSeconds: [
    async ({ context }, use, testInfo) => {
      const before = process.env.KP_E2E_CPU ? processTreeCpuSeconds() : null;
      void context;
      await use();
      const after = before === null ? null : processTreeCpuSeconds();
      if (before !== null && after !== null)
        testInfo.annotations.push({ type: 'cpu-seconds', description: (after - before).toFixed(2) });
    },
    { auto: true },
  ],
  playground: async ({ page }, use, testInfo) => {
    await use(new PlaygroundPage(page, testInfo));
  },
});

export { expect } from '@playwright/test';
