/**
 * `kubeplay run`: terminal commands in order on one session, each with what the terminal would print.
 */
import type { Simulation } from '../sim/simulation.ts';
import type { Trace } from '../trace.ts';
import { runCommand } from './runCommand.ts';
import type { ShellSession } from './session.ts';
import { createShellSession } from './session.ts';

export interface ScriptStep {
  command: string;
  exitCode: number;
  output: string;
  traces: Trace[];
}

export interface ScriptResult {
  steps: ScriptStep[];
  sim: Simulation;
  session: ShellSession;
}

/** Runs every command (a failing one does not stop the next, as in a terminal); returns each step. */
export function runScript(
  sim: Simulation,
  commands: string[],
  session: ShellSession = createShellSession(),
): ScriptStep[] {
  return runScriptWithState(sim, commands, session).steps;
}

/** The same, also returning the final simulation and session (for callers that continue from them). */
export function runScriptWithState(
  sim: Simulation,
  commands: string[],
  session: ShellSession = createShellSession(),
): ScriptResult {
  const steps: ScriptStep[] = [];
  let currentSim = sim;
  let currentSession = session;
  for (const command of commands) {
    const r = runCommand(currentSim, currentSession, command);
    steps.push({ command, exitCode: r.exitCode, output: r.output, traces: r.traces });
    currentSim = r.sim;
    currentSession = r.session;
  }
  return { steps, sim: currentSim, session: currentSession };
}
