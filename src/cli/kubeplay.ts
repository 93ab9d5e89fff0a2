/**
 * The `kubeplay` command (bin/kubeplay.mjs calls main). Scripts drive it, so its output shapes and exit
 * codes are a contract (docs/architecture.md#cli): 0 fine, 1 the manifests have errors, 2 bad
 * arguments. Nothing here knows Kubernetes; it reads files, calls src/engine and prints.
 */
import { parseArgs } from './args.ts';
import { runCheck } from './commands/check.ts';
import { runLoad } from './commands/load.ts';
import { runRun } from './commands/run.ts';
import { runTrace } from './commands/trace.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io.ts';
import type { CliIo } from './io.ts';
import { prepareRequest } from './prepareRequest.ts';
import { readInputs } from './readInputs.ts';
import { HELP, USAGE } from './usage.ts';

export type { CliIo } from './io.ts';

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`kubeplay: ${parsed.error}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const command = parsed.command;
  if (command.name === 'help') {
    io.stdout.write(HELP + '\n');
    return EXIT_OK;
  }
  const input = await readInputs(command.files, io.stdin, io.readFile);
  if (!input.ok) {
    io.stderr.write(`kubeplay: ${input.error}\n`);
    return EXIT_USAGE;
  }
  if (command.name === 'check') return runCheck(input.files, command.json, io);
  if (command.name === 'run') return runRun(input.files, command.seed, command.commands, command.json, io);
  const prepared = prepareRequest(input.files, command.seed, command.request, io);
  if (!prepared.ok) return prepared.exitCode;
  if (command.name === 'trace') return runTrace(prepared.state, command.request, command.count, io);
  return runLoad(prepared.state, command.request, command.requests, io);
}

/** Runs one kubeplay command line; resolves to the exit code. Never rejects. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    // The engine promises never to throw on user input; if it does anyway, say so plainly.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`kubeplay: internal error: ${message}\n`);
    return EXIT_INTERNAL;
  }
}
