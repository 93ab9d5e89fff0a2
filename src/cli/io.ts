/** What the CLI touches of the outside world; tests pass in-memory versions. */
export interface CliIo {
  stdin: AsyncIterable<unknown>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Reads a FILE argument; defaults to node:fs. */
  readFile?: (path: string) => Promise<string>;
}

/** Exit codes (docs/architecture.md#cli): 0 fine, 1 the manifests have errors, 2 bad arguments. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
/** A bug in kubeplay itself (sysexits EX_SOFTWARE), kept apart from the user's own errors. */
export const EXIT_INTERNAL = 70;
