import { defineConfig } from 'vitest/config';

// Engine tests run in Node, which proves the engine needs no DOM.
// UI helpers that need a DOM opt in per file with `// @vitest-environment jsdom`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 30000,
  },
});
