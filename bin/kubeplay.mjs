#!/usr/bin/env node
// The `kubeplay` command: runs src/cli/kubeplay.ts through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

// `kubeplay trace … --count 1000 | head -1` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { main } = await import('../src/cli/kubeplay.ts');
const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
