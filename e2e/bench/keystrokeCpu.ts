/**
 * CPU time of one keystroke at 1,000 pods (a tool, not a figure of `bench:ui`): the bench scenario
 * opened from a link, app-0's `replicas` typed as keystrokeAt1000.ts does, and for each edit the CPU
 * time Chromium's processes (page, engine and editor Workers, GPU, browser) spent from the keystroke
 * until the graph drew it, and until 6 s later (what the keystroke costs in all, deferred work
 * included). CPU time, from /proc (Linux), is what a machine shared with other jobs does not inflate:
 * the wall time of the same edit there is mostly waiting for a core. With `paste`: the 1,000-pod
 * scenario pasted over the first one (as pasteAt1000.ts), three fresh pages.
 *
 *     npx vite build --mode e2e --outDir dist-x && KP_BENCH_DIST=dist-x npx tsx e2e/bench/keystrokeCpu.ts [paste]
 */
import { readdirSync, readFileSync } from 'node:fs';
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
import { podsDrawnSince } from './keystrokeAt1000.ts';
import { BENCH_PODS_DRAWN } from './pasteAt1000.ts';
import { armPodWatch, awaitPodWatch } from './drawnWatch.ts';
import { median } from '../../src/bench/measure.ts';

const PORT = Number(process.env.KP_BENCH_PORT ?? 4194);
const BASE = `http://127.0.0.1:${PORT}/`;
const DIST = process.env.KP_BENCH_DIST ?? 'dist';
const EDITS = Number(process.env.KP_BENCH_EDITS ?? 6);
// Long enough for what a keystroke defers (the autosave after 600 ms, a big file's schema check after
// 2 s) to finish before the next one is measured.
const SETTLE_MS = Number(process.env.KP_BENCH_SETTLE_MS ?? 6000);
const TICK_MS = 1000 / 100; // USER_HZ: /proc counts CPU time in 1/100 s
const PASTE = process.argv.includes('paste');

/** Parent pid and CPU ticks (user + system) of every process. */
function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // the command name (field 2) may hold spaces: the fields after it start past the last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

/** CPU ms so far of `root`'s descendants (Chromium and its helpers), without the `skip` subtree. */
function chromiumCpuMs(root: number, skip: number | undefined): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child === skip) continue;
      ticks += table.get(child)?.ticks ?? 0;
      visit(child);
    }
  };
  visit(root);
  return ticks * TICK_MS;
}

async function openAtReplicas(page: Page, yaml: string): Promise<void> {
  await openBenchScenario(page, BASE, yaml);
  await goToLineEnd(page, replicasLine(yaml));
  await page.waitForTimeout(SETTLE_MS);
}

const server = startPreview(PORT, DIST);
try {
  await waitForServer(BASE);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await lengthenEngineWatchdog(context);
  const show = (values: number[]) =>
    `median ${median(values).toFixed(0)} ms [${values.map((v) => v.toFixed(0)).join(', ')}]`;
  const yaml = generateScenario(BENCH_SIZE);
  if (PASTE) {
    const toDrawn: number[] = [];
    const inAll: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A context of its own per page: in a shared one the next page opened on the pasted scenario
      // the last one saved, and the paste changed nothing for the pod watch to see.
      const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await lengthenEngineWatchdog(fresh);
      await fresh.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
      const page = await fresh.newPage();
      await readyToPaste(page, BASE, yaml);
      await page.waitForTimeout(SETTLE_MS);
      await armPodWatch(page, { ...BENCH_PODS_DRAWN, timeoutMs: 600_000 });
      await page.evaluate('window.__t0 = performance.now()');
      const before = chromiumCpuMs(process.pid, server.pid);
      await page.keyboard.press('Control+V');
      await awaitPodWatch(page);
      toDrawn.push(chromiumCpuMs(process.pid, server.pid) - before);
      await page.waitForTimeout(SETTLE_MS);
      inAll.push(chromiumCpuMs(process.pid, server.pid) - before);
      await fresh.close();
    }
    console.log(`paste of the 1,000-pod scenario, Chromium CPU until drawn: ${show(toDrawn)}`);
    console.log(
      `paste of the 1,000-pod scenario, Chromium CPU until ${SETTLE_MS / 1000} s after: ${show(inAll)}`,
    );
  } else {
    const page = await context.newPage();
    await openAtReplicas(page, yaml);
    const prefix = `pod/${namespaceOf(0, BENCH_SIZE)}/${appName(0)}-`;
    const toDrawn: number[] = [];
    const inAll: number[] = [];
    const wall: number[] = [];
    // Only edits that add a pod are measured (3 -> 4): one that removes a pod is held until typing
    // pauses (docs/editing.md), so each is undone unmeasured (4 -> 3) before the next.
    const up = replicasOf(0) + 1;
    for (let i = 0; i < EDITS; i++) {
      if (i > 0) {
        await page.keyboard.press('Backspace');
        await page.keyboard.press(String(up - 1));
        await page.waitForFunction(
          podsDrawnSince,
          { prefix, count: up - 1 },
          { polling: 'raf', timeout: 60_000 },
        );
        await page.waitForTimeout(SETTLE_MS);
      }
      await page.keyboard.press('Backspace');
      await armPodWatch(page, { prefix, count: up, liveOnly: true, timeoutMs: 60_000 });
      await page.evaluate('window.__t0 = performance.now()');
      const before = chromiumCpuMs(process.pid, server.pid);
      await page.keyboard.press(String(up));
      const ms = await awaitPodWatch(page);
      const drawn = chromiumCpuMs(process.pid, server.pid);
      await page.waitForTimeout(SETTLE_MS);
      const settled = chromiumCpuMs(process.pid, server.pid);
      wall.push(ms);
      toDrawn.push(drawn - before);
      inAll.push(settled - before);
    }
    console.log(`keystroke at 1,000 pods, Chromium CPU until the graph drew it: ${show(toDrawn)}`);
    console.log(
      `keystroke at 1,000 pods, Chromium CPU in the ${SETTLE_MS / 1000} s after it: ${show(inAll)}`,
    );
    console.log(`keystroke at 1,000 pods, wall time until drawn (load-dependent): ${show(wall)}`);
  }
  await browser.close();
} finally {
  stopPreview(server);
}
