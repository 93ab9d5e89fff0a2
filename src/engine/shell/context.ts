/**
 * What one command line works on while it runs: the simulation it may change, the session it may move,
 * and what it collects for the caller (actions for the replay log, traces for the animation).
 * Mutable only for the duration of one runCommand call; never stored.
 */
import type { Action } from '../model/actions.ts';
import type { PodState } from '../model/state.ts';
import type { RequestSpec } from '../net/request.ts';
import { routeRequest } from '../net/request.ts';
import type { Simulation } from '../sim/simulation.ts';
import { applyAction } from '../sim/simulation.ts';
import type { Trace } from '../trace.ts';
import { graphIdOfClient, graphIdOfPod } from '../trace.ts';
import type { ShellLocation, ShellSession } from './session.ts';

export interface ShellContext {
  sim: Simulation;
  session: ShellSession;
  actions: Action[];
  traces: Trace[];
  /** Set by `clear`: the terminal wipes its screen. */
  clear: boolean;
  /** Where the command runs: differs from session.location inside `kubectl exec POD -- CMD`. */
  at: ShellLocation;
  /** Whether stdout is a terminal (curl hides its progress meter then). */
  tty: boolean;
  /** The command is exec'd directly by the container runtime (`kubectl exec POD -- CMD`), not by a shell. */
  direct: boolean;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * The terminal's view when stdout and stderr interleave (curl -v: connection lines, then the body;
   * kubectl exec: the command's output, then `command terminated with exit code N`). Used when
   * neither stream is redirected; otherwise the terminal shows stdout then stderr.
   */
  display?: string;
}

/** What the terminal shows for a command whose streams both reach it. */
export function displayOf(out: CommandOutput): string {
  return out.display ?? out.stdout + out.stderr;
}

export type CommandFn = (ctx: ShellContext, argv: string[], stdin: string) => CommandOutput;

export function ok(stdout = ''): CommandOutput {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ''): CommandOutput {
  return { stdout, stderr: stderr.endsWith('\n') || stderr === '' ? stderr : stderr + '\n', exitCode };
}

/** Records an action and moves the simulation on by it. */
export function performAction(ctx: ShellContext, action: Action): void {
  ctx.sim = applyAction(ctx.sim, action);
  ctx.actions.push(action);
}

/** Routes one request from where the command runs; keeps the trace and the advanced rng. */
export function performRequest(ctx: ShellContext, spec: Omit<RequestSpec, 'from'>): Trace {
  const result = routeRequest(
    ctx.sim.state,
    { ...spec, from: graphIdOfLocation(ctx.at) },
    ctx.sim.diagnostics,
  );
  ctx.sim = { ...ctx.sim, state: result.state };
  ctx.traces.push(result.trace);
  return result.trace;
}

export function graphIdOfLocation(at: ShellLocation): string {
  return at.kind === 'pod' ? graphIdOfPod(at.namespace, at.pod) : graphIdOfClient(at.client);
}

export function findPod(ctx: ShellContext, namespace: string, name: string): PodState | undefined {
  return ctx.sim.state.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
}

/** The pod a command runs in, when it runs in one. */
export function currentPod(ctx: ShellContext): PodState | undefined {
  return ctx.at.kind === 'pod' ? findPod(ctx, ctx.at.namespace, ctx.at.pod) : undefined;
}
