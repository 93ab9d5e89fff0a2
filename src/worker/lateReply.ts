/**
 * What a request the watchdog stopped is answered with: the reply its caller expects, saying what
 * happened (`hang`, from hangReport.ts) where the shape has room for a message and empty where it has
 * not, so every caller goes on as after an ordinary failure.
 */
import type { ShellSession } from '../engine/index.ts';
import type { CommandReply, EngineRequestMessage } from './engineApi.ts';
import type { AnyReply } from './forwardRequest.ts';

/** A fresh prompt for `session` from the new Worker (an empty line only prints it). */
export type PromptOf = (session: ShellSession | null) => Promise<CommandReply>;

/** The exit status of a command `timeout` stopped: https://www.gnu.org/software/coreutils/manual/html_node/timeout-invocation.html */
export const TIMED_OUT_EXIT_CODE = 124;

export function lateReply(
  message: EngineRequestMessage,
  hang: string,
  promptOf: PromptOf,
): Promise<AnyReply> {
  switch (message.op) {
    case 'simulate':
      return Promise.resolve({
        generation: message.generation,
        sim: null,
        graph: null,
        time: null,
        error: hang,
      });
    case 'route':
      return Promise.resolve({ traces: [], error: hang });
    case 'inspect':
      return Promise.resolve({ kind: 'none' });
    case 'exportFiles':
      return Promise.resolve({ ok: false, message: hang });
    case 'readAhead':
    case 'complete':
    case 'unresolvedHost':
      return Promise.resolve(null);
    case 'runCommand':
      // The prompt comes from the new Worker; the line itself failed.
      return promptOf(message.session).then((reply) => ({
        ...reply,
        output: `${hang}\n`,
        exitCode: TIMED_OUT_EXIT_CODE,
        traces: [],
        actions: [],
        clear: false,
      }));
  }
}
