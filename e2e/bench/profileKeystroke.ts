/**
 * Where the keystroke-to-graph time at 1,000 pods goes (a tool, not a figure of `bench:ui`): the bench
 * scenario opened from a link, one `replicas` edit typed as keystrokeAt1000.ts does, recorded as a
 * Chromium trace with the V8 sampling profiler on every thread (page and engine Worker). Prints, per
 * thread, the busy time after the keystroke and the functions with the most self time.
 *
 *     npx vite build --mode e2e --outDir dist-x && KP_BENCH_DIST=dist-x npx tsx e2e/bench/profileKeystroke.ts [paste]
 *
 * KP_BENCH_SAMPLES=0 records the tasks without the V8 sampler (no functions listed, timings as unprofiled).
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForServer } from './waitForServer.ts';
import {
  goToLineEnd,
  lengthenEngineWatchdog,
  openBenchScenario,
  readyToPaste,
  replicasLine,
  startPreview,
  stopPreview,
} from './benchPage.ts';
import {
  appName,
  generateScenario,
  namespaceOf,
  replicasOf,
  BENCH_SIZE,
} from '../../src/bench/generateScenario.ts';
import { BENCH_PODS_DRAWN } from './pasteAt1000.ts';
import { armPodWatch, awaitPodWatch } from './drawnWatch.ts';
import { podsDrawnSince } from './keystrokeAt1000.ts';

const PORT = Number(process.env.KP_BENCH_PORT ?? 4194);
const BASE = `http://127.0.0.1:${PORT}/`;
const DIST = process.env.KP_BENCH_DIST ?? 'dist';
const PASTE = process.argv.includes('paste');
/** Where the trace is written; helpers benching side by side each name their own. */
const TRACE_FILE = process.env.KP_BENCH_TRACE_FILE ?? '/tmp/kp-trace.json';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: { cpuProfile?: CpuProfile; timeDeltas?: number[] } };
}
interface CpuProfile {
  nodes?: {
    id: number;
    parent?: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples?: number[];
}

function summarise(events: TraceEvent[], fromUs: number, toUs: number): void {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // Busy: top-level tasks per thread inside the window.
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')) continue;
    if (e.ts + (e.dur ?? 0) < fromUs || e.ts > toUs) continue;
    const k = `${e.pid}:${e.tid}`;
    busy.set(k, (busy.get(k) ?? 0) + Math.min(e.ts + (e.dur ?? 0), toUs) - Math.max(e.ts, fromUs));
  }
  // Samples: ProfileChunk events carry nodes, samples and time deltas per profile id.
  const profiles = new Map<
    string,
    { key: string; start: number; nodes: Map<number, { name: string; parent?: number }>; t: number }
  >();
  const self = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      const data = e.args?.data as unknown as { startTime: number };
      profiles.set(e.id, {
        key: `${e.pid}:${e.tid}`,
        start: data.startTime,
        nodes: new Map(),
        t: data.startTime,
      });
    }
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(e.id);
    if (!p) continue;
    const cpu = e.args?.data?.cpuProfile;
    for (const n of cpu?.nodes ?? [])
      p.nodes.set(n.id, {
        name: `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`,
        parent: n.parent,
      });
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((id, i) => {
      p.t += deltas[i] ?? 0;
      if (p.t < fromUs || p.t > toUs) return;
      const name = p.nodes.get(id)?.name ?? '?';
      if (name.startsWith('(idle)') || name.startsWith('(program)')) return;
      const table = self.get(p.key) ?? new Map<string, number>();
      table.set(name, (table.get(name) ?? 0) + (deltas[i + 1] ?? 0.1));
      self.set(p.key, table);
    });
  }
  for (const [key, ms] of busy) {
    if (ms < 5000) continue;
    console.log(`\n${threadNames.get(key) ?? key}: busy ${(ms / 1000).toFixed(0)} ms`);
    const table = [...(self.get(key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    for (const [name, us] of table.slice(0, 25))
      console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
}

async function run(page: Page, startTrace: () => Promise<void>): Promise<number> {
  const yaml = generateScenario(BENCH_SIZE);
  if (PASTE) {
    await readyToPaste(page, BASE, yaml);
    await startTrace();
    await armPodWatch(page, BENCH_PODS_DRAWN);
    await page.evaluate("window.__t0 = performance.now(); performance.mark('kp-t0')");
    await page.keyboard.press('Control+V');
    return awaitPodWatch(page);
  }
  await openBenchScenario(page, BASE, yaml);
  await goToLineEnd(page, replicasLine(yaml));
  await page.keyboard.press('Backspace');
  const prefix = `pod/${namespaceOf(0, BENCH_SIZE)}/${appName(0)}-`;
  await page
    .waitForFunction(podsDrawnSince, { prefix, count: replicasOf(0) - 1 }, { polling: 'raf' })
    .catch(() => 0);
  await startTrace();
  await page.waitForTimeout(1500);
  await armPodWatch(page, { prefix, count: replicasOf(0), liveOnly: true, timeoutMs: 30_000 });
  await page.evaluate("window.__t0 = performance.now(); performance.mark('kp-t0')");
  await page.keyboard.press(String(replicasOf(0)));
  return awaitPodWatch(page);
}

const server = startPreview(PORT, DIST);
try {
  await waitForServer(BASE);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await lengthenEngineWatchdog(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[kp]')) console.log(m.text());
  });
  // Tracing the whole run costs memory and time; the window of interest is the last few seconds.
  const ms = await run(page, () =>
    browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        // KP_BENCH_SAMPLES=0: tasks and their timings only, without the sampler's overhead (a
        // stage's time as the bench sees it;
        // docs/performance.md, "Where the paste's second stands (6 December 2026, afternoon)").
        ...(process.env.KP_BENCH_SAMPLES === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
        '__metadata',
        'blink.user_timing',
      ],
    }),
  );
  const buffer = await browser.stopTracing();
  writeFileSync(TRACE_FILE, buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const t0 = events.filter((e) => e.name === 'kp-t0').at(-1)?.ts ?? 0;
  console.log(`${PASTE ? 'paste' : 'keystroke'} to graph: ${ms.toFixed(0)} ms`);
  summarise(events, t0, t0 + ms * 1000);
  await browser.close();
} finally {
  stopPreview(server);
}
