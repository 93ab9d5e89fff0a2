/**
 * The watchdog's clock: one timer, for the request the Worker is working on now. It knows nothing of
 * Workers or replies; engineClient.ts says which request heads the queue and what to do when its time
 * is up. Kept apart so the budgets (one warm, four cold) have one place and one reason each.
 */

/** setTimeout and clearTimeout, injectable so the watchdog is tested without waiting. */
export interface WatchdogTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Three seconds: the largest bundled scenario simulates in well under a second on a slow laptop, and a
 * person waits about that long before thinking the page is stuck.
 */
export const DEFAULT_BUDGET_MS = 3000;

/**
 * The first request a Worker runs gets four budgets: its engine code is not yet compiled, and on a page
 * load (a link) the page starts up beside it and competes for the same cores. A 5,000-pod link, the
 * playground's limit (half a second of CPU in all), was stopped as a hang on a busy 2-core machine
 * (`npm run bench:ui`, load average 25) while the same scenario typed in later ran. A Worker that really
 * hangs on its first request is still stopped, after 12 s instead of 3 s; the page answers meanwhile.
 */
export const COLD_START_BUDGETS = 4;

/**
 * A long text gets a budget per this many characters: reading it is most of a build, and a busy
 * machine slows that down in proportion. The course's files (5,000 to 10,000 characters) keep one
 * budget; the 1,000-pod scenario (about 170,000) gets three. With one, a paste of that scenario on a
 * 2-core machine at load average 9 was stopped as a hang and the person's paste never showed
 * (docs/performance.md, "Drawn fitted, read while pasted (paste7)"). A real hang on a long text is still
 * stopped, seconds later; the page answers meanwhile, the engine being in its own thread.
 */
export const CHARS_PER_BUDGET = 60_000;

/** How many budgets a request that hands the engine `chars` characters of text gets: whole ones. */
export function budgetsForText(chars: number): number {
  return Math.max(1, Math.ceil(chars / CHARS_PER_BUDGET));
}

export const browserTimers: WatchdogTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RequestWatchdog {
  /**
   * Times request `id`, the one the Worker is on now (`cold`: its first). A request already being timed
   * keeps its start: a reply to another one does not give it more time. `null` (nothing is waiting) stops.
   * `budgets`: how many budgets the request's own size gives it (budgetsForText), before the cold start's.
   */
  watch(id: number | null, cold: boolean, budgets?: number): void;
  stop(): void;
  /** The budget request `id` was given, and the clock stopped: what the late reply names. */
  expire(id: number): number;
}

export function createRequestWatchdog(
  timers: WatchdogTimers,
  budgetMs: number,
  onLate: (id: number) => void,
): RequestWatchdog {
  let running: { id: number; handle: unknown; budget: number } | null = null;
  const stop = () => {
    if (running) timers.clear(running.handle);
    running = null;
  };
  return {
    watch(id, cold, budgets = 1) {
      if (id === null) return stop();
      if (running?.id === id) return;
      stop();
      const budget = budgets * (cold ? COLD_START_BUDGETS * budgetMs : budgetMs);
      running = { id, handle: timers.set(() => onLate(id), budget), budget };
    },
    stop,
    expire(id) {
      const budget = running?.id === id ? running.budget : budgetMs;
      stop();
      return budget;
    },
  };
}
