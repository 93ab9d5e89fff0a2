/**
 * `kubeplay run`: the terminal's commands, scripted. The same interpreter the app's terminal uses
 * (src/engine/shell), so a transcript here is what a student would see there.
 */
import {
  createShellSession,
  createSimulation,
  getPrompt,
  printedTrace,
  runCommand,
} from '../../engine/index.ts';
import type { SourceFile } from '../../engine/index.ts';
import { EXIT_OK } from '../io.ts';
import type { CliIo } from '../io.ts';
import { reportRejected } from '../reportRejected.ts';

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text + '\n';
}

/** The files the commands may name: by the path given and by its base name (`kubectl apply -f kubia.yaml`). */
function filesForShell(files: SourceFile[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of files) {
    if (f.file === '-') continue;
    map[f.file] = f.text;
    const base = f.file.split('/').pop();
    if (base && !(base in map)) map[base] = f.text;
  }
  return map;
}

export function runRun(
  files: SourceFile[],
  seed: number | undefined,
  commands: string[],
  json: boolean,
  io: CliIo,
): number {
  let sim = createSimulation({ files, ...(seed === undefined ? {} : { seed }) });
  reportRejected(sim.diagnostics, io);
  let session = createShellSession({ files: filesForShell(files) });
  let exitCode = EXIT_OK;
  for (const command of commands) {
    const prompt = getPrompt(session);
    const result = runCommand(sim, session, command);
    if (json) {
      const line = {
        command,
        exitCode: result.exitCode,
        output: result.output,
        traces: result.traces.map(printedTrace),
      };
      io.stdout.write(JSON.stringify(line) + '\n');
    } else {
      io.stdout.write(`${prompt}${command}\n${withNewline(result.output)}`);
    }
    sim = result.sim;
    session = result.session;
    exitCode = result.exitCode;
  }
  return exitCode;
}
