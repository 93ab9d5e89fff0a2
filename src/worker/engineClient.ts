/**
 * The EngineClient over a Web Worker. Every simulate call carries a generation; a reply to an older
 * generation resolves with null, so only the latest edit's cluster reaches the store. Route calls are
 * answered in order because the worker handles messages one at a time.
 */
import type { Completion } from '../engine/index.ts';
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

export function createWorkerEngine(worker: Worker): EngineClient {
  const generations = createGenerationCounter();
  const pending = new Map<number, Pending>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<EngineReplyMessage>) => {
    const entry = pending.get(event.data.id);
    pending.delete(event.data.id);
    entry?.resolve(event.data.reply);
  };

  function send<R extends AnyReply>(message: EngineRequestMessage): Promise<R> {
    return new Promise<R>((resolve) => {
      pending.set(message.id, { resolve: resolve as (reply: AnyReply) => void });
      worker.postMessage(message);
    });
  }

  return {
    async simulate(input) {
      const generation = generations.next();
      const reply = await send<SimulateReply>({ op: 'simulate', id: nextId++, generation, input });
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
    simulate: async (input) => (await loading).simulate(input),
    route: async (requests) => (await loading).route(requests),
    inspect: async (id) => (await loading).inspect(id),
    runCommand: async (line, session) => (await loading).runCommand(line, session),
    complete: async (line, cursor, session) => (await loading).complete(line, cursor, session),
    dispose: () => void loading.then((engine) => engine.dispose()),
  };
}

/** A Worker when the browser can start one, the in-thread engine otherwise. */
export function createEngineClient(): EngineClient {
  try {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    return createWorkerEngine(worker);
  } catch {
    return createLazyInThreadEngine();
  }
}
