/**
 * A request message answered by another engine: the in-thread one, when the Worker's script cannot
 * load. The failure comes asynchronously (an `error` event, not an exception), after calls were already
 * posted as messages, so the message is what those calls are replayed from; the reply has the shape the
 * Worker would have sent, generation included, so the caller cannot tell which engine answered.
 */
import type { EngineClient, EngineReplyMessage, EngineRequestMessage } from './engineApi.ts';

export type AnyReply = EngineReplyMessage['reply'];

export function forwardRequest(message: EngineRequestMessage, engine: EngineClient): Promise<AnyReply> {
  switch (message.op) {
    case 'simulate': {
      const options = { edit: message.edit === true, holdRemovals: message.holdRemovals === true };
      return engine.simulate(message.input, options).then((reply) => ({
        ...(reply ?? { sim: null, graph: null, time: null, error: 'superseded' }),
        generation: message.generation,
      }));
    }
    case 'readAhead':
      engine.readAhead(message.files);
      return Promise.resolve(null);
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
}
