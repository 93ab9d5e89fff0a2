#!/usr/bin/env node
// The one test command (`npm test`): every check in turn, then plain summary lines that CI reads.
// Stages keep running after a failure so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const only = process.argv.slice(2);
const want = (stage) => only.length === 0 || only.includes(stage);
const results = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function stage(name, ok) {
  results.push({ name, line: `${name}: ${ok ? 'ok' : 'FAILED'}`, ok });
}

mkdirSync('test-results', { recursive: true });

if (want('types')) stage('types', run('types', 'npx', ['tsc', '-b']));
if (want('lint')) stage('lint', run('lint', 'npx', ['eslint', '--max-warnings=0', '.']));
if (want('format')) stage('format', run('format', 'npx', ['prettier', '--check', '.']));

if (want('unit')) {
  const file = 'test-results/unit.json';
  const ok = run('unit', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${file}`,
  ]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(file)) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = (json.numFailedTests ?? 0) + (ok || json.numFailedTests ? 0 : 1);
  }
  results.push({ name: 'unit', line: `unit: ${passed} passed, ${failed} failed`, ok: ok && failed === 0 });
}

if (want('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `\nThe end-to-end tests need Chromium at ${chromium}, and it is not there.\n` +
        `On Debian or Ubuntu, install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n` +
        `or point CHROMIUM_PATH at another Chromium or Chrome binary, then run npm test again.`,
    );
    results.push({ name: 'e2e', line: 'e2e: 0 passed, 1 failed', ok: false });
  } else {
    const built = run('build', 'npx', ['vite', 'build']);
    stage('build', built);
    const file = 'test-results/e2e-results.json';
    const ok = built && run('e2e', 'npx', ['playwright', 'test']);
    let passed = 0;
    let failed = ok ? 0 : 1;
    if (built && existsSync(file)) {
      const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
      passed = stats.expected ?? 0;
      failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (ok || stats.unexpected ? 0 : 1);
    }
    results.push({ name: 'e2e', line: `e2e: ${passed} passed, ${failed} failed`, ok: ok && failed === 0 });
  }
}

console.log('\n=== summary');
// Checks first; the counted lines last, so the final line is a plain "N passed, N failed".
for (const r of results.filter((r) => !/passed/.test(r.line))) console.log(r.line);
for (const r of results.filter((r) => /passed/.test(r.line))) console.log(r.line);
process.exit(results.every((r) => r.ok) ? 0 : 1);
