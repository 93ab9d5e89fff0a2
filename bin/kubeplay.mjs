#!/usr/bin/env node
// The `kubeplay` command. It runs the bundle that `npm install`/`npm ci` build (scripts/build-cli.mjs,
// the `prepare` script), which starts as fast as plain Node. When that bundle is missing, or a source
// file under src/ is newer than it (someone is editing the engine), it runs src/cli/kubeplay.ts through
// tsx instead, so the command never answers with stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `kubeplay trace … --count 1000 | head -1` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'kubeplay.mjs');

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (/\.(ts|json|yaml)$/.test(entry.name) && !entry.name.includes('.test.'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  const src = join(root, 'src');
  return !existsSync(src) || newestSourceTime(src) <= statSync(bundle).mtimeMs;
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/kubeplay.ts'));
}
const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
