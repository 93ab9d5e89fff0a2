#!/usr/bin/env node
// `npm run fuzz [-- --count N --seed S]`: throws hostile input at the bundled CLI (dist-cli/kubeplay.mjs,
// built by scripts/build-cli.mjs) and counts what happens. Inputs: the bundled scenarios mutated (lines
// dropped, duplicated, re-indented, numbers blown up, control and bidi characters inserted) for
// `kubeplay check`, and terminal lines for `kubeplay run`. An input fails when it crashes (internal error
// or a throw), takes over 2 s, or is refused without a located, explained message. Not part of npm test.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(join(root, 'dist-cli', 'kubeplay.mjs'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 100000);
// --seconds S: stop early after S seconds (the counts say how many inputs ran).
const BUDGET_MS = arg('seconds', Infinity) * 1000;
let seed = arg('seed', 1) >>> 0;
const rand = (n) => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed % n;
};
const pick = (list) => list[rand(list.length)];

const scenarioDir = join(root, 'src', 'scenarios');
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(scenarioDir, f), 'utf8'));
const NASTY = [
  '1000000',
  '1e300',
  '-1',
  '99999999999999999999',
  '!!float 80',
  '"\u202ex"',
  '*a',
  '&a [*a]',
  '{',
  '[',
  '|',
  '',
  '~',
  '0x7fffffff',
  '<img src=x onerror=alert(1)>',
];

function mutate(text) {
  const lines = text.split('\n');
  for (let k = 1 + rand(4); k > 0; k--) {
    const i = rand(lines.length);
    const line = lines[i] ?? '';
    switch (rand(7)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2:
        lines[i] = `  ${line}`;
        break;
      case 3:
        lines[i] = line.replace(/\d+/, pick(NASTY));
        break;
      case 4:
        lines[i] = line.replace(/: .*$/, `: ${pick(NASTY)}`);
        break;
      case 5:
        lines[i] = line + pick(['\u202e', '\u0000', '\t', ' #', ':', '- ']);
        break;
      default:
        lines[i] = `${'  '.repeat(rand(40))}${line.trim()}`;
    }
  }
  return lines.join('\n');
}

const COMMANDS = [
  'kubectl scale rc kubia --replicas=N',
  'kubectl create deployment d --image=nginx --replicas=N',
  'kubectl expose rc kubia --name=X --port=N',
  'kubectl label rc kubia x=X',
  'kubectl delete ns X',
  'kubectl get X',
  'curl http://X:N/',
  'curl file:///etc/passwd',
  'echo X; false && echo Y || echo Z',
  'grep -E X',
  'ping -c N X',
  'nslookup X',
  'kubectl run X --image=nginx --port=N',
  'kubectl get pods | grep X',
];
const WORDS = [
  '1000000',
  '1e300',
  '2147483648',
  '0',
  '65536',
  '$(id)',
  '"<img src=x>"',
  '(x|x)*y',
  'kube-system',
  'kubia',
  '\u202e',
  "'",
  '"',
  ';',
  '&&',
  '||',
  '|',
  'a'.repeat(300),
];
const line = () => pick(COMMANDS).replace(/N|X|Y|Z/g, () => pick(WORDS));

const counts = { inputs: 0, rejectedClearly: 0, accepted: 0, crashes: 0, slow: 0, unclear: 0 };
const examples = [];
const LOCATED = /^.+:\d+:\d+ (error|warning|info) /;
const started = performance.now();
for (let n = 0; n < COUNT && performance.now() - started < BUDGET_MS; n++) {
  const scenario = pick(scenarios);
  const check = rand(3) > 0;
  const files = { 'f.yaml': check ? mutate(scenario) : scenario };
  const argv = check ? ['check', 'f.yaml'] : ['run', 'f.yaml', '--', line()];
  let out = '';
  let err = '';
  const io = {
    stdin: (async function* () {})(),
    stdout: { write: (s) => (out += s) },
    stderr: { write: (s) => (err += s) },
    readFile: async (p) => files[p] ?? '',
  };
  const t = performance.now();
  let code;
  try {
    code = await main(argv, io);
  } catch (e) {
    code = 70;
    err += String(e);
  }
  const ms = performance.now() - t;
  counts.inputs++;
  const note = (kind) =>
    examples.length < 10 &&
    examples.push({ kind, argv, input: files['f.yaml'].slice(0, 200), err: (err || out).slice(0, 300) });
  if (code === 70 || /internal error|Maximum call stack|TypeError|RangeError/.test(out + err)) {
    counts.crashes++;
    note('crash');
  } else if (ms > 2000) {
    counts.slow++;
    note('slow');
  } else if (code === 0) counts.accepted++;
  else if (
    check &&
    !out
      .split('\n')
      .filter(Boolean)
      .every((l) => LOCATED.test(l))
  ) {
    counts.unclear++;
    note('unclear');
  } else counts.rejectedClearly++;
  if ((n + 1) % 1000 === 0)
    process.stderr.write(`${n + 1} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s\r`);
}
console.log(JSON.stringify({ ...counts, seconds: Math.round((performance.now() - started) / 1000) }));
for (const e of examples) console.log(JSON.stringify(e));
process.exitCode = counts.crashes + counts.slow + counts.unclear > 0 ? 1 : 0;
