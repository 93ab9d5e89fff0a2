import { defineConfig } from 'vitest/config';

// Engine tests run in Node, which proves the engine needs no DOM.
// UI helpers that need a DOM opt in per file with `// @vitest-environment jsdom`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // A ceiling for a busy 2-core machine, not a speed check: speed is measured by `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
