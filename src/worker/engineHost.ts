/**
 * The engine side of the boundary, shared by the Worker and the in-thread fallback: it keeps the
 * latest simulation so requests and terminal lines run against it without shipping the state back and
 * forth. Contract: simulation only here; nothing in this file knows about React or the DOM.
 */
import {
  completeCommand,
  createParseCache,
  createShellSession,
  createSimulation,
  exportScenario,
  reviseSimulation,
  getPrompt,
  nextTimedChange,
  readDocumentsAhead,
  routeRequest,
  runCommand,
  unresolvedHost,
} from '../engine/index.ts';
import type {
  Completion,
  ExportInput,
  RequestSpec,
  ScenarioExport,
  ShellSession,
  Simulation,
  SimulationInput,
  SourceFile,
  Trace,
} from '../engine/index.ts';
import type { CommandReply, RouteReply, SimulateOptions, SimulateReply } from './engineApi.ts';
import { graphFactsOf } from './graphFactsOf.ts';
import { getInspectFacts } from './inspectFacts.ts';
import type { InspectFacts } from './inspectFacts.ts';

export interface EngineHost {
  simulate(generation: number, input: SimulationInput, options?: SimulateOptions): SimulateReply;
  /** Reads the files' documents into the parse cache for the simulate that follows. */
  readAhead(files: SourceFile[]): void;
  route(requests: RequestSpec[]): RouteReply;
  runCommand(line: string, session: ShellSession | null): CommandReply;
  complete(line: string, cursor: number, session: ShellSession): Completion | null;
  inspect(id: string): InspectFacts;
  exportFiles(input: ExportInput): ScenarioExport;
  unresolvedHost(from: string, url: string): string | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createEngineHost(): EngineHost {
  // The latest simulation; routed requests advance its state (rng, affinity) in place of the old one.
  let sim: Simulation | null = null;
  // The latest simulation as built (from scratch, or as an edit of the one before), before any request.
  let built: Simulation | null = null;
  // Each document's reading, kept by its text: typing in one document re-reads only that one.
  const options = { parseCache: createParseCache() };
  return {
    simulate(generation, input, { edit = false, holdRemovals = false } = {}) {
      try {
        const next =
          edit && built
            ? reviseSimulation(built, input, { ...options, holdRemovals })
            : createSimulation(input, options);
        // A syntax error or a held edit keeps the cluster as it is: requests made since still count.
        const unchanged = (next.stale || next.held) && next.state === built?.state;
        sim = unchanged && sim ? { ...next, state: sim.state } : next;
        built = next;
        const time = { clock: sim.state.clock, nextChange: nextTimedChange(sim.state) ?? null };
        return { generation, sim, graph: graphFactsOf(sim.state), time, error: null };
      } catch (error) {
        return { generation, sim: null, graph: null, time: null, error: messageOf(error) };
      }
    },
    readAhead(files) {
      try {
        readDocumentsAhead(files, options.parseCache);
      } catch {
        // Only a head start: the simulate that follows reads what is missing and reports what fails.
      }
    },
    exportFiles(input) {
      try {
        return exportScenario(input);
      } catch (error) {
        return { ok: false, message: messageOf(error) };
      }
    },
    unresolvedHost(from, url) {
      return sim ? (unresolvedHost(sim.state, from, url) ?? null) : null;
    },
    inspect(id) {
      if (!sim) return { kind: 'none' };
      try {
        return getInspectFacts(sim.state, id);
      } catch {
        return { kind: 'none' };
      }
    },
    route(requests) {
      if (!sim) return { traces: [], error: 'The cluster is not ready yet.' };
      const traces: Trace[] = [];
      try {
        for (const request of requests) {
          const result = routeRequest(sim.state, request, sim.diagnostics);
          sim = { ...sim, state: result.state };
          traces.push(result.trace);
        }
        return { traces, error: null };
      } catch (error) {
        return { traces, error: messageOf(error) };
      }
    },
    runCommand(line, given) {
      const session = given ?? createShellSession();
      if (!sim || line.trim() === '') {
        return {
          output: line.trim() === '' ? '' : 'The cluster is not ready yet.\n',
          exitCode: line.trim() === '' ? 0 : 1,
          traces: [],
          actions: [],
          session,
          prompt: getPrompt(session),
          clear: false,
        };
      }
      // runCommand never throws (a failing command is output and an exit code).
      let result = runCommand(sim, session, line);
      // Requests since the build advanced the seeded rng, which also names pods and picks IPs. A line
      // that changes the cluster runs against the build instead, so what it prints (`kubectl scale …
      // && kubectl get pods`) matches the replay of (yaml, seed, actions) the app rebuilds and shares.
      if (result.actions.length > 0 && built && built !== sim) result = runCommand(built, session, line);
      sim = result.sim;
      return {
        output: result.output,
        exitCode: result.exitCode,
        traces: result.traces,
        actions: result.actions,
        session: result.session,
        prompt: getPrompt(result.session),
        clear: result.clear,
      };
    },
    complete(line, cursor, session) {
      if (!sim) return null;
      try {
        return completeCommand(sim, session, line, cursor);
      } catch {
        return null;
      }
    },
  };
}
