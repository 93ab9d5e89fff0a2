/**
 * The EngineClient's calls as request messages, the other half of forwardRequest.ts: each call becomes
 * one message with a fresh id, given to `send` (which posts it to the Worker, or replays it on the
 * in-thread engine) and answered by the reply to that id. A `simulate` carries a generation, and a
 * reply to an older one resolves with null, so only the latest edit's cluster reaches the store.
 */
import type { Completion, ScenarioExport } from '../engine/index.ts';
import type {
  CommandReply,
  EngineClient,
  EngineRequestMessage,
  InspectFacts,
  RouteReply,
  SimulateReply,
} from './engineApi.ts';
import type { AnyReply } from './forwardRequest.ts';
import { createGenerationCounter } from './generation.ts';

export type SendMessage = <R extends AnyReply>(message: EngineRequestMessage) => Promise<R>;

export function createMessageClient(send: SendMessage, newId: () => number): Omit<EngineClient, 'dispose'> {
  const generations = createGenerationCounter();
  return {
    async simulate(input, options) {
      const generation = generations.next();
      const edit = options?.edit === true;
      const holdRemovals = options?.holdRemovals === true;
      const reply = await send<SimulateReply>({
        op: 'simulate',
        id: newId(),
        generation,
        input,
        edit,
        holdRemovals,
      });
      return generations.isLatest(reply.generation) ? reply : null;
    },
    readAhead(files) {
      void send<null>({ op: 'readAhead', id: newId(), files });
    },
    route(requests) {
      return send<RouteReply>({ op: 'route', id: newId(), requests });
    },
    runCommand(line, session) {
      return send<CommandReply>({ op: 'runCommand', id: newId(), line, session });
    },
    complete(line, cursor, session) {
      return send<Completion | null>({ op: 'complete', id: newId(), line, cursor, session });
    },
    inspect(target) {
      return send<InspectFacts>({ op: 'inspect', id: newId(), target });
    },
    exportFiles(input) {
      return send<ScenarioExport>({ op: 'exportFiles', id: newId(), input });
    },
    unresolvedHost(from, url) {
      return send<string | null>({ op: 'unresolvedHost', id: newId(), from, url });
    },
  };
}
