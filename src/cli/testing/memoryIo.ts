/** In-memory stdin/stdout/stderr (and files) for calling main() in tests. */
import type { CliIo } from '../io.ts';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

export function createMemoryIo(options: { stdin?: string; files?: Record<string, string> } = {}): MemoryIo {
  let out = '';
  let err = '';
  const files = options.files ?? {};
  return {
    stdin: (async function* () {
      if (options.stdin !== undefined) yield Buffer.from(options.stdin, 'utf8');
    })(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    out: () => out,
    err: () => err,
  };
}

/** Runs main and collects what it printed. */
export async function runCli(
  main: (argv: string[], io: CliIo) => Promise<number>,
  argv: string[],
  options: { stdin?: string; files?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = createMemoryIo(options);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
