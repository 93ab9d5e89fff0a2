// Lists the end-to-end tests by the CPU seconds each used, read from a JSON report written with
// KP_E2E_CPU=1 (docs/testing.md, "Where the time goes"): `node scripts/e2e-cpu.mjs [report.json]`.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/e2e-results.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const rows = [];
const visit = (suite) => {
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests ?? [])
      for (const result of test.results ?? []) {
        const cpu =
          result.annotations?.find((a) => a.type === 'cpu-seconds') ??
          test.annotations?.find((a) => a.type === 'cpu-seconds');
        if (cpu)
          rows.push({
            cpu: Number(cpu.description),
            wall: result.duration / 1000,
            where: `${spec.file}:${spec.line}`,
            title: spec.title,
          });
      }
  for (const child of suite.suites ?? []) visit(child);
};
for (const suite of report.suites ?? []) visit(suite);
if (rows.length === 0) {
  console.log(`${file}: no cpu-seconds annotations (run the tests with KP_E2E_CPU=1)`);
  process.exit(1);
}
rows.sort((a, b) => b.cpu - a.cpu);
const total = rows.reduce((sum, r) => sum + r.cpu, 0);
for (const r of rows)
  console.log(
    `${r.cpu.toFixed(1).padStart(6)} CPU-s ${r.wall.toFixed(1).padStart(6)} s  ${r.where}  ${r.title.slice(0, 90)}`,
  );
console.log(
  `${rows.length} tests, ${total.toFixed(0)} CPU-s in the tests (worker and browser; the server and startup are not counted)`,
);
