/**
 * The loop that sends the scenario to the engine: one build at a time of the latest text, after the
 * typing debounce, at once for an action or a paste, and again for a held edit once typing pauses. It
 * knows when a build is pending (for the autosave and the YAML links) and what the next one builds on
 * (the cluster on screen, or nothing after a new scenario or link). What a build's answer does to the
 * page is the app's (`apply`).
 */
import type { EngineClient, SimulateReply } from '../worker/engineApi.ts';
import type { AllocationMemory } from './allocationMemory.ts';
import type { ScenarioState, ScenarioStore } from './scenarioStore.ts';

/** What a build was made from: the scenario's text, seed and action log. */
export type BuiltFrom = Pick<ScenarioState, 'yaml' | 'seed' | 'actions'>;

export interface BuildLoopOptions {
  engine: EngineClient;
  scenario: ScenarioStore;
  allocations: AllocationMemory;
  /** The file the editor's text is sent as. */
  file: string;
  /** The engine answered the latest build (`edit`: it was built on the cluster before it). */
  apply(reply: SimulateReply, input: BuiltFrom, edit: boolean): void;
  /** When a held edit is sent again (ms from now): once typing has paused. */
  heldRetryDelay(): number;
}

export interface BuildLoop {
  /** Builds after `delay` ms, replacing a build already waiting; `hold`: the user may still be typing. */
  schedule(delay: number, hold?: boolean): void;
  /** Builds within this task (a paste: nothing held, no timer behind the editor's drawing). */
  runNow(): void;
  /** Runs a waiting build now, and resolves once the latest build is applied. */
  flush(hold?: boolean): Promise<void>;
  /** Resolves once the build in flight, if any, is applied. */
  settled(): Promise<void>;
  /** A build is waiting or in flight. */
  busy(): boolean;
  /** The next build starts from scratch (another scenario, a link), not from the cluster on screen. */
  startOver(): void;
  dispose(): void;
}

export function createBuildLoop(options: BuildLoopOptions): BuildLoop {
  const { engine, scenario, allocations } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  // Builds started and not yet answered (a build is also pending while `timer` waits).
  let inFlight = 0;
  // Whether the next build may build on the latest cluster (an edit) or must start over (a load, a link).
  let nextIsEdit = false;

  async function build(hold: boolean): Promise<void> {
    const { yaml, seed, actions } = scenario.getState();
    const edit = nextIsEdit;
    nextIsEdit = true;
    const restore = allocations.takeRestore();
    const reply = await engine.simulate(
      {
        files: [{ file: options.file, text: yaml }],
        seed,
        actions,
        ...(restore && !edit ? { allocations: restore } : {}),
      },
      { edit, holdRemovals: edit && hold },
    );
    if (!reply) return; // superseded by a later edit
    options.apply(reply, { yaml, seed, actions }, edit);
    // The cluster on screen stays (with any action just taken); the text is sent again once the typing
    // pauses, unless another keystroke comes first and schedules its own build.
    if (reply.sim?.held) schedule(options.heldRetryDelay());
  }

  async function run(hold = false): Promise<void> {
    inFlight += 1;
    try {
      await build(hold);
    } finally {
      inFlight -= 1;
    }
  }

  function cancelTimer(): boolean {
    if (timer === null) return false;
    clearTimeout(timer);
    timer = null;
    return true;
  }

  function schedule(delay: number, hold = false): void {
    cancelTimer();
    timer = setTimeout(() => {
      timer = null;
      running = run(hold);
    }, delay);
  }

  running = run();
  return {
    schedule,
    runNow() {
      cancelTimer();
      running = run(false);
    },
    async flush(hold = false) {
      if (cancelTimer()) running = run(hold);
      await running;
    },
    settled: () => running,
    busy: () => timer !== null || inFlight > 0,
    startOver() {
      nextIsEdit = false;
    },
    dispose() {
      cancelTimer();
    },
  };
}
