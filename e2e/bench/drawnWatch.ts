/**
 * Waiting for the graph to draw pods without adding work to the page while it draws them. Polling the
 * DOM on every animation frame (`waitForFunction(..., { polling: 'raf' })`) ran a selector over the
 * 1,500 graph nodes about sixty times a second, on the very main thread whose time is measured: about
 * 100 ms of the page's sampled CPU in one traced keystroke at 1,000 pods (docs/performance.md). Here a
 * MutationObserver looks only when the graph's DOM changed (a commit), and the time is read in the
 * animation frame after the commit that drew the pods — the frame that paints them, as the polling did.
 *
 * Arm before the keystroke (`armPodWatch`), set `window.__t0`, type, then `awaitPodWatch`.
 */
import type { Page } from '@playwright/test';

export interface PodWatch {
  /** Graph ids of the pods counted start with this (`pod/team-0/app-0-`). */
  prefix: string;
  count: number;
  /** Met at `count` or more (the paste); otherwise exactly `count`. */
  atLeast?: boolean;
  /** Pods on their way out (terminating, still drawn for their grace period) are not counted. */
  liveOnly?: boolean;
  timeoutMs: number;
}

interface WatchWindow {
  __t0: number;
  __kpDrawn?: Promise<number>;
}

/**
 * Runs in the page: from now on, resolves `window.__kpDrawn` with the ms since `window.__t0` once the
 * pods are drawn. A function, not a string: the page's CSP allows no 'unsafe-eval' for string scripts.
 */
export function armPodWatchInPage(watch: PodWatch): void {
  // No named inner functions: tsx wraps them in a helper (`__name`) the page does not have.
  const w = window as unknown as WatchWindow;
  const selector =
    `.react-flow__node-pod [data-graph-id^="${watch.prefix}"]` +
    (watch.liveOnly ? ':not([data-terminating="true"])' : '');
  w.__kpDrawn = new Promise<number>((resolve, reject) => {
    const root = document.querySelector('.kp-graph') ?? document.body;
    const observer = new MutationObserver(() => {
      const n = document.querySelectorAll(selector).length;
      if (watch.atLeast ? n < watch.count : n !== watch.count) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - w.__t0));
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`pods ${watch.prefix}* not drawn (${watch.count}) within ${watch.timeoutMs} ms`));
    }, watch.timeoutMs);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-terminating', 'data-graph-id'],
    });
  });
}

export async function armPodWatch(page: Page, watch: PodWatch): Promise<void> {
  await page.evaluate(armPodWatchInPage, watch);
}

/** Ms from `window.__t0` to the frame that drew the watched pods. */
export async function awaitPodWatch(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as WatchWindow).__kpDrawn ?? Promise.resolve(-1));
}
