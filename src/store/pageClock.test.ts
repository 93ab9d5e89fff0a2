/**
 * The page clock (pageClock.ts) on hand-driven time: no timer when nothing is due; a wait for the
 * seconds left when the real seconds have passed; typing (edits that move the clock a second each) does
 * not push the change further away; a reply from before the wait does not take a second one. And the
 * log: a wait right after a wait adds to it (scenarioStore.ts appendAction).
 */
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../engine/index.ts';
import { createSimulation, runCommand, createShellSession, nextTimedChange } from '../engine/index.ts';
import type { ClusterTime } from '../worker/engineApi.ts';
import type { Simulation } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createPageClock } from './pageClock.ts';
import { appendAction, createScenarioStore } from './scenarioStore.ts';

interface FakeTimers {
  now: number;
  timers: { at: number; run: () => void; id: number }[];
  waits: number[];
  rebuilds: number;
}

function harness() {
  const t: FakeTimers = { now: 0, timers: [], waits: [], rebuilds: 0 };
  let next = 1;
  const clock = createPageClock({
    now: () => t.now,
    wait: (seconds) => t.waits.push(seconds),
    rebuild: () => {
      t.rebuilds += 1;
    },
    setTimer: (run, ms) => {
      const id = next++;
      t.timers.push({ at: t.now + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      t.timers = t.timers.filter((timer) => timer.id !== id);
    },
  });
  /** Real time passes; timers due by then fire in order. */
  const pass = (ms: number) => {
    const end = t.now + ms;
    for (;;) {
      const due = t.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      t.timers = t.timers.filter((timer) => timer !== due);
      t.now = due.at;
      due.run();
    }
    t.now = end;
  };
  /** Real time jumps (a lid closed): each timer due by then fires once, at the end (Playwright's fastForward). */
  const jump = (ms: number) => {
    t.now += ms;
    const due = t.timers.filter((timer) => timer.at <= t.now);
    t.timers = t.timers.filter((timer) => timer.at > t.now);
    for (const timer of due) timer.run();
  };
  return { t, clock, pass, jump };
}

const kubia = createSimulation({ files: [{ file: 'm.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }], seed: 1 });

function command(sim: Simulation, line: string): Simulation {
  return runCommand(sim, createShellSession(), line).sim;
}

const victim = kubia.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')!.metadata.name;
// The replacement pod is Ready a second after the deletion (its containers start); from then on only
// the deleted pod's grace period, 29 s away, is due.
const deleted = command(command(kubia, `kubectl delete pod ${victim} --wait=false`), 'kubeplay wait 1');

/** What the engine sends with a simulation for the page clock (worker/engineHost.ts). */
function timeOf(state: ClusterState): ClusterTime {
  return { clock: state.clock, nextChange: nextTimedChange(state) ?? null };
}

/** The same cluster with the clock moved on (what an edit does). */
function later(state: ClusterState, seconds: number): ClusterState {
  return { ...state, clock: state.clock + seconds };
}

describe('the page clock', () => {
  it('sets no timer while nothing is due', () => {
    const { t, clock } = harness();
    clock.update(timeOf(kubia.state));
    clock.update(null);
    expect(t.timers).toEqual([]);
  });

  it('takes a wait of the seconds left once as many real seconds have passed', () => {
    const { t, clock, pass } = harness();
    clock.update(timeOf(deleted.state));
    pass(28_999);
    expect(t.waits).toEqual([]);
    pass(1);
    expect(t.waits).toEqual([29]);
    // the wait's cluster: the pod is gone and nothing else is due
    clock.update(timeOf(command(deleted, 'kubeplay wait 29').state));
    expect(t.timers).toEqual([]);
  });

  it('is not pushed back by edits (a second each) while the change is pending', () => {
    const { t, clock, pass } = harness();
    clock.update(timeOf(deleted.state));
    for (let i = 1; i <= 10; i++) {
      pass(2_000);
      clock.update(timeOf(later(deleted.state, i)));
    }
    pass(10_000);
    expect(t.waits).toEqual([19]);
  });

  it('comes sooner when actions bring the clock closer faster than real time', () => {
    const { t, clock, pass } = harness();
    clock.update(timeOf(deleted.state));
    pass(1_000);
    clock.update(timeOf(later(deleted.state, 25)));
    pass(3_999);
    expect(t.waits).toEqual([]);
    pass(1);
    expect(t.waits).toEqual([4]);
  });

  it('takes one wait even when a reply from before it arrives afterwards', () => {
    const { t, clock, pass } = harness();
    clock.update(timeOf(deleted.state));
    pass(29_000);
    clock.update(timeOf(later(deleted.state, 1)));
    pass(60_000);
    expect(t.waits).toEqual([29]);
  });

  it("builds again, once, when the engine fails the wait's build; not for an error before any wait", () => {
    const { t, clock, pass } = harness();
    clock.update(timeOf(deleted.state));
    clock.failed();
    expect(t.rebuilds).toBe(0);
    pass(29_000);
    expect(t.waits).toEqual([29]);
    // The Worker was stopped while building the wait and restarted from the cluster before it.
    clock.failed();
    expect(t.rebuilds).toBe(1);
    // It failed again: left to the next edit, no loop of rebuilds and no second wait.
    clock.failed();
    pass(60_000);
    expect(t.rebuilds).toBe(1);
    expect(t.waits).toEqual([29]);
    // The rebuild reached the deadline: the pod is gone and nothing is due.
    clock.update(timeOf(command(deleted, 'kubeplay wait 29').state));
    expect(t.timers).toEqual([]);
  });

  it('catches up with the real time that passed when its timer fires late (a lid closed)', () => {
    const { t, clock, jump } = harness();
    // Just deleted: the replacement's containers start in a second, the grace period ends in 30.
    const justDeleted = command(kubia, `kubectl delete pod ${victim} --wait=false`);
    clock.update(timeOf(justDeleted.state));
    jump(31_400);
    expect(t.waits).toEqual([31]);
    // the whole 31 s were waited: the deleted pod is gone with its grace period, and nothing is due
    const after = command(justDeleted, 'kubeplay wait 31');
    expect(after.state.pods.some((p) => p.metadata.name === victim)).toBe(false);
    clock.update(timeOf(after.state));
    expect(t.timers).toEqual([]);
  });

  it('counts a change first seen on another cluster from when it is seen', () => {
    const { t, clock, pass } = harness();
    clock.update(timeOf(kubia.state));
    pass(100_000);
    clock.update(timeOf(deleted.state));
    pass(28_000);
    expect(t.waits).toEqual([]);
    clock.dispose();
    pass(10_000);
    expect(t.waits).toEqual([]);
  });
});

describe('the action log', () => {
  it('adds a wait right after a wait to it, and keeps other actions apart', () => {
    const store = createScenarioStore({ scenarioId: 'kubia', yaml: '', seed: 1, actions: [] });
    appendAction(store, { type: 'wait', seconds: 30 });
    appendAction(store, { type: 'wait', seconds: 5 });
    appendAction(store, { type: 'client', name: 'laptop2' });
    appendAction(store, { type: 'wait', seconds: 2 });
    expect(store.getState().actions).toEqual([
      { type: 'wait', seconds: 35 },
      { type: 'client', name: 'laptop2' },
      { type: 'wait', seconds: 2 },
    ]);
  });
});
