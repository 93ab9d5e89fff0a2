#!/usr/bin/env node
// `npm run fuzz [-- --count N --seed S --workers W --seconds S --only I]`: throws hostile input at the engine, the
// share-link codec and the terminal, and counts what happens (docs/fuzzing.md). Inputs come from
// scripts/fuzz/inputs.mjs (YAML, links, terminal lines); scripts/fuzz/target.ts runs each one as the page
// would, from a bundle (dist-cli/fuzz-target.mjs) loaded once per worker thread, one thread per core.
//
// Each input ends in one class:
//   accepted, refused   fine: it ran, or it was refused with a located, worded message
//   unclear             refused without a location or field, or with JavaScript's own error text
//   crash               something threw (or the thread ran out of memory)
//   hang                no answer within 2 s, and over 2 s of CPU when run again alone (a busy machine
//                       stretches wall time; the second run's CPU time is the input's own)
// Exit code 1 when any input is unclear, a crash or a hang. Not part of npm test (it takes minutes).
import { availableParallelism, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { Worker } from 'node:worker_threads';
import { buildTarget, scenarioTexts, TARGET } from './fuzz/build.mjs';
import { FAMILIES, describeInput, makeInput, runInput } from './fuzz/inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = option('count', 100000);
const SEED = option('seed', 1) >>> 0;
const WORKERS = Math.max(1, option('workers', availableParallelism()));
const HANG_MS = option('timeout', 2000);
const ONLY = option('only', undefined);
// --seconds S: stop handing out inputs after S seconds (the counts say how many ran).
const BUDGET_MS = option('seconds', Infinity) * 1000;
const FAILING = ['unclear', 'crash', 'hang'];
const CLASSES = ['accepted', 'refused', ...FAILING];

if (!args.includes('--no-build')) await buildTarget();
const targetUrl = pathToFileURL(join(root, TARGET)).href;
const target = await import(targetUrl);
const scenarios = scenarioTexts(root);
target.loadScenarios(scenarios);

if (ONLY !== undefined) {
  // One input, in this thread, in full: to debug a finding.
  const input = makeInput(SEED, ONLY, target);
  console.log(JSON.stringify(input, null, 2).slice(0, 20000));
  const started = performance.now();
  console.log(runInput(input, target), `${(performance.now() - started).toFixed(1)} ms`);
  process.exit(0);
}

const byClass = Object.fromEntries(CLASSES.map((c) => [c, 0]));
const byFamily = Object.fromEntries(FAMILIES.map((f) => [f, Object.fromEntries(CLASSES.map((c) => [c, 0]))]));
const byKind = {};
const findings = [];
const slowest = [];
/** Inputs that timed out once; they run again alone at the end. */
const suspects = [];
let retriedFine = 0;

function record(result) {
  byClass[result.outcome]++;
  byFamily[result.family][result.outcome]++;
  const kind = `${result.family}/${result.kind}`;
  byKind[kind] ??= 0;
  byKind[kind]++;
  if (FAILING.includes(result.outcome)) findings.push(result);
  if (result.ms !== undefined) {
    slowest.push({ index: result.index, kind, ms: Math.round(result.ms) });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 5);
  }
}

/** The input's description, remade here: the thread that hung on it is gone. */
function described(index) {
  const input = makeInput(SEED, index, target);
  return { family: input.family, kind: input.kind, input: describeInput(input) };
}

/** A thread that runs inputs one at a time under the watchdog; a hang or crash replaces the thread. */
class Slot {
  constructor(next, { onResult, onSuspect, timeoutMs }) {
    this.next = next;
    this.onResult = onResult;
    this.onSuspect = onSuspect;
    this.timeoutMs = timeoutMs;
  }

  start() {
    return new Promise((resolve) => {
      this.finished = resolve;
      this.spawn();
    });
  }

  spawn() {
    this.worker = new Worker(new URL('./fuzz/worker.mjs', import.meta.url), {
      workerData: { seed: SEED, targetUrl, scenarios },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.current = undefined;
    this.worker.on('message', (message) => {
      if (message.type === 'ready') return this.dispatch();
      if (message.type === 'running') return this.watch();
      clearTimeout(this.timer);
      this.onResult(message);
      this.dispatch();
    });
    this.worker.on('error', (error) => {
      // An uncaught error or running out of memory kills the thread: the input crashed it.
      clearTimeout(this.timer);
      const index = this.current;
      if (index === undefined) throw error;
      this.onResult({ index, ...described(index), outcome: 'crash', detail: String(error) });
      this.spawn();
    });
  }

  dispatch() {
    const index = this.next();
    if (index === undefined) {
      this.worker.terminate();
      this.finished();
      return;
    }
    this.current = index;
    this.worker.postMessage({ index });
  }

  watch() {
    const index = this.current;
    this.timer = setTimeout(() => {
      this.worker.removeAllListeners();
      this.worker.terminate();
      this.onSuspect(index);
      this.spawn();
    }, this.timeoutMs);
  }
}

async function runPool(indices, workers, handlers, deadline = Infinity) {
  let at = 0;
  const next = () => (at < indices.length && performance.now() < deadline ? indices[at++] : undefined);
  await Promise.all(Array.from({ length: workers }, () => new Slot(next, handlers).start()));
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const progress = setInterval(() => {
  const done = Object.values(byClass).reduce((a, b) => a + b, 0);
  const s = (performance.now() - started) / 1000;
  process.stderr.write(`${done} inputs in ${s.toFixed(0)} s (${(done / s).toFixed(0)}/s)\r`);
}, 5000);
await runPool(
  Array.from({ length: COUNT }, (_, i) => i),
  WORKERS,
  { onResult: record, onSuspect: (index) => suspects.push(index), timeoutMs: HANG_MS },
  started + BUDGET_MS,
);
// A timeout while the machine is busy (other processes, the other worker) may be the machine's fault:
// each suspect runs again alone, with time to finish, and is a hang only if it takes over 2 s of CPU then.
const RETRY_MS = 10 * HANG_MS;
if (suspects.length)
  process.stderr.write(`\n${suspects.length} inputs timed out: running them again, alone\n`);
const retried = new Map();
await runPool(suspects, 1, {
  onResult: (r) => retried.set(r.index, r),
  onSuspect: (index) =>
    retried.set(index, {
      index,
      ...described(index),
      outcome: 'hang',
      detail: `no answer in ${RETRY_MS} ms`,
    }),
  timeoutMs: RETRY_MS,
});
for (const index of suspects) {
  let result = retried.get(index);
  // Alone, the process's CPU time is the input's: a busy machine stretches the wall time, not that.
  if (result.outcome !== 'hang' && result.cpuMs > HANG_MS)
    result = {
      ...result,
      ...described(index),
      outcome: 'hang',
      detail: `took ${Math.round(result.cpuMs)} ms of CPU alone (${Math.round(result.ms)} ms wall)`,
    };
  if (result.outcome !== 'hang') retriedFine++;
  record(result);
}
clearInterval(progress);
const seconds = (performance.now() - started) / 1000;
// CPU time of every thread of this process: on a shared machine the wall time says more about the
// other processes than about kubeplay, so both are printed.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const inputs = Object.values(byClass).reduce((a, b) => a + b, 0);
console.log(
  `kubeplay fuzz: ${inputs} inputs in ${seconds.toFixed(1)} s (${Math.round(inputs / seconds)} inputs/s), seed ${SEED}, ${WORKERS} worker threads, ${HANG_MS} ms watchdog`,
);
console.log(
  `CPU: ${cpuSeconds.toFixed(1)} s in all threads (${Math.round(inputs / cpuSeconds)} inputs per CPU-second; the machine's load average at the end: ${loadavg()[0].toFixed(1)})`,
);
console.log(`by class: ${CLASSES.map((c) => `${c} ${byClass[c]}`).join(', ')}`);
if (retriedFine) console.log(`(${retriedFine} timed out once with the machine busy and ran fine alone)`);
for (const family of FAMILIES)
  console.log(`  ${family.padEnd(9)} ${CLASSES.map((c) => `${c} ${byFamily[family][c]}`).join(', ')}`);
console.log(
  `by kind: ${Object.entries(byKind)
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(`slowest: ${slowest.map((s) => `#${s.index} ${s.kind} ${s.ms} ms`).join(', ')}`);
if (findings.length) {
  const file = join(root, 'test-results', 'fuzz', `seed-${SEED}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(findings, null, 2));
  console.log(
    `\n${findings.length} findings (all in ${file}); replay one with npm run fuzz -- --seed ${SEED} --only INDEX`,
  );
  for (const f of findings.slice(0, 12))
    console.log(`#${f.index} ${f.outcome} ${f.family}/${f.kind}: ${f.detail}\n   input: ${f.input}`);
}
process.exitCode = byClass.unclear + byClass.crash + byClass.hang > 0 ? 1 : 0;
