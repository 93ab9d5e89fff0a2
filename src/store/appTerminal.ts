/**
 * The terminal's side of the app: a line runs where the simulation lives, with the laptop's files (a
 * lesson's); its actions join the scenario's log (so they replay and go into share links), and its
 * requests animate like the request bar's.
 */
import { createShellSession } from '../engine/index.ts';
import type { Completion, ShellSession } from '../engine/index.ts';
import type { CommandReply, EngineClient } from '../worker/engineApi.ts';
import type { AppEvents } from './appEvents.ts';
import type { BuildLoop } from './appBuildLoop.ts';
import type { AppTraffic } from './appTraffic.ts';
import { appendAction } from './scenarioStore.ts';
import type { ScenarioStore } from './scenarioStore.ts';

export interface AppTerminal {
  runCommand(line: string, session: ShellSession | null): Promise<CommandReply>;
  complete(line: string, cursor: number, session: ShellSession): Promise<Completion | null>;
  setLaptopFiles(files: Record<string, string>): void;
}

export function createAppTerminal(deps: {
  engine: EngineClient;
  scenario: ScenarioStore;
  builds: BuildLoop;
  requests: AppTraffic;
  report: AppEvents['report'];
}): AppTerminal {
  const { engine, scenario, builds, requests, report } = deps;
  let laptopFiles: Record<string, string> = {};
  return {
    async runCommand(line, given) {
      await builds.settled();
      // The laptop's files (a lesson's) join the session; files the student wrote win.
      const session =
        Object.keys(laptopFiles).length === 0
          ? given
          : { ...(given ?? createShellSession()), files: { ...laptopFiles, ...(given?.files ?? {}) } };
      const reply = await engine.runCommand(line, session);
      if (reply.actions.length > 0) {
        for (const action of reply.actions) appendAction(scenario, action);
        // Rebuild now, not after the debounce: the next line must see the replayed cluster the graph shows.
        await builds.flush();
      }
      requests.launchCommandTraces(reply.traces);
      if (line.trim() !== '') {
        const { output, exitCode, traces, actions } = reply;
        report({ type: 'command', command: line, output, exitCode, traces, actions });
      }
      return reply;
    },
    complete(line, cursor, session) {
      return engine.complete(line, cursor, session);
    },
    setLaptopFiles(files) {
      laptopFiles = { ...files };
    },
  };
}
