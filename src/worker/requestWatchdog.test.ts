import { describe, expect, it } from 'vitest';
import {
  budgetsForText,
  CHARS_PER_BUDGET,
  COLD_START_BUDGETS,
  createRequestWatchdog,
} from './requestWatchdog.ts';
import type { WatchdogTimers } from './requestWatchdog.ts';

function recordingTimers() {
  const set: { ms: number; run: () => void; cleared: boolean }[] = [];
  const timers: WatchdogTimers = {
    set(run, ms) {
      set.push({ ms, run, cleared: false });
      return set.length - 1;
    },
    clear(handle) {
      const timer = set[handle as number];
      if (timer) timer.cleared = true;
    },
  };
  return { timers, set };
}

describe('request watchdog', () => {
  it("gives a Worker's first request four budgets and the next ones one", () => {
    const { timers, set } = recordingTimers();
    const watchdog = createRequestWatchdog(timers, 100, () => {});
    watchdog.watch(1, true);
    watchdog.watch(2, false);
    expect(set.map((t) => t.ms)).toEqual([COLD_START_BUDGETS * 100, 100]);
    expect(set[0]?.cleared).toBe(true);
  });

  it('keeps timing a request from its start when asked again for the same one', () => {
    const { timers, set } = recordingTimers();
    const watchdog = createRequestWatchdog(timers, 100, () => {});
    watchdog.watch(7, false);
    watchdog.watch(7, false);
    expect(set).toHaveLength(1);
    expect(set[0]?.cleared).toBe(false);
  });

  it('calls the late handler with the id it timed, and says the budget it had', () => {
    const { timers, set } = recordingTimers();
    const late: number[] = [];
    const watchdog = createRequestWatchdog(timers, 100, (id) => late.push(id));
    watchdog.watch(3, true);
    set[0]?.run();
    expect(late).toEqual([3]);
    expect(watchdog.expire(3)).toBe(COLD_START_BUDGETS * 100);
    // A request it was not timing (a Worker that crashed before its budget started) had the warm one.
    expect(watchdog.expire(4)).toBe(100);
  });

  it('stops when nothing waits', () => {
    const { timers, set } = recordingTimers();
    const watchdog = createRequestWatchdog(timers, 100, () => {});
    watchdog.watch(1, false);
    watchdog.watch(null, false);
    expect(set[0]?.cleared).toBe(true);
  });
});

describe('budgets for long texts', () => {
  it('gives one budget up to 60,000 characters and one more per 60,000 started', () => {
    expect([0, 8_000, CHARS_PER_BUDGET].map(budgetsForText)).toEqual([1, 1, 1]);
    expect([CHARS_PER_BUDGET + 1, 170_000, 3 * CHARS_PER_BUDGET + 1].map(budgetsForText)).toEqual([2, 3, 4]);
  });

  it('multiplies the warm and the cold budget alike, and names the budget it gave', () => {
    const { timers, set } = recordingTimers();
    const watchdog = createRequestWatchdog(timers, 100, () => {});
    watchdog.watch(1, true, 3);
    watchdog.watch(2, false, 3);
    expect(set.map((t) => t.ms)).toEqual([COLD_START_BUDGETS * 300, 300]);
    expect(watchdog.expire(2)).toBe(300);
  });
});
