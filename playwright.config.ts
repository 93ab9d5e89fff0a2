import { defineConfig } from '@playwright/test';
import type { Fixtures } from './e2e/fixtures.ts';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Two builds can be tested side by side: `vite build --mode e2e --outDir DIR` (the mode adds the test
// API, docs/testing.md), then KP_E2E_DIST=DIR KP_E2E_PORT=N.
const port = Number(process.env.KP_E2E_PORT ?? 4173);
const dist = process.env.KP_E2E_DIST;
const outDir = dist ? ` --outDir ${dist}` : '';
/** Specs that never use the YAML editor (see `projects` below). */
const WITHOUT_EDITOR = [
  'csp',
  'customLesson',
  'exportFiles',
  'lessons',
  'outside',
  'reach',
  'rollout',
  'terminal',
].map((name) => `**/${name}.spec.ts`);

export default defineConfig<Fixtures>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: dist ? `${dist}-results` : 'test-results',
  // Specs share nothing but the preview server (each test has its own browser context and storage),
  // so they run side by side; KP_E2E_WORKERS=1 runs them one at a time.
  fullyParallel: true,
  workers: Number(process.env.KP_E2E_WORKERS ?? 2),
  retries: 0,
  // Budgets sized for a busy 2-core machine: tests wait on the app's own signals (data attributes),
  // so a generous ceiling costs nothing when the machine is quiet.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: dist ? `${dist}-results/e2e-results.json` : 'test-results/e2e-results.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    // A person may ask for less motion (prefers-reduced-motion), and the app honours it: a request's
    // path is drawn at once as numbered steps and lands without its ~0.8 s-per-hop flight, and the graph
    // jumps to a new fit instead of gliding. Most tests are about what a request does, not how it moves,
    // so they run that way (about 8 s of real-time flight saved per request). The tests about the flight
    // itself ask for motion with `page.emulateMedia({ reducedMotion: 'no-preference' })`, and
    // playground.spec's reduced-motion test still checks the static path (docs/testing.md).
    reducedMotion: 'reduce',
    // The service worker's precache downloads every chunk of the app (Monaco included) into Cache
    // Storage on each fresh context: about 1.5 s of CPU per test on a 2-core machine, for a cache no
    // other test reads. offline.spec, the one spec about it, allows it again (docs/testing.md).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromium,
      // The browser process itself tries Google hosts even with every flag below;
      // the resolver rule keeps it on loopback (docs/testing.md, "Chromium flags").
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
      ],
    },
  },
  // Specs that never read or type YAML open with the editor panel closed, so Monaco (a 4 MB chunk, about
  // 1.3 CPU-s per page load) never loads in them. The ones about the stage's geometry (stage, legibility,
  // graph export) keep the editor beside the graph: the space it takes is part of what they check.
  // A spec that starts using the editor moves back to the first project (docs/testing.md).
  projects: [
    { name: 'chromium', testIgnore: WITHOUT_EDITOR },
    { name: 'no-editor', testMatch: WITHOUT_EDITOR, use: { editorPanel: 'closed' } },
  ],
  webServer: {
    command: `npx vite preview${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
