/// <reference lib="webworker" />
/** Thin: unpack a message, call the engine host, post the reply. */
import { createEngineHost } from './engineHost.ts';
import type { EngineReplyMessage, EngineRequestMessage } from './engineApi.ts';

const host = createEngineHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineRequestMessage>) => {
  const message = event.data;
  const reply: EngineReplyMessage =
    message.op === 'simulate'
      ? { op: 'simulate', id: message.id, reply: host.simulate(message.generation, message.input) }
      : { op: 'route', id: message.id, reply: host.route(message.requests) };
  scope.postMessage(reply);
};
