/**
 * The engine's Worker, started before the page's main script has even been evaluated: index.html loads
 * src/bootEngine.ts first, a few hundred bytes, so the Worker fetches and compiles the engine while
 * the main thread parses React, React Flow and the app (docs/performance.md). src/main.tsx hands it to
 * the engine client; a Worker restarted later (the watchdog) is a new one.
 *
 * What the Worker says before the client listens (its `ready` message, or the `error` of a script that
 * could not load) is kept and replayed to the client's handlers once it has set them.
 */
interface Early {
  worker: Worker;
  missed: { kind: 'message' | 'error'; event: Event }[];
}

let early: Early | null = null;

/** Starts the Worker once; a browser that cannot start one gets the in-thread engine later instead. */
export function startEngineWorkerEarly(): void {
  if (early) return;
  try {
    const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' });
    const started: Early = { worker, missed: [] };
    worker.onmessage = (event) => started.missed.push({ kind: 'message', event });
    worker.onerror = (event) => started.missed.push({ kind: 'error', event });
    early = started;
  } catch {
    early = null;
  }
}

/**
 * The Worker started early, once (null if none was started or it was already taken). The caller sets
 * its own `onmessage` and `onerror` at once (in the same task); the events missed so far follow in a
 * microtask, before any later one.
 */
export function takeEarlyEngineWorker(): Worker | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  const { worker, missed } = taken;
  worker.onmessage = null;
  worker.onerror = null;
  queueMicrotask(() => {
    for (const { kind, event } of missed) {
      if (kind === 'message') worker.onmessage?.(event as MessageEvent);
      else worker.onerror?.(event as ErrorEvent);
    }
  });
  return worker;
}
