/**
 * A switch for readYaml's token reader (tokenWalker.ts), for tests that compare it with the composed
 * walk, as net/testing/plansSwitch.ts does for route plans. Use it from a test file with
 *   vi.mock('<path to>/tokenWalker.ts', async (original) =>
 *     (await import('<path to>/test/tokensSwitch.ts')).withTokensSwitch(await original()));
 * (vi.mock is hoisted above the imports, hence the import inside) and read inside `composedOnly`:
 * readDocumentTokens then declines every document, as it does one outside its subset, so each is
 * composed. `tokens.read` counts the documents it did read. This module imports types only, so the
 * mock's factory can load it; the product carries no test-only entry point.
 */
import type * as TokenWalkerModule from '../tokenWalker.ts';

export const tokens = { off: false, read: 0 };

export function withTokensSwitch(actual: typeof TokenWalkerModule): typeof TokenWalkerModule {
  return {
    ...actual,
    readDocumentTokens: (...args: Parameters<typeof actual.readDocumentTokens>) => {
      if (tokens.off) return undefined;
      const read = actual.readDocumentTokens(...args);
      if (read) tokens.read += 1;
      return read;
    },
  };
}

export function composedOnly<T>(read: () => T): T {
  tokens.off = true;
  try {
    return read();
  } finally {
    tokens.off = false;
  }
}
