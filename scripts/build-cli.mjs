#!/usr/bin/env node
// Bundles the `kubeplay` command (src/cli/kubeplay.ts and the engine under it) into one JavaScript file,
// dist-cli/kubeplay.mjs, so each call starts as plain Node instead of compiling TypeScript through tsx
// first (graders call it thousands of times). It runs as the `prepare` script, so `npm install` and
// `npm ci` build it and a fresh clone needs no extra command; bin/kubeplay.mjs falls back to tsx when the
// bundle is missing or older than the sources.
import { build } from 'vite';

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/kubeplay.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: { format: 'esm', entryFileNames: 'kubeplay.mjs', codeSplitting: false },
      checks: { bundlerTimings: false },
    },
  },
  // Everything in one file: no module resolution through node_modules at start-up.
  ssr: { noExternal: true, target: 'node' },
});
