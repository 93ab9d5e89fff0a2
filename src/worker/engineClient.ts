/**
 * The EngineClient over a Web Worker. Each call is a message (messageClient.ts: a simulate call carries
 * a generation, so only the latest edit's cluster reaches the store). Route calls are answered in order
 * because the worker handles messages one at a time.
 *
 * A watchdog guards the page against input that makes the engine run for ever (a huge replica count in a
 * link, say): the request the Worker is busy with has a time budget; past it the Worker is terminated
 * (the only way to stop a running script) and a new one started, rebuilt from the last input that
 * finished, so the cluster on screen stays usable. The late request is answered with a message naming
 * the input (hangReport.ts, lateReply.ts) and the requests queued behind it are sent again to the new
 * Worker. The watchdog's clock and budgets are requestWatchdog.ts; the replay onto the in-thread
 * engine is forwardRequest.ts; the decoding of the simulation's deltas is simulationReceiver.ts. What stays
 * here is the book of requests sent and not yet answered, which all of them act on.
 */
import type { SimulationInput } from '../engine/index.ts';
import type { CommandReply, EngineClient, EngineRequestMessage, EngineWorkerMessage } from './engineApi.ts';
import { forwardRequest } from './forwardRequest.ts';
import type { AnyReply } from './forwardRequest.ts';
import { describeHang } from './hangReport.ts';
import { lateReply } from './lateReply.ts';
import type { PromptOf } from './lateReply.ts';
import {
  browserTimers,
  budgetsForText,
  createRequestWatchdog,
  DEFAULT_BUDGET_MS,
} from './requestWatchdog.ts';
import type { WatchdogTimers } from './requestWatchdog.ts';
import { createMessageClient } from './messageClient.ts';
import { createSimulationReceiver } from './simulationReceiver.ts';

export type { WatchdogTimers } from './requestWatchdog.ts';

type Pending = { resolve: (reply: AnyReply) => void };

/** The part of a Worker the client uses, so tests can pass a fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<EngineWorkerMessage>) => void) | null;
  onerror: ((event?: unknown) => void) | null;
  postMessage(message: EngineRequestMessage): void;
  terminate(): void;
}

export interface WorkerEngineOptions {
  /** The in-thread engine, for a browser whose Worker script cannot load. */
  fallback?: () => EngineClient;
  /** How long one request may run in the Worker (ms). */
  budgetMs?: number;
  timers?: WatchdogTimers;
}

/** The text a request hands the engine to read: what its time budget grows with. */
function textLength(message: EngineRequestMessage): number {
  const files =
    message.op === 'simulate' ? message.input.files : message.op === 'readAhead' ? message.files : [];
  let chars = message.op === 'exportFiles' ? message.input.yaml.length : 0;
  for (const file of files) chars += file.text.length;
  return chars;
}

export function createWorkerEngine(spawn: () => WorkerLike, options: WorkerEngineOptions = {}): EngineClient {
  const { fallback } = options;
  const pending = new Map<number, Pending>();
  // Requests sent and not yet answered, oldest first: the Worker works on the first one.
  const messages = new Map<number, EngineRequestMessage>();
  let lastId = 0;
  const newId = () => ++lastId;
  let worker: WorkerLike;
  // The Worker has loaded its script: from then on the first request's time counts against the budget.
  let ready = false;
  // Whether the Worker has answered a request yet (the first one has COLD_START_BUDGETS budgets).
  let warm = false;
  const watchdog = createRequestWatchdog(
    options.timers ?? browserTimers,
    options.budgetMs ?? DEFAULT_BUDGET_MS,
    (id) => onLate(id),
  );
  // The last input the engine finished, to rebuild a restarted Worker and to compare a late input with.
  let lastGood: SimulationInput | null = null;
  const simulations = createSimulationReceiver();

  // A Worker whose script cannot load fails asynchronously (an `error` event, no exception): from then
  // on every call, including those already waiting, goes to the in-thread engine.
  let backup: EngineClient | null = null;

  /** The budget runs for the request the Worker is on now: the oldest unanswered one. */
  function armWatchdog(): void {
    if (!ready || backup) return;
    const head = messages.entries().next();
    if (head.done) return watchdog.watch(null, !warm);
    const [id, message] = head.value;
    watchdog.watch(id, !warm, budgetsForText(textLength(message)));
  }

  function start(): void {
    ready = false;
    warm = false;
    simulations.reset();
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
    watchdog.stop();
    worker.terminate();
    for (const [id, message] of messages) {
      const entry = pending.get(id);
      pending.delete(id);
      messages.delete(id);
      if (entry) void forwardRequest(message, backup).then(entry.resolve);
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
    if (data.op === 'simulate') simulations.receive(data, sent);
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
    const budget = watchdog.expire(id);
    const late = messages.get(id);
    if (!late) return;
    messages.delete(id);
    const entry = pending.get(id);
    pending.delete(id);
    const queued = [...messages.values()];
    messages.clear();
    worker.terminate();
    start();
    if (lastGood) post({ op: 'simulate', id: newId(), generation: 0, input: lastGood, edit: false });
    for (const message of queued) post(message);
    const hang = describeHang({
      input: late.op === 'simulate' ? late.input : (lastGood ?? { files: [] }),
      lastGood: late.op === 'simulate' ? lastGood : null,
      budgetMs: budget,
      crashed,
    });
    if (!entry) return;
    const promptOf: PromptOf = (session) =>
      send<CommandReply>({ op: 'runCommand', id: newId(), line: '', session });
    void lateReply(late, hang, promptOf).then(entry.resolve);
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
        void forwardRequest(message, backup).then((reply) => resolve(reply as R));
        return;
      }
      pending.set(message.id, { resolve: resolve as (reply: AnyReply) => void });
      post(message);
    });
  }

  start();

  return {
    ...createMessageClient(send, newId),
    dispose() {
      watchdog.stop();
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
    // On the main thread a head start would only delay the page: the simulate reads the text.
    readAhead: () => {},
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
