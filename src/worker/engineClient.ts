/**
 * The EngineClient over a Web Worker. Every simulate call carries a generation; a reply to an older
 * generation resolves with null, so only the latest edit's cluster reaches the store. Route calls are
 * answered in order because the worker handles messages one at a time.
 */
import type { Completion, ScenarioExport } from '../engine/index.ts';
import { createGenerationCounter } from './generation.ts';
import type {
  CommandReply,
  EngineClient,
  InspectFacts,
  EngineReplyMessage,
  EngineRequestMessage,
  RouteReply,
  SimulateReply,
} from './engineApi.ts';

type AnyReply = EngineReplyMessage['reply'];
type Pending = { resolve: (reply: AnyReply) => void };

export function createWorkerEngine(worker: Worker, fallback?: () => EngineClient): EngineClient {
  const generations = createGenerationCounter();
  const pending = new Map<number, Pending>();
  let nextId = 1;

  // A Worker whose script cannot load fails asynchronously (an `error` event, no exception): from then
  // on every call, including those already waiting, goes to the in-thread engine.
  let backup: EngineClient | null = null;
  const replay = (message: EngineRequestMessage, engine: EngineClient): Promise<AnyReply> => {
    switch (message.op) {
      case 'simulate':
        return engine.simulate(message.input, { edit: message.edit === true }).then((reply) => ({
          ...(reply ?? { sim: null, error: 'superseded' }),
          generation: message.generation,
        }));
      case 'route':
        return engine.route(message.requests);
      case 'inspect':
        return engine.inspect(message.target);
      case 'exportFiles':
        return engine.exportFiles(message.input);
      case 'runCommand':
        return engine.runCommand(message.line, message.session);
      case 'complete':
        return engine.complete(message.line, message.cursor, message.session);
    }
  };
  const messages = new Map<number, EngineRequestMessage>();
  worker.onerror = () => {
    if (backup || !fallback) return;
    backup = fallback();
    worker.terminate();
    for (const [id, message] of messages) {
      const entry = pending.get(id);
      pending.delete(id);
      messages.delete(id);
      if (entry) void replay(message, backup).then(entry.resolve);
    }
  };

  worker.onmessage = (event: MessageEvent<EngineReplyMessage>) => {
    messages.delete(event.data.id);
    const entry = pending.get(event.data.id);
    pending.delete(event.data.id);
    entry?.resolve(event.data.reply);
  };

  function send<R extends AnyReply>(message: EngineRequestMessage): Promise<R> {
    return new Promise<R>((resolve) => {
      if (backup) {
        void replay(message, backup).then((reply) => resolve(reply as R));
        return;
      }
      pending.set(message.id, { resolve: resolve as (reply: AnyReply) => void });
      messages.set(message.id, message);
      worker.postMessage(message);
    });
  }

  return {
    async simulate(input, options) {
      const generation = generations.next();
      const edit = options?.edit === true;
      const reply = await send<SimulateReply>({ op: 'simulate', id: nextId++, generation, input, edit });
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
    dispose() {
      worker.terminate();
      pending.clear();
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
    runCommand: async (line, session) => (await loading).runCommand(line, session),
    complete: async (line, cursor, session) => (await loading).complete(line, cursor, session),
    dispose: () => void loading.then((engine) => engine.dispose()),
  };
}

/** A Worker when the browser can start one, the in-thread engine otherwise. */
export function createEngineClient(): EngineClient {
  try {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    return createWorkerEngine(worker, createLazyInThreadEngine);
  } catch {
    return createLazyInThreadEngine();
  }
}
