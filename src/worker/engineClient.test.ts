import { describe, it, expect } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import type { EngineRequestMessage, EngineWorkerMessage } from './engineApi.ts';
import { createWorkerEngine } from './engineClient.ts';
import type { WatchdogTimers, WorkerLike } from './engineClient.ts';
import { createEngineHost } from './engineHost.ts';
import { createInThreadEngine } from './inThread.ts';

const KUBIA = SCENARIO_TEXTS.kubia ?? '';
const input = { files: [{ file: 'manifest.yaml', text: KUBIA }] };
const HANG_MARK = 'replicas: 999999';
const hanging = { files: [{ file: 'manifest.yaml', text: KUBIA.replace(/replicas: \d+/, HANG_MARK) }] };

interface FakeWorker extends WorkerLike {
  terminated: boolean;
  received: EngineRequestMessage[];
}

/**
 * A stand-in for a Worker: the engine host behind postMessage, answering on a later task. An input
 * containing HANG_MARK never gets an answer, as a Worker stuck in a loop never does.
 */
function fakeWorker(options: { broken?: boolean; ready?: boolean } = {}): FakeWorker {
  const host = createEngineHost();
  const worker: FakeWorker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    received: [],
    postMessage(message: EngineRequestMessage) {
      worker.received.push(message);
      setTimeout(() => {
        if (worker.terminated) return;
        if (options.broken) {
          worker.onerror?.();
          return;
        }
        let reply: EngineWorkerMessage | null = null;
        if (message.op === 'simulate') {
          if (message.input.files.some((f) => f.text.includes(HANG_MARK))) return;
          reply = {
            op: 'simulate',
            id: message.id,
            reply: host.simulate(message.generation, message.input, { edit: message.edit === true }),
          };
        } else if (message.op === 'readAhead') {
          host.readAhead(message.files);
          reply = { op: 'readAhead', id: message.id, reply: null };
        } else if (message.op === 'route') {
          reply = { op: 'route', id: message.id, reply: host.route(message.requests) };
        }
        if (reply) worker.onmessage?.({ data: reply } as MessageEvent<EngineWorkerMessage>);
      }, 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  if (options.ready !== false) {
    setTimeout(() => worker.onmessage?.({ data: { op: 'ready' } } as MessageEvent<EngineWorkerMessage>), 0);
  }
  return worker;
}

/** Timers the test fires by hand: the watchdog's budget passes when the test says so. */
function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 1;
  const timers: WatchdogTimers & { fireAll(): void; count(): number; budgets: number[] } = {
    budgets: [],
    set(run, ms) {
      timers.budgets.push(ms);
      due.set(next, run);
      return next++;
    },
    clear(handle) {
      due.delete(handle as number);
    },
    fireAll() {
      const runs = [...due.values()];
      due.clear();
      for (const run of runs) run();
    },
    count: () => due.size,
  };
  return timers;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('worker engine client', () => {
  it('applies only the reply to the latest simulate call', async () => {
    const client = createWorkerEngine(() => fakeWorker());
    const first = client.simulate(input);
    const second = client.simulate(input);
    expect(await first).toBeNull();
    expect((await second)?.sim?.state.pods.length).toBeGreaterThan(0);
    const routed = await client.route([{ from: 'client/laptop', url: 'http://10.0.0.1' }]);
    expect(routed.traces).toHaveLength(1);
  });

  it('falls back to the in-thread engine when the worker script fails, answering waiting calls too', async () => {
    const worker = fakeWorker({ broken: true, ready: false });
    const client = createWorkerEngine(() => worker, { fallback: createInThreadEngine });
    const reply = await client.simulate(input);
    expect(reply?.sim?.state.pods.length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
    const routed = await client.route([{ from: 'client/laptop', url: 'http://10.0.0.1' }]);
    expect(routed.traces).toHaveLength(1);
  });
});

describe('worker engine client: reading a paste ahead', () => {
  it('sends the text to the Worker at once, ahead of the simulate, which is answered as always', async () => {
    const worker = fakeWorker();
    const client = createWorkerEngine(() => worker);
    client.readAhead(input.files);
    const reply = await client.simulate(input);
    expect(worker.received.map((m) => m.op)).toEqual(['readAhead', 'simulate']);
    expect(reply?.sim?.state.pods.length).toBeGreaterThan(0);
  });
});

describe('worker watchdog', () => {
  it('stops a simulation past its budget, names the input, and rebuilds the last good cluster', async () => {
    const workers: FakeWorker[] = [];
    const timers = manualTimers();
    const client = createWorkerEngine(
      () => {
        const w = fakeWorker();
        workers.push(w);
        return w;
      },
      { timers, budgetMs: 3000 },
    );
    expect((await client.simulate(input))?.sim).not.toBeNull();
    const late = client.simulate(hanging, { edit: true });
    await tick();
    expect(timers.count()).toBe(1);
    timers.fireAll();
    const reply = await late;
    expect(reply?.sim).toBeNull();
    expect(reply?.error).toContain('longer than 3 s');
    expect(reply?.error).toContain(HANG_MARK);
    expect(reply?.error).toMatch(/manifest\.yaml line \d+/);
    // The stuck Worker is gone; the new one was given the last good input, from scratch.
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    const rebuild = workers[1]?.received[0];
    expect(rebuild?.op === 'simulate' && rebuild.input).toEqual(input);
    // Requests work again, against the rebuilt cluster.
    const routed = await client.route([{ from: 'client/laptop', url: 'http://10.0.0.1' }]);
    expect(routed.traces).toHaveLength(1);
    expect(routed.error).toBeNull();
  });

  it('does not time a request before the Worker has loaded its script', async () => {
    const timers = manualTimers();
    let worker: FakeWorker | null = null;
    const client = createWorkerEngine(
      () => {
        worker = fakeWorker({ ready: false });
        return worker;
      },
      { timers },
    );
    const pending = client.simulate(input);
    await tick();
    expect(timers.count()).toBe(0);
    (worker as FakeWorker | null)?.onmessage?.({
      data: { op: 'ready' },
    } as MessageEvent<EngineWorkerMessage>);
    expect((await pending)?.sim).not.toBeNull();
  });

  it('sends the requests queued behind a stuck one to the new Worker', async () => {
    const timers = manualTimers();
    const client = createWorkerEngine(() => fakeWorker(), { timers });
    await client.simulate(input);
    const late = client.simulate(hanging, { edit: true });
    const queued = client.route([{ from: 'client/laptop', url: 'http://10.0.0.1' }]);
    await tick();
    timers.fireAll();
    expect((await late)?.error).toContain('stopped');
    expect((await queued).traces).toHaveLength(1);
  });

  it("gives a Worker's first request four budgets (cold engine code, a page starting beside it), then one", async () => {
    const timers = manualTimers();
    const client = createWorkerEngine(() => fakeWorker(), { timers, budgetMs: 3000 });
    // A link that hangs on the page's first simulation: stopped after 12 s, and the message says so.
    const first = client.simulate(hanging);
    await tick();
    expect(timers.budgets).toEqual([12000]);
    timers.fireAll();
    expect((await first)?.error).toContain('longer than 12 s');
    // The new Worker starts cold again (nothing to rebuild, so its first request is this one).
    expect((await client.simulate(input))?.sim).not.toBeNull();
    const late = client.simulate(hanging, { edit: true });
    await tick();
    expect(timers.budgets).toEqual([12000, 12000, 3000]);
    timers.fireAll();
    expect((await late)?.error).toContain('longer than 3 s');
  });

  it('gives a long text a budget per 60,000 characters, and says how long it waited', async () => {
    const timers = manualTimers();
    const client = createWorkerEngine(() => fakeWorker(), { timers, budgetMs: 3000 });
    await client.simulate(input);
    // The same hanging text with 120,001 characters of comment after it: three budgets.
    const long = {
      files: [{ file: 'manifest.yaml', text: `${hanging.files[0]!.text}\n#${'x'.repeat(120_000)}` }],
    };
    const late = client.simulate(long, { edit: true });
    await tick();
    expect(timers.budgets.at(-1)).toBe(9000);
    timers.fireAll();
    expect((await late)?.error).toContain('longer than 9 s');
  });

  it('clears the budget when the reply comes in time', async () => {
    const timers = manualTimers();
    const client = createWorkerEngine(() => fakeWorker(), { timers });
    await tick();
    await client.simulate(input);
    expect(timers.count()).toBe(0);
  });
});
