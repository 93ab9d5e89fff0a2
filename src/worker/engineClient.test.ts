import { describe, it, expect } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import type { EngineReplyMessage, EngineRequestMessage } from './engineApi.ts';
import { createWorkerEngine } from './engineClient.ts';
import { createEngineHost } from './engineHost.ts';
import { createInThreadEngine } from './inThread.ts';

const input = { files: [{ file: 'manifest.yaml', text: SCENARIO_TEXTS.kubia ?? '' }] };

/** A stand-in for a Worker: the engine host behind postMessage, answering on a later task. */
function fakeWorker(options: { broken?: boolean } = {}) {
  const host = createEngineHost();
  const worker = {
    onmessage: null as ((e: MessageEvent<EngineReplyMessage>) => void) | null,
    onerror: null as (() => void) | null,
    terminated: false,
    postMessage(message: EngineRequestMessage) {
      setTimeout(() => {
        if (options.broken) {
          worker.onerror?.();
          return;
        }
        const reply =
          message.op === 'simulate'
            ? { op: 'simulate', id: message.id, reply: host.simulate(message.generation, message.input) }
            : message.op === 'route'
              ? { op: 'route', id: message.id, reply: host.route(message.requests) }
              : null;
        if (reply) worker.onmessage?.({ data: reply } as MessageEvent<EngineReplyMessage>);
      }, 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('worker engine client', () => {
  it('applies only the reply to the latest simulate call', async () => {
    const client = createWorkerEngine(fakeWorker() as unknown as Worker);
    const first = client.simulate(input);
    const second = client.simulate(input);
    expect(await first).toBeNull();
    expect((await second)?.sim?.state.pods.length).toBeGreaterThan(0);
    const routed = await client.route([{ from: 'client/laptop', url: 'http://10.0.0.1' }]);
    expect(routed.traces).toHaveLength(1);
  });

  it('falls back to the in-thread engine when the worker script fails, answering waiting calls too', async () => {
    const worker = fakeWorker({ broken: true });
    const client = createWorkerEngine(worker as unknown as Worker, createInThreadEngine);
    const reply = await client.simulate(input);
    expect(reply?.sim?.state.pods.length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
    const routed = await client.route([{ from: 'client/laptop', url: 'http://10.0.0.1' }]);
    expect(routed.traces).toHaveLength(1);
  });
});
