/**
 * The page clock: simulated time passes by itself while something is due. The engine says, with each
 * simulation it sends, when the cluster next changes by itself (nextTimedChange: a new pod's containers have started, a rollout takes
 * its next step, a pod's grace period ends, a down node's pods are evicted); one real-time timer then
 * takes an ordinary `wait` action for the simulated seconds left,
 * through the app's normal action path, so the log, a reload, a share link, an export and the CLI
 * replay the same cluster (docs/architecture.md#page-clock). One simulated second is one real second.
 *
 * A change is due (deadline - clock) real seconds after the page first saw it pending, or sooner when
 * actions and edits (a second each) bring the clock closer: typing after scaling a controller down
 * does not push its pods' end further away. Nothing pending, no timer.
 *
 * A timer can fire long after it was due: a laptop's lid closed, a hidden tab's timers throttled
 * (https://developer.chrome.com/blog/timer-throttling-in-chrome-88). The cluster's time kept going
 * meanwhile, so the wait then covers the whole seconds it fired late as well: a pod deleted just before
 * the lid closed for a minute is gone when it opens, not 29 s later.
 */
import type { ClusterTime } from '../worker/engineApi.ts';

export interface PageClockOptions {
  /** Takes the wait action (the app's `perform`). */
  wait: (seconds: number) => void;
  /** Builds the scenario again as it is (the app's build loop). */
  rebuild: () => void;
  /** Real time in ms (performance.now in the browser). */
  now: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface PageClock {
  /** A new simulation is on screen, at this time (null: none): reschedule for it. */
  update(time: ClusterTime | null): void;
  /**
   * The engine answered with an error, so the cluster on screen is still the one before. If that was
   * the build of the wait this clock took (the Worker stopped by its watchdog while merely busy on a
   * loaded machine, and restarted from the cluster before the wait), nothing would ever reach its
   * deadline and the clock would stay stopped, the deleted pod on screen for good: the build is asked
   * for again, once per deadline (the wait is already in the scenario's actions). One that fails again
   * is left to the next edit or action.
   */
  failed(): void;
  dispose(): void;
}

/** The earliest pending change, and the clock and real time at which the page first saw it pending. */
interface Pending {
  deadline: number;
  seenClock: number;
  seenAt: number;
}

export function createPageClock(options: PageClockOptions): PageClock {
  const { wait, rebuild, now } = options;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let pending: Pending | null = null;
  // The deadline a wait was taken for, until a cluster that reached it is on screen: a reply already
  // on its way from before the wait must not take a second one.
  let waitedFor: number | null = null;
  // The deadline whose wait was built again after an engine error.
  let retriedFor: number | null = null;

  function stop(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  return {
    update(time) {
      stop();
      const deadline = time?.nextChange ?? null;
      if (!time || deadline === null) {
        pending = null;
        return;
      }
      const clock = time.clock;
      if (waitedFor !== null && (clock >= waitedFor || deadline !== waitedFor)) waitedFor = null;
      if (waitedFor !== null) return;
      const at = now();
      // A new deadline, or another cluster (the clock went back): counted from now.
      if (!pending || pending.deadline !== deadline || clock < pending.seenClock)
        pending = { deadline, seenClock: clock, seenAt: at };
      const due = Math.min(
        pending.seenAt + (deadline - pending.seenClock) * 1000,
        at + (deadline - clock) * 1000,
      );
      timer = setTimer(
        () => {
          timer = null;
          waitedFor = deadline;
          const late = Math.max(0, Math.floor((now() - due) / 1000));
          wait(deadline - clock + late);
        },
        Math.max(0, due - at),
      );
    },
    failed() {
      if (waitedFor === null || retriedFor === waitedFor) return;
      retriedFor = waitedFor;
      rebuild();
    },
    dispose() {
      stop();
      pending = null;
      waitedFor = null;
    },
  };
}
