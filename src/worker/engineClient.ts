/**
 * The EngineClient over a Web Worker. Every simulate call carries a generation; a reply to an older
 * generation resolves with null, so only the latest edit's cluster reaches the store. Route calls are
 * answered in order because the worker handles messages one at a time.
 *
 * A watchdog guards the page against input that makes the engine run for ever (a huge replica count in a
 * link, say): the request the Worker is busy with has a time budget; past it the Worker is terminated
 * (the only way to stop a running script) and a new one started, rebuilt from the last input that
 * finished, so the cluster on screen stays usable. The late request is answered with a message naming
 * the input (hangReport.ts) and the requests queued behind it are sent again to the new Worker.
 */
import type { Completion, ScenarioExport, SimulationInput } from '../engine/index.ts';
import { createGenerationCounter } from './generation.ts';
import type {
  CommandReply,
  EngineClient,
  InspectFacts,
  EngineReplyMessage,
  EngineRequestMessage,
  EngineWorkerMessage,
  RouteReply,
  SimulateReply,
} from './engineApi.ts';
import { describeHang } from './hangReport.ts';
import { decodeDelta } from './structuralDelta.ts';
import type { Simulation } from '../engine/index.ts';

type AnyReply = EngineReplyMessage['reply'];
type Pending = { resolve: (reply: AnyReply) => void };

/** The part of a Worker the client uses, so tests can pass a fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<EngineWorkerMessage>) => void) | null;
  onerror: ((event?: unknown) => void) | null;
  postMessage(message: EngineRequestMessage): void;
  terminate(): void;
}

/** setTimeout and clearTimeout, injectable so the watchdog is tested without waiting. */
export interface WatchdogTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface WorkerEngineOptions {
  /** The in-thread engine, for a browser whose Worker script cannot load. */
  fallback?: () => EngineClient;
  /** How long one request may run in the Worker (ms). */
  budgetMs?: number;
  timers?: WatchdogTimers;
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

const browserTimers: WatchdogTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createWorkerEngine(spawn: () => WorkerLike, options: WorkerEngineOptions = {}): EngineClient {
  const { fallback } = options;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const timers = options.timers ?? browserTimers;
  const generations = createGenerationCounter();
  const pending = new Map<number, Pending>();
  // Requests sent and not yet answered, oldest first: the Worker works on the first one.
  const messages = new Map<number, EngineRequestMessage>();
  let nextId = 1;
  let worker: WorkerLike;
  // The Worker has loaded its script: from then on the first request's time counts against the budget.
  let ready = false;
  // Whether the Worker has answered a request yet (the first one has COLD_START_BUDGETS budgets).
  let warm = false;
  let watchdog: { id: number; handle: unknown; budget: number } | null = null;
  // The last input the engine finished, to rebuild a restarted Worker and to compare a late input with.
  let lastGood: SimulationInput | null = null;
  // The simulation the Worker sent last, which its next one is a delta against (structuralDelta.ts).
  let lastReceived: Simulation | undefined;

  // A Worker whose script cannot load fails asynchronously (an `error` event, no exception): from then
  // on every call, including those already waiting, goes to the in-thread engine.
  let backup: EngineClient | null = null;
  const replay = (message: EngineRequestMessage, engine: EngineClient): Promise<AnyReply> => {
    switch (message.op) {
      case 'simulate': {
        const options = { edit: message.edit === true, holdRemovals: message.holdRemovals === true };
        return engine.simulate(message.input, options).then((reply) => ({
          ...(reply ?? { sim: null, graph: null, time: null, error: 'superseded' }),
          generation: message.generation,
        }));
      }
      case 'route':
        return engine.route(message.requests);
      case 'inspect':
        return engine.inspect(message.target);
      case 'exportFiles':
        return engine.exportFiles(message.input);
      case 'unresolvedHost':
        return engine.unresolvedHost(message.from, message.url);
      case 'runCommand':
        return engine.runCommand(message.line, message.session);
      case 'complete':
        return engine.complete(message.line, message.cursor, message.session);
    }
  };

  function stopWatchdog(): void {
    if (watchdog) timers.clear(watchdog.handle);
    watchdog = null;
  }

  /** The budget runs for the request the Worker is on now: the oldest unanswered one. */
  function armWatchdog(): void {
    if (!ready || backup) return;
    const head = messages.keys().next();
    if (head.done) {
      stopWatchdog();
      return;
    }
    if (watchdog?.id === head.value) return;
    stopWatchdog();
    const id = head.value;
    const budget = warm ? budgetMs : COLD_START_BUDGETS * budgetMs;
    watchdog = { id, handle: timers.set(() => onLate(id), budget), budget };
  }

  function start(): void {
    ready = false;
    warm = false;
    lastReceived = undefined;
    worker = spawn();
    worker.onerror = onWorkerError;
    worker.onmessage = onWorkerMessage;
  }

  function onWorkerError(): void {
    // A Worker that had loaded and then failed (out of memory on a huge input) is restarted like a late
    // one; only a script that never loaded sends everything to the in-thread engine.
    if (ready) {
      const head = messages.keys().next();
      if (!head.done) onLate(head.value, true);
      return;
    }
    if (backup || !fallback) return;
    backup = fallback();
    stopWatchdog();
    worker.terminate();
    for (const [id, message] of messages) {
      const entry = pending.get(id);
      pending.delete(id);
      messages.delete(id);
      if (entry) void replay(message, backup).then(entry.resolve);
    }
  }

  function onWorkerMessage(event: MessageEvent<EngineWorkerMessage>): void {
    const data = event.data;
    if (data.op === 'ready') {
      ready = true;
      armWatchdog();
      return;
    }
    const sent = messages.get(data.id);
    if (data.op === 'simulate' && data.simDelta) {
      // Decoded whatever happens to the reply (even superseded): the Worker's next delta builds on it.
      lastReceived = decodeDelta(data.simDelta, lastReceived) as Simulation;
      const files = data.filesFromInput && sent?.op === 'simulate' ? sent.input.files : undefined;
      data.reply.sim = files ? { ...lastReceived, files } : lastReceived;
    }
    messages.delete(data.id);
    warm = true;
    // A held edit left the cluster as it was: that input is not the one to rebuild from.
    if (sent?.op === 'simulate' && data.op === 'simulate' && data.reply.sim && !data.reply.sim.held)
      lastGood = sent.input;
    const entry = pending.get(data.id);
    pending.delete(data.id);
    armWatchdog();
    entry?.resolve(data.reply);
  }

  /** Past the budget: stop the Worker, start another from the last good input, answer the late request. */
  function onLate(id: number, crashed = false): void {
    const budget = watchdog?.id === id ? watchdog.budget : budgetMs;
    watchdog = null;
    const late = messages.get(id);
    if (!late) return;
    messages.delete(id);
    const entry = pending.get(id);
    pending.delete(id);
    const queued = [...messages.values()];
    messages.clear();
    worker.terminate();
    start();
    if (lastGood) post({ op: 'simulate', id: nextId++, generation: 0, input: lastGood, edit: false });
    for (const message of queued) post(message);
    const hang = describeHang({
      input: late.op === 'simulate' ? late.input : (lastGood ?? { files: [] }),
      lastGood: late.op === 'simulate' ? lastGood : null,
      budgetMs: budget,
      crashed,
    });
    if (!entry) return;
    void lateReply(late, hang).then(entry.resolve);
  }

  /** What a request that ran out of time is answered with: the same shape, saying what happened. */
  function lateReply(message: EngineRequestMessage, hang: string): Promise<AnyReply> {
    switch (message.op) {
      case 'simulate':
        return Promise.resolve({
          generation: message.generation,
          sim: null,
          graph: null,
          time: null,
          error: hang,
        });
      case 'route':
        return Promise.resolve({ traces: [], error: hang });
      case 'inspect':
        return Promise.resolve({ kind: 'none' });
      case 'exportFiles':
        return Promise.resolve({ ok: false, message: hang });
      case 'complete':
      case 'unresolvedHost':
        return Promise.resolve(null);
      case 'runCommand':
        // The prompt comes from the new Worker (an empty line only prints it); the line itself failed.
        return send<CommandReply>({
          op: 'runCommand',
          id: nextId++,
          line: '',
          session: message.session,
        }).then((reply) => ({
          ...reply,
          output: `${hang}\n`,
          exitCode: 124,
          traces: [],
          actions: [],
          clear: false,
        }));
    }
  }

  /** Sent and tracked, but answered to nobody (the rebuild after a restart). */
  function post(message: EngineRequestMessage): void {
    messages.set(message.id, message);
    worker.postMessage(message);
    armWatchdog();
  }

  function send<R extends AnyReply>(message: EngineRequestMessage): Promise<R> {
    return new Promise<R>((resolve) => {
      if (backup) {
        void replay(message, backup).then((reply) => resolve(reply as R));
        return;
      }
      pending.set(message.id, { resolve: resolve as (reply: AnyReply) => void });
      post(message);
    });
  }

  start();

  return {
    async simulate(input, options) {
      const generation = generations.next();
      const edit = options?.edit === true;
      const holdRemovals = options?.holdRemovals === true;
      const reply = await send<SimulateReply>({
        op: 'simulate',
        id: nextId++,
        generation,
        input,
        edit,
        holdRemovals,
      });
      return generations.isLatest(reply.generation) ? reply : null;
    },
    route(requests) {
      return send<RouteReply>({ op: 'route', id: nextId++, requests });
    },
    runCommand(line, session) {
      return send<CommandReply>({ op: 'runCommand', id: nextId++, line, session });
    },
    complete(line, cursor, session) {
      return send<Completion | null>({ op: 'complete', id: nextId++, line, cursor, session });
    },
    inspect(target) {
      return send<InspectFacts>({ op: 'inspect', id: nextId++, target });
    },
    exportFiles(input) {
      return send<ScenarioExport>({ op: 'exportFiles', id: nextId++, input });
    },
    unresolvedHost(from, url) {
      return send<string | null>({ op: 'unresolvedHost', id: nextId++, from, url });
    },
    dispose() {
      stopWatchdog();
      worker.terminate();
      pending.clear();
      messages.clear();
    },
  };
}

/**
 * The in-thread engine, loaded only when needed: it keeps the engine (and the YAML parser) out of the
 * page's initial JavaScript, where the Worker path never needs it.
 */
export function createLazyInThreadEngine(): EngineClient {
  const loading = import('./inThread.ts').then((m) => m.createInThreadEngine());
  return {
    simulate: async (input, options) => (await loading).simulate(input, options),
    route: async (requests) => (await loading).route(requests),
    inspect: async (id) => (await loading).inspect(id),
    exportFiles: async (input) => (await loading).exportFiles(input),
    unresolvedHost: async (from, url) => (await loading).unresolvedHost(from, url),
    runCommand: async (line, session) => (await loading).runCommand(line, session),
    complete: async (line, cursor, session) => (await loading).complete(line, cursor, session),
    dispose: () => void loading.then((engine) => engine.dispose()),
  };
}

/**
 * A Worker when the browser can start one, the in-thread engine otherwise. `started` is a Worker
 * already started for it (src/earlyEngine.ts), used first; a restart spawns a new one.
 */
export function createEngineClient(started: Worker | null = null): EngineClient {
  try {
    let first = started;
    const spawn = () => {
      const worker = first ?? new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
      first = null;
      return worker as unknown as WorkerLike;
    };
    return createWorkerEngine(spawn, { fallback: createLazyInThreadEngine });
  } catch {
    return createLazyInThreadEngine();
  }
}
