/**
 * The app's controller: it owns the four stores and the engine client, and turns what a person does
 * (type YAML, pick a scenario, take an action, send requests) into store updates. Components call these
 * functions; they never call `setState` themselves (zustand's no-store-actions guide).
 */
import type {
  Action,
  Completion,
  GraphId,
  QuickFix,
  RequestSpec,
  ScenarioExport,
  ShellSession,
  YamlLocation,
} from '../engine/index.ts';
import type { LessonEvent } from '../lessons/index.ts';
import type { CommandReply, EngineClient, InspectFacts } from '../worker/engineApi.ts';
import { createAllocationMemory } from './allocationMemory.ts';
import { createAppAutosave } from './appAutosave.ts';
import { createBuildAnswer } from './appBuildAnswer.ts';
import { createBuildLoop } from './appBuildLoop.ts';
import { createAppEvents } from './appEvents.ts';
import { createAppLinkOpening } from './appLinkOpening.ts';
import { createAppTerminal } from './appTerminal.ts';
import { startAllocations, startScenario, startView } from './appStartState.ts';
import { createAppTraffic } from './appTraffic.ts';
import { createAppYamlLinks } from './appYamlLinks.ts';
import type { EarlyLimitCheck } from './earlyLimits.ts';
import { createPageClock } from './pageClock.ts';
import type { OpenedLink } from './shareLink.ts';
import type { KeyValueStorage } from './persistence.ts';
import { appendAction, createScenarioStore, loadScenario, setYaml } from './scenarioStore.ts';
import type { ScenarioStore } from './scenarioStore.ts';
import { createSimulationStore } from './simulationStore.ts';
import type { SimulationStore } from './simulationStore.ts';
import { clearTraffic, createTrafficStore } from './trafficStore.ts';
import type { TrafficStore } from './trafficStore.ts';
import { createViewStore } from './viewStore.ts';
import { resetViewForNewScenario } from './viewActions.ts';
import type { ViewStore } from './viewStore.ts';
import { isBulkChange } from './bulkChange.ts';

export interface ScenarioEntry {
  id: string;
  title: string;
  yaml: string;
}

export interface TrafficPlan {
  from: GraphId[];
  url: string;
  count: number;
  /** Requests per second; they are routed at once but start their animation paced. */
  ratePerSecond: number;
  /** Host header for every request (curl -H 'Host: …'). */
  host?: string;
}

export interface KubeplayApp {
  scenario: ScenarioStore;
  simulation: SimulationStore;
  view: ViewStore;
  traffic: TrafficStore;
  scenarios: ScenarioEntry[];
  editYaml(text: string): void;
  /**
   * The editor is taking a paste that will make the YAML `text`. A block big enough to go to the engine
   * at once (bulkChange.ts) is read by the engine now, while the editor is still taking it; the change
   * the editor then reports runs as always (docs/performance.md, "The paste at 1,000 pods").
   */
  readPasteAhead(text: string): void;
  chooseScenario(id: string): void;
  perform(action: Action): void;
  sendRequest(spec: RequestSpec): Promise<void>;
  sendTraffic(plan: TrafficPlan): Promise<void>;
  /**
   * Runs one terminal line where the simulation lives. Its actions join the scenario's log (so they
   * replay and go into share links) and its requests animate like the request bar's.
   */
  runCommand(line: string, session: ShellSession | null): Promise<CommandReply>;
  /** Tab completion for the terminal. */
  complete(line: string, cursor: number, session: ShellSession): Promise<Completion | null>;
  /** Engine-computed facts about one object (env, resolv.conf, DNS records) for the inspector. */
  inspect(id: GraphId): Promise<InspectFacts>;
  /** The URL's host when it does not resolve from `from` on the cluster shown (the request bar's warning). */
  unresolvedHost(from: GraphId, url: string): Promise<string | null>;
  /** The scenario (YAML and what was done since) as files for kubectl apply and kind create cluster. */
  exportFiles(): Promise<ScenarioExport>;
  /** What exported files are named after: the bundled scenario's id, else `kubeplay-scenario`. */
  fileBaseName(): string;
  /** The share link (URL fragment, without `#`) for what is on screen. */
  shareLink(): Promise<string>;
  /**
   * Re-run the engine now (skips the typing debounce). Resolves when the reply is applied and the
   * autosave is written.
   */
  flush(): Promise<void>;
  /** Writes the autosave now if typing left it waiting (the page is being hidden or closed). */
  saveNow(): void;
  /**
   * What the person did, reported once the simulation shows its effect: a terminal line, a request
   * from the request bar, an action from the graph. Lessons listen. Returns the unsubscribe.
   */
  onEvent(listener: (event: LessonEvent) => void): () => void;
  /** "Show in YAML": reveal a blamed field in the editor and highlight its line (only the editor's own file). */
  showInYaml(location: YamlLocation): void;
  /**
   * A graph object's document in the editor (a pod's is its controller's): opens the YAML, scrolls to
   * the document and flashes its first line. An object no document made (CoreDNS, a command's) says so.
   */
  revealInYaml(id: GraphId): void;
  /**
   * The editor's cursor is on `line` (1-based), or left the editor (null): the graph rings what the
   * document under it made, kept up to date while the cluster changes.
   */
  moveEditorCursor(line: number | null): void;
  /** Apply a request explanation's quick fix in the editor, as one edit Ctrl+Z undoes. */
  applyQuickFix(fix: QuickFix): void;
  /** Files on the laptop for `kubectl apply -f NAME` (a lesson's), added to every terminal session. */
  setLaptopFiles(files: Record<string, string>): void;
  /**
   * Replaces what is on screen with a share link's scenario (after the person chose it over their own
   * work): the view the link carries, its scenario, and no leftover traffic from the old cluster.
   */
  openLink(link: OpenedLink): void;
  /**
   * Takes the engine's early limit check (earlyLimits.ts), which the page loads when it opens a link, so
   * a link's scenario over the playground's limits lists the engine's message before the engine has
   * answered: a link already open now (unless the engine answered first), a link opened later when it
   * opens. Either answer, early or the engine's, opens the problems list on a limit's message. True
   * when the link on screen breaks a limit.
   */
  adoptEarlyLimitCheck(check: EarlyLimitCheck): boolean;
  dispose(): void;
}

export interface KubeplayAppOptions {
  engine: EngineClient;
  scenarios: ScenarioEntry[];
  storage: KeyValueStorage | null;
  /** Wall clock in ms (performance.now in the browser). */
  now: () => number;
  /**
   * Wait after the last keystroke before re-running the engine: long enough to gather a key held
   * down or a burst faster than ~20 keys a second, short enough that a digit typed at 1,000 pods
   * shows on the graph within 200 ms (issue 10; docs/performance.md, "The typing debounce").
   */
  debounceMs?: number;
  /**
   * How long typing must pause before an edit that removes something (a pod, an object) is applied;
   * until then the engine holds it (EditOptions.holdRemovals).
   */
  settleMs?: number;
  /** A scenario opened from a share link: it wins over the autosave. */
  link?: OpenedLink | null;
}

export const MANIFEST_FILE = 'manifest.yaml';

export function createKubeplayApp(options: KubeplayAppOptions): KubeplayApp {
  const { engine, scenarios, storage, now } = options;
  const debounceMs = options.debounceMs ?? 50;
  // Longer than the gap between two keys of a person typing (Backspace, then the new digit), short
  // enough to read as "when I stop typing" (docs/editing.md, "Held while typing").
  const settleMs = options.settleMs ?? 600;
  let lastTypedAt = Number.NEGATIVE_INFINITY;
  const typingRecently = () => now() - lastTypedAt < settleMs;
  const first = scenarios[0] ?? { id: 'empty', title: 'Empty', yaml: '' };
  const link = options.link ?? null;
  const scenario = createScenarioStore(startScenario(link, storage, first));
  // A reload shows the pods the page showed before it (their names and addresses), not a fresh draw.
  const allocations = createAllocationMemory(startAllocations(link, storage));
  const simulation = createSimulationStore();
  const view = createViewStore(startView(link, storage));
  const traffic = createTrafficStore();
  const links = createAppLinkOpening({ scenario, simulation, view, traffic }, MANIFEST_FILE, link);
  const events = createAppEvents();
  const report = events.report;
  const builds = createBuildLoop({
    engine,
    scenario,
    allocations,
    file: MANIFEST_FILE,
    // The answer is defined below; the first one comes back after this function has returned.
    apply: (reply, input, edit) => answerBuild(reply, input, edit),
    heldRetryDelay: () => Math.max(0, lastTypedAt + settleMs - now()),
  });
  const requests = createAppTraffic({ engine, traffic, view, now, ready: builds.settled, report });
  const terminal = createAppTerminal({ engine, scenario, builds, requests, report });
  const yamlLinks = createAppYamlLinks(MANIFEST_FILE, { scenario, simulation, view }, builds.busy);
  // Simulated time passes by itself while the cluster is due to change (a pod's grace period).
  // The scenario as the page clock's last wait left it: not work to autosave by itself.
  let timePassedOnly: unknown = null;
  let clockWaiting = false;
  const clock = createPageClock({
    now,
    rebuild: () => builds.schedule(0),
    wait: (seconds) => {
      clockWaiting = true;
      try {
        app.perform({ type: 'wait', seconds });
      } finally {
        clockWaiting = false;
      }
      timePassedOnly = scenario.getState();
    },
  });
  const autosave = createAppAutosave({
    storage,
    scenario,
    allocations,
    settleMs,
    building: builds.busy,
    timePassedOnly: () => timePassedOnly,
  });
  const answerBuild = createBuildAnswer({
    simulation,
    view,
    traffic,
    clock,
    autosave,
    links,
    ringCursorDocument: () => void yamlLinks.ringCursorDocument(),
  });

  const unsubscribe = scenario.subscribe((next, previous) => {
    const onlyYaml =
      next.yaml !== previous.yaml && next.seed === previous.seed && next.actions === previous.actions;
    if (onlyYaml && !clockWaiting) autosave.typed();
    else if (!clockWaiting) autosave.changed(next);
    // Typing or an action changes one thing and builds on the cluster on screen (allocations stay with
    // their objects); a new scenario or an opened link replaces everything and starts from scratch.
    const isEdit =
      next.scenarioId === previous.scenarioId &&
      next.seed === previous.seed &&
      (next.yaml === previous.yaml || next.actions === previous.actions);
    if (!isEdit) builds.startOver();
    if (onlyYaml) lastTypedAt = now();
    // The page clock's own waits keep holding what the typing has not settled; anything else commits.
    // A paste or a cut of a whole block is one change, not keys to gather nor half-typed text: it goes
    // to the engine now and commits what it removes, as an action does (docs/editing.md). Within this
    // task: a timer, even of 0 ms, waited behind the editor's drawing of a pasted 170 KB text while the
    // engine's Worker had nothing to do (docs/performance.md, "The paste at 1,000 pods").
    if (onlyYaml && isBulkChange(previous.yaml, next.yaml)) builds.runNow();
    else builds.schedule(onlyYaml ? debounceMs : 0, onlyYaml || (clockWaiting && typingRecently()));
  });

  /** Runs a pending rebuild now; with `hold`, an edit that removes something may still wait. */
  async function flushEngine(hold = false): Promise<void> {
    await builds.flush(hold);
    autosave.saveIfWaiting();
  }

  function fileBaseName(): string {
    const { scenarioId } = scenario.getState();
    return scenarios.some((entry) => entry.id === scenarioId) ? scenarioId : 'kubeplay-scenario';
  }

  const app: KubeplayApp = {
    scenario,
    simulation,
    view,
    traffic,
    scenarios,
    editYaml(text) {
      setYaml(scenario, text);
    },
    readPasteAhead(text) {
      if (isBulkChange(scenario.getState().yaml, text)) engine.readAhead([{ file: MANIFEST_FILE, text }]);
    },
    chooseScenario(id) {
      const entry = scenarios.find((s) => s.id === id);
      if (!entry) return;
      loadScenario(scenario, entry.id, entry.yaml);
      clearTraffic(traffic);
      resetViewForNewScenario(view);
    },
    perform(action) {
      appendAction(scenario, action);
      void flushEngine(clockWaiting && typingRecently()).then(() => report({ type: 'action', action }));
    },
    sendRequest: requests.sendRequest,
    sendTraffic: requests.sendTraffic,
    runCommand: terminal.runCommand,
    complete: terminal.complete,
    async exportFiles() {
      await flushEngine();
      const { yaml, actions, scenarioId } = scenario.getState();
      const bundled = scenarios.find((entry) => entry.id === scenarioId);
      return engine.exportFiles({
        yaml,
        actions,
        baseName: fileBaseName(),
        ...(bundled ? { title: bundled.title } : {}),
      });
    },
    fileBaseName,
    async inspect(id) {
      await builds.settled();
      return engine.inspect(id);
    },
    async unresolvedHost(from, url) {
      await builds.settled();
      return engine.unresolvedHost(from, url);
    },
    async shareLink() {
      // The link codec loads on first use: it stays out of the page's initial JavaScript.
      const { makeShareLink } = await import('./shareLink.ts');
      return makeShareLink(scenario.getState(), view.getState());
    },
    flush: flushEngine,
    saveNow: autosave.saveIfWaiting,
    onEvent: events.onEvent,
    setLaptopFiles: terminal.setLaptopFiles,
    openLink: links.open,
    adoptEarlyLimitCheck: links.adoptEarlyLimitCheck,
    showInYaml: yamlLinks.showInYaml,
    revealInYaml: yamlLinks.revealInYaml,
    moveEditorCursor: yamlLinks.moveEditorCursor,
    applyQuickFix: yamlLinks.applyQuickFix,
    dispose() {
      events.clear();
      builds.dispose();
      autosave.dispose();
      clock.dispose();
      unsubscribe();
      engine.dispose();
    },
  };
  return app;
}
