#!/usr/bin/env node
// The one test command (`npm test`): every check, then plain summary lines that CI reads.
//
// Time on a 2-core machine is the constraint, so: the independent checks (types, lint, format) and
// the production build run side by side, each printing its output when it ends; the unit tests follow;
// then the end-to-end tests run against that one build (Playwright runs its specs in parallel). A
// build whose inputs have not changed since the last one is reused. Stages keep running after a
// failure so one run shows everything that is wrong. `npm test -- unit e2e` runs only those stages.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';

const only = process.argv.slice(2);
const want = (stage) => only.length === 0 || only.includes(stage);
const results = [];
const started = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command; with `quiet`, its output is held and printed in one block when it ends. */
function run(name, cmd, args, { quiet = false, env = {} } = {}) {
  const t0 = Date.now();
  if (!quiet) console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    const chunks = [];
    if (quiet) {
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
    }
    child.on('close', (code) => {
      const ms = Date.now() - t0;
      if (quiet) {
        console.log(`\n=== ${name}: ${cmd} ${args.join(' ')} (${seconds(ms)})`);
        process.stdout.write(Buffer.concat(chunks).toString());
      }
      resolve({ ok: code === 0, ms });
    });
    child.on('error', (error) => {
      console.error(`${name}: could not start ${cmd}: ${error.message}`);
      resolve({ ok: false, ms: Date.now() - t0 });
    });
  });
}

function stage(name, { ok, ms }, note = ok ? 'ok' : 'FAILED') {
  results.push({ name, line: `${name}: ${note} (${seconds(ms)})`, ok, ms });
}

// --- the production build, reused while its inputs are unchanged -------------------------------

const BUILD_STAMP = 'dist/.build-inputs';
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

function listFiles(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => listFiles(join(path, entry)));
}

/** A digest of everything `vite build` reads (tests excluded), plus the env that changes its output. */
function buildInputsDigest() {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap(listFiles)) {
    if (/\.test\.tsx?$/.test(file)) continue;
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  const env = Object.entries(process.env).filter(([k]) => k.startsWith('KUBEPLAY_') || k.startsWith('VITE_'));
  hash.update(JSON.stringify(env.sort()));
  return hash.digest('hex');
}

async function build() {
  const digest = buildInputsDigest();
  if (
    existsSync(BUILD_STAMP) &&
    readFileSync(BUILD_STAMP, 'utf8') === digest &&
    existsSync('dist/index.html')
  ) {
    console.log('\n=== build: dist/ is up to date with its inputs; reusing it');
    stage('build', { ok: true, ms: 0 }, 'up to date');
    return true;
  }
  const result = await run('build', 'npx', ['vite', 'build'], { quiet: true });
  if (result.ok) writeFileSync(BUILD_STAMP, digest);
  stage('build', result);
  return result.ok;
}

// --- the stages ------------------------------------------------------------------------------------

function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

function explainMissingChromium(path) {
  console.error(
    `\nThe end-to-end tests need Chromium at ${path}, and it is not there.\n` +
      `On Debian or Ubuntu, install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n` +
      `or point CHROMIUM_PATH at another Chromium or Chrome binary, then run npm test again.`,
  );
}

async function unit() {
  const file = 'test-results/unit.json';
  const result = await run('unit', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${file}`,
  ]);
  let passed = 0;
  let failed = result.ok ? 0 : 1;
  if (existsSync(file)) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = (json.numFailedTests ?? 0) + (result.ok || json.numFailedTests ? 0 : 1);
  }
  results.push({
    name: 'unit',
    count: `unit: ${passed} passed, ${failed} failed`,
    ok: result.ok && failed === 0,
    ms: result.ms,
  });
}

async function e2e(built) {
  const file = 'test-results/e2e-results.json';
  const result = built ? await run('e2e', 'npx', ['playwright', 'test']) : { ok: false, ms: 0 };
  let passed = 0;
  let failed = result.ok ? 0 : 1;
  if (built && existsSync(file)) {
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
    passed = stats.expected ?? 0;
    failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (result.ok || stats.unexpected ? 0 : 1);
  }
  results.push({
    name: 'e2e',
    count: `e2e: ${passed} passed, ${failed} failed`,
    ok: result.ok && failed === 0,
    ms: result.ms,
  });
}

mkdirSync('test-results', { recursive: true });

const chromium = chromiumPath();
const e2eWanted = want('e2e');
const e2eRunnable = e2eWanted && existsSync(chromium);

// Phase 1: checks and the build, side by side.
const checks = [];
if (want('types'))
  checks.push(run('types', 'npx', ['tsc', '-b'], { quiet: true }).then((r) => stage('types', r)));
if (want('lint'))
  checks.push(
    run('lint', 'npx', ['eslint', '--max-warnings=0', '.'], { quiet: true }).then((r) => stage('lint', r)),
  );
if (want('format'))
  checks.push(
    run('format', 'npx', ['prettier', '--check', '.'], { quiet: true }).then((r) => stage('format', r)),
  );
const built = e2eRunnable ? build() : Promise.resolve(false);
await Promise.all([...checks, built]);

// Phase 2 and 3: unit tests, then the browser tests against the build.
if (want('unit')) await unit();
if (e2eWanted) {
  if (e2eRunnable) await e2e(await built);
  else results.push({ name: 'e2e', count: 'e2e: 0 passed, 1 failed', ok: false, ms: 0 });
}

// Said last, where a newcomer looks, rather than scrolled away above the unit tests' output.
if (e2eWanted && !e2eRunnable) explainMissingChromium(chromium);

console.log('\n=== summary');
// Checks first, then the time each counted stage took, then the counted lines last, so the final
// line is a plain "N passed, N failed".
for (const r of results.filter((r) => r.line)) console.log(r.line);
const timed = results.filter((r) => r.count).map((r) => `${r.name} ${seconds(r.ms)}`);
console.log(`time: ${[...timed, `total ${seconds(Date.now() - started)}`].join(', ')}`);
for (const r of results.filter((r) => r.count)) console.log(r.count);
process.exit(results.every((r) => r.ok) ? 0 : 1);
