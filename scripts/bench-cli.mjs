#!/usr/bin/env node
// CLI start-up: `kubeplay check` on the kubia scenario against a bare `node`, and their ratio (goal: at
// most 4x). Run after `npm install` (which builds the bundle): npm run bench:cli.
//
// Wall time is the median of RUNS calls. On a loaded machine it mostly measures the wait for a core, so
// on Linux the CPU time the calls used (user + system, read from /proc/self/stat's cutime and cstime,
// which count the children once they exit) is printed too, as a mean per call: that ratio is the one
// to compare across runs.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const RUNS = Number(process.env.RUNS ?? 15);
/** /proc reports times in USER_HZ ticks, 100 a second on Linux. */
const TICK_MS = 10;

/** CPU time used so far by this process's children that have exited, in ms; undefined off Linux. */
function childrenCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

function measure(args) {
  const times = [];
  const cpuBefore = childrenCpuMs();
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpuAfter = childrenCpuMs();
  times.sort((a, b) => a - b);
  return {
    wall: times[Math.floor(times.length / 2)],
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / RUNS,
  };
}

const bare = measure(['-e', '0']);
const check = measure(['bin/kubeplay.mjs', 'check', 'src/scenarios/kubia.yaml']);
const help = measure(['bin/kubeplay.mjs', '--help']);
const cpu = (m) =>
  m.cpu === undefined || bare.cpu === undefined
    ? ''
    : `; CPU ${m.cpu.toFixed(0)} ms  x${(m.cpu / bare.cpu).toFixed(2)}`;
console.log(
  `bare node:                  ${bare.wall.toFixed(0)} ms (median of ${RUNS})${bare.cpu === undefined ? '' : `; CPU ${bare.cpu.toFixed(0)} ms (mean)`}`,
);
console.log(
  `kubeplay --help:            ${help.wall.toFixed(0)} ms  x${(help.wall / bare.wall).toFixed(2)} bare node${cpu(help)}`,
);
console.log(
  `kubeplay check kubia.yaml:  ${check.wall.toFixed(0)} ms  x${(check.wall / bare.wall).toFixed(2)} bare node${cpu(check)} (goal <= 4)`,
);
