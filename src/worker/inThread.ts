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
  return {
    async simulate(input) {
      const generation = generations.next();
      // Yield once so that a burst of calls behaves like the Worker: only the last one is applied.
      await Promise.resolve();
      if (!generations.isLatest(generation)) return null;
      const reply = host.simulate(generation, input);
      return generations.isLatest(generation) ? reply : null;
    },
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
    dispose() {},
  };
}
