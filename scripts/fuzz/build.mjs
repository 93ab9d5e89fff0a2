// Bundles scripts/fuzz/target.ts (the engine, the share codec and the lesson parser behind it) into one
// JavaScript file, dist-cli/fuzz-target.mjs, as scripts/build-cli.mjs bundles the CLI: each fuzz worker
// then loads plain JavaScript once instead of compiling TypeScript.
import { build } from 'vite';

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const TARGET = 'dist-cli/fuzz-target.mjs';

/** src/scenarios/*.yaml, sorted by name: what target.loadScenarios takes. */
export function scenarioTexts(root) {
  const dir = join(root, 'src', 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

export async function buildTarget() {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: 'scripts/fuzz/target.ts',
      outDir: 'dist-cli',
      // dist-cli/kubeplay.mjs (the CLI) lives there too.
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        output: { format: 'esm', entryFileNames: 'fuzz-target.mjs', codeSplitting: false },
        checks: { bundlerTimings: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}
