#!/usr/bin/env node
// CLI start-up: the median wall time of `kubeplay check` on the kubia scenario against a bare `node`,
// and their ratio (goal: at most 4x). Run after `npm install` (which builds the bundle): npm run bench:cli.
import { spawnSync } from 'node:child_process';

const RUNS = Number(process.env.RUNS ?? 15);

function medianMs(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const bare = medianMs(['-e', '0']);
const check = medianMs(['bin/kubeplay.mjs', 'check', 'src/scenarios/kubia.yaml']);
const help = medianMs(['bin/kubeplay.mjs', '--help']);
console.log(`bare node:                  ${bare.toFixed(0)} ms (median of ${RUNS})`);
console.log(`kubeplay --help:            ${help.toFixed(0)} ms  x${(help / bare).toFixed(2)} bare node`);
console.log(
  `kubeplay check kubia.yaml:  ${check.toFixed(0)} ms  x${(check / bare).toFixed(2)} bare node (goal <= 4)`,
);
