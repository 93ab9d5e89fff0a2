/**
 * The one interface the store uses to reach the engine, whether it runs in a Web Worker
 * (engineClient.ts) or on the main thread (inThread.ts). The UI never knows which one runs.
 */
import type {
  Action,
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
import type { GraphFacts } from './graphFacts.ts';
import type { InspectFacts } from './inspectFacts.ts';
import type { Delta } from './structuralDelta.ts';

export type { InspectFacts } from './inspectFacts.ts';
export type { GraphFacts } from './graphFacts.ts';

/**
 * Where a cluster is in simulated time: its clock, and when it next changes by itself (a container
 * started, a grace period over: the engine's nextTimedChange), or null when nothing is due.
 */
export interface ClusterTime {
  clock: number;
  nextChange: number | null;
}

export interface SimulateReply {
  /** The generation the request was sent with; only the latest one is applied. */
  generation: number;
  /** The new simulation, or null when the engine failed (error says why). */
  sim: Simulation | null;
  /** What the graph draws of `sim` that takes Kubernetes rules to know (null with no `sim`). */
  graph: GraphFacts | null;
  /** Where `sim` is in simulated time, for the page clock (null with no `sim`). */
  time: ClusterTime | null;
  error: string | null;
}

export interface RouteReply {
  traces: Trace[];
  error: string | null;
}

/** One terminal line run against the latest simulation (the engine's CommandResult, minus the state). */
export interface CommandReply {
  output: string;
  exitCode: number;
  /** Every request the line made, in order: the UI animates them. */
  traces: Trace[];
  /** What the line changed (expose, scale, /etc/hosts…): the app appends them to the scenario's log. */
  actions: Action[];
  /** Where the terminal is afterwards (laptop or inside a pod). */
  session: ShellSession;
  /** The prompt for the next line (`student@laptop:~$ `, `root@kubia-65mtj:/# `). */
  prompt: string;
  /** `clear` was typed. */
  clear: boolean;
}

/** How a simulate call relates to the one before it. */
export interface SimulateOptions {
  /**
   * The user changed the previous input (typed in the editor, took an action): the engine applies the
   * change to the latest cluster (reviseSimulation), so every untouched object keeps its ClusterIP,
   * node ports and pods. Without it (page load, share link, another scenario) it builds from scratch.
   */
  edit?: boolean;
  /**
   * The user is still typing: an edit that would remove an object or terminate a pod comes back
   * `held` (the cluster unchanged) and is sent again without this once the typing pauses.
   */
  holdRemovals?: boolean;
}

export interface EngineClient {
  /**
   * Builds the cluster for (yaml, seed, actions), from scratch or as an edit of the latest one.
   * Resolves with null when a later call has superseded this one, so a slow reply never overwrites
   * the latest edit.
   */
  simulate(input: SimulationInput, options?: SimulateOptions): Promise<SimulateReply | null>;
  /**
   * The editor is taking a pasted block that makes these the files: the engine reads their documents
   * now, on its own core, so the simulate that follows finds them read (docs/performance.md, "The paste
   * at 1,000 pods"). Nothing is answered and nothing changes but what the engine remembers of texts.
   */
  readAhead(files: SourceFile[]): void;
  /** Routes requests in order against the latest simulation (each a new connection); rng and affinity advance. */
  route(requests: RequestSpec[]): Promise<RouteReply>;
  /**
   * Runs one terminal line against the latest simulation; its requests advance rng and affinity as
   * route does. A null session starts a new one on the laptop (an empty line then just gives the prompt).
   */
  runCommand(line: string, session: ShellSession | null): Promise<CommandReply>;
  /** Tab completion for the word under the cursor (null before the first simulation). */
  complete(line: string, cursor: number, session: ShellSession): Promise<Completion | null>;
  /** Engine-computed facts about one object of the latest simulation (env, resolv.conf, DNS records). */
  inspect(id: string): Promise<InspectFacts>;
  /** The scenario as files for a real cluster: manifests for kubectl apply, the kind config. */
  exportFiles(input: ExportInput): Promise<ScenarioExport>;
  /**
   * The URL's host name when it does not resolve from `from` in the latest simulation (the request
   * bar's warning), or null when it does, is an IP, or cannot be judged.
   */
  unresolvedHost(from: string, url: string): Promise<string | null>;
  dispose(): void;
}

/** Messages over the Worker boundary: a typed op map (use-cannon's CannonMessageMap idea). */
export type EngineRequestMessage =
  | {
      op: 'simulate';
      id: number;
      generation: number;
      input: SimulationInput;
      edit?: boolean;
      holdRemovals?: boolean;
    }
  | { op: 'readAhead'; id: number; files: SourceFile[] }
  | { op: 'route'; id: number; requests: RequestSpec[] }
  | { op: 'runCommand'; id: number; line: string; session: ShellSession | null }
  | { op: 'complete'; id: number; line: string; cursor: number; session: ShellSession }
  | { op: 'inspect'; id: number; target: string }
  | { op: 'exportFiles'; id: number; input: ExportInput }
  | { op: 'unresolvedHost'; id: number; from: string; url: string };

export type EngineReplyMessage =
  | {
      op: 'simulate';
      id: number;
      reply: SimulateReply;
      /**
       * The Worker sends `reply.sim` as null and the simulation as a delta against the one it sent before
       * (structuralDelta.ts): an edit crosses as what it changed, not as the whole cluster.
       */
      simDelta?: Delta;
      /**
       * `sim.files` is the text the page sent (it usually is): the delta leaves it out and the page
       * puts back its own copy, so a keystroke does not send the whole YAML back.
       */
      filesFromInput?: boolean;
    }
  | { op: 'readAhead'; id: number; reply: null }
  | { op: 'route'; id: number; reply: RouteReply }
  | { op: 'runCommand'; id: number; reply: CommandReply }
  | { op: 'complete'; id: number; reply: Completion | null }
  | { op: 'inspect'; id: number; reply: InspectFacts }
  | { op: 'exportFiles'; id: number; reply: ScenarioExport }
  | { op: 'unresolvedHost'; id: number; reply: string | null };

/** Everything the Worker posts: the replies, and once, when its script has loaded, that it is ready. */
export type EngineWorkerMessage = EngineReplyMessage | { op: 'ready' };
