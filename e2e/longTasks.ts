/**
 * The main thread's long tasks, as the browser itself reports them (PerformanceObserver `longtask`:
 * every task over 50 ms, https://w3c.github.io/longtasks/). While a task runs the page cannot answer a
 * click or a key, so the longest one is how long the page was frozen. Measured by the page, not by the
 * test's clock, so a slow test runner does not move the figure. Used by e2e/hostile-link.spec.ts and
 * `npm run bench:ui` (e2e/bench/hostileLinks.ts).
 */
import type { Page } from '@playwright/test';

export interface LongTasks {
  /** The longest task (ms), 0 when none went over 50 ms. */
  longest: number;
  count: number;
  /** Their summed length (ms). */
  total: number;
}

/** Call before `page.goto`: the observer is in place before the app's first script runs. */
export async function recordLongTasks(page: Page): Promise<void> {
  // A string, not a function: tsx (bench:ui) adds helpers to functions that do not exist in the page.
  await page.addInitScript(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  })()`);
}

/** The page's clock (ms since navigation started). */
export async function pageNow(page: Page): Promise<number> {
  return (await page.evaluate('performance.now()')) as number;
}

/** Long tasks that ended after `since` (page time, ms). */
export async function longTasksSince(page: Page, since = 0): Promise<LongTasks> {
  const tasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  const durations = tasks.filter((t) => t.start + t.duration > since).map((t) => t.duration);
  return {
    longest: Math.round(Math.max(0, ...durations)),
    count: durations.length,
    total: Math.round(durations.reduce((a, b) => a + b, 0)),
  };
}
