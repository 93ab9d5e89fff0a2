/**
 * The same EngineClient on the main thread: used when a Worker cannot start, and in tests
 * (Excalidraw's fallback). Replies are still promises so callers cannot tell the difference.
 */
import { createEngineHost } from './engineHost.ts';
import { createGenerationCounter } from './generation.ts';
import type { EngineClient } from './engineApi.ts';

export function createInThreadEngine(): EngineClient {
  const host = createEngineHost();
  const generations = createGenerationCounter();
  // A from-scratch build that a later edit superseded before it ran: that edit must start over too.
  let freshSkipped = false;
  return {
    async simulate(input, options) {
      const generation = generations.next();
      if (options?.edit !== true) freshSkipped = true;
      // Yield once so that a burst of calls behaves like the Worker: only the last one is applied.
      await Promise.resolve();
      if (!generations.isLatest(generation)) return null;
      const edit = options?.edit === true && !freshSkipped;
      freshSkipped = false;
      const reply = host.simulate(generation, input, { edit, holdRemovals: options?.holdRemovals === true });
      return generations.isLatest(generation) ? reply : null;
    },
    // On the main thread reading ahead would only delay the editor's own paste: the simulate reads it.
    readAhead() {},
    async route(requests) {
      return host.route(requests);
    },
    async runCommand(line, session) {
      return host.runCommand(line, session);
    },
    async complete(line, cursor, session) {
      return host.complete(line, cursor, session);
    },
    async inspect(id) {
      return host.inspect(id);
    },
    async exportFiles(input) {
      return host.exportFiles(input);
    },
    async unresolvedHost(from, url) {
      return host.unresolvedHost(from, url);
    },
    dispose() {},
  };
}
