/// <reference lib="webworker" />
/** Thin: unpack a message, call the engine host, post the reply. */
import { createEngineHost } from './engineHost.ts';
import type { EngineReplyMessage, EngineRequestMessage, EngineWorkerMessage } from './engineApi.ts';
import type { Simulation, SourceFile } from '../engine/index.ts';
import { encodeDelta } from './structuralDelta.ts';

const host = createEngineHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;
// The simulation the page decoded last: the next one is sent as what changed since (structuralDelta.ts).
let lastSent: Simulation | undefined;

/** The same files, by name and text, in the same order. */
function sameFiles(a: SourceFile[] | undefined, b: SourceFile[] | undefined): boolean {
  return (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((f, i) => f.file === b[i]?.file && f.text === b[i]?.text)
  );
}

function answer(message: EngineRequestMessage): EngineReplyMessage {
  switch (message.op) {
    case 'simulate': {
      const reply = host.simulate(message.generation, message.input, {
        edit: message.edit === true,
        holdRemovals: message.holdRemovals === true,
      });
      if (!reply.sim) return { op: 'simulate', id: message.id, reply };
      const filesFromInput = sameFiles(reply.sim.files, message.input.files);
      const sent = filesFromInput ? { ...reply.sim, files: undefined } : reply.sim;
      const simDelta = encodeDelta(sent, lastSent);
      lastSent = sent;
      return { op: 'simulate', id: message.id, reply: { ...reply, sim: null }, simDelta, filesFromInput };
    }
    case 'readAhead':
      host.readAhead(message.files);
      return { op: 'readAhead', id: message.id, reply: null };
    case 'route':
      return { op: 'route', id: message.id, reply: host.route(message.requests) };
    case 'runCommand':
      return { op: 'runCommand', id: message.id, reply: host.runCommand(message.line, message.session) };
    case 'complete':
      return {
        op: 'complete',
        id: message.id,
        reply: host.complete(message.line, message.cursor, message.session),
      };
    case 'inspect':
      return { op: 'inspect', id: message.id, reply: host.inspect(message.target) };
    case 'exportFiles':
      return { op: 'exportFiles', id: message.id, reply: host.exportFiles(message.input) };
    case 'unresolvedHost':
      return { op: 'unresolvedHost', id: message.id, reply: host.unresolvedHost(message.from, message.url) };
  }
}

scope.onmessage = (event: MessageEvent<EngineRequestMessage>) => {
  scope.postMessage(answer(event.data));
};

// The engine has loaded: the page's watchdog starts timing requests from here, not from the download.
const ready: EngineWorkerMessage = { op: 'ready' };
scope.postMessage(ready);
