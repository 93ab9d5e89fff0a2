import { defineConfig } from 'vitest/config';

/**
 * Files that must run alone: they replace a module (`vi.mock`), stub a global, or ask for a DOM
 * (`// @vitest-environment jsdom`). Anything else shares its worker's module cache with the files run
 * before it. A new file of that kind belongs here (src/testIsolation.test.ts checks the list).
 */
export const ISOLATED = [
  'src/cli/kubeplay.test.ts',
  'src/engine/net/policy/networkPolicy.test.ts',
  'src/engine/net/routePlan.test.ts',
  'src/engine/parse/readYaml.tokens.test.ts',
  'src/pwa/registerOffline.test.ts',
  'src/ui/graph/export/graphToSvg.test.ts',
  'src/ui/keyboard/isTypingTarget.test.ts',
  'src/ui/packets/frameLoop.test.ts',
  'src/ui/terminal/terminalController.test.ts',
];

// Engine tests run in Node, which proves the engine needs no DOM.
// UI helpers that need a DOM opt in per file with `// @vitest-environment jsdom`.
//
// Speed on a 2-core machine (docs/testing.md, "Where the time goes"): worker threads start faster than
// forked processes, and the pure tests skip re-importing the engine, i18n and fast-check for every one
// of their ~150 files (isolate: false). Together that halves the CPU time of `vitest run`.
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'threads',
    // A ceiling for a busy 2-core machine, not a speed check: speed is measured by `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
