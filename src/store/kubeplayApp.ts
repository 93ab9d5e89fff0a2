/**
 * The app's controller: it owns the four stores and the engine client, and turns what a person does
 * (type YAML, pick a scenario, take an action, send requests) into store updates. Components call these
 * functions; they never call `setState` themselves (zustand's no-store-actions guide).
 */
import { createShellSession, sameCluster } from '../engine/index.ts';
import type {
  Action,
  ClusterState,
  Completion,
  Diagnostic,
  GraphId,
  QuickFix,
  RequestSpec,
  ScenarioExport,
  ShellSession,
  YamlLocation,
} from '../engine/index.ts';
import type { LessonEvent } from '../lessons/index.ts';
import type { CommandReply, EngineClient, InspectFacts } from '../worker/engineApi.ts';
import { NO_GRAPH_FACTS } from '../worker/graphFacts.ts';
import { createAllocationMemory } from './allocationMemory.ts';
import { createAppEvents } from './appEvents.ts';
import { startAllocations, startScenario, startView } from './appStartState.ts';
import { createAppTraffic } from './appTraffic.ts';
import { createAppYamlLinks } from './appYamlLinks.ts';
import { listLimitsEarly } from './earlyLimits.ts';
import type { EarlyLimitCheck } from './earlyLimits.ts';
import { onlyTimePassed } from './onlyTimePassed.ts';
import type { BuildInput } from './onlyTimePassed.ts';
import { createPageClock } from './pageClock.ts';
import { saveScenario } from './persistence.ts';
import { viewOfOpenedLink } from './linkView.ts';
import type { OpenedLink } from './shareLink.ts';
import type { KeyValueStorage } from './persistence.ts';
import { suggestFirstRequest as suggestRequest } from './requestDraft.ts';
import { appendAction, createScenarioStore, loadScenario, setYaml } from './scenarioStore.ts';
import type { ScenarioState, ScenarioStore } from './scenarioStore.ts';
import { applyEngineError, applySimulation, createSimulationStore } from './simulationStore.ts';
import type { SimulationStore } from './simulationStore.ts';
import { clearTraffic, createTrafficStore, markTrafficStale } from './trafficStore.ts';
import type { TrafficStore } from './trafficStore.ts';
import { createViewStore, showBottomTab } from './viewStore.ts';
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
  let earlyLimits: EarlyLimitCheck | null = null;
  // The text of a link opened (at start or since) that neither the early check nor the engine has
  // answered yet. Its first answer that breaks a playground limit opens the problems list on it: a
  // link that draws an empty cluster says why at once, not one click away.
  let linkUnanswered: string | null = link ? link.scenario.yaml : null;
  function answerLink(diagnostics: readonly Diagnostic[]): void {
    linkUnanswered = null;
    if (diagnostics.some((d) => d.code?.startsWith('limit-'))) showBottomTab(view, 'problems');
  }
  const view = createViewStore(startView(link, storage));
  const traffic = createTrafficStore();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  let laptopFiles: Record<string, string> = {};
  const events = createAppEvents();
  const report = events.report;
  const requests = createAppTraffic({ engine, traffic, view, now, ready: () => running, report });
  // Engine runs started and not yet answered (a run is also pending while `timer` waits).
  let runsInFlight = 0;
  const yamlLinks = createAppYamlLinks(
    MANIFEST_FILE,
    { scenario, simulation, view },
    () => timer !== null || runsInFlight > 0,
  );
  const ringCursorDocument = yamlLinks.ringCursorDocument;
  // Simulated time passes by itself while the cluster is due to change (a pod's grace period).
  // The scenario as the page clock's last wait left it. Time passing on its own is not work: it is not
  // autosaved by itself (an idle tab must not overwrite what another tab saved, nor count as newer
  // work there); the next edit or action saves it with the rest.
  let timePassedOnly: unknown = null;
  let clockWaiting = false;
  const clock = createPageClock({
    now,
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

  // Whether the next run may build on the latest cluster (an edit) or must start over (a load, a link).
  let nextRunIsEdit = false;
  // What the cluster on screen was built from (to tell an edit from time passing).
  let lastApplied: BuildInput | null = null;

  // Typing is autosaved once it pauses and the engine has answered, not at each key: at 1,000 pods a
  // save (the text and the allocation ledger as JSON in localStorage) cost the main thread more than
  // the graph's update (docs/performance.md, "A keystroke at 1,000 pods"). The page saves what waits
  // when it is hidden.
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let typedUnsaved = false;
  // The engine's latest build while typing: its allocations are recorded when the save happens.
  let builtUnsaved: { input: Pick<ScenarioState, 'yaml' | 'seed' | 'actions'>; state: ClusterState } | null =
    null;

  function saveWhenTypingPauses(): void {
    typedUnsaved = true;
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveOnceBuilt, settleMs);
  }

  /** The pause is over: save, unless the engine is still building (its answer restarts the wait). */
  function saveOnceBuilt(): void {
    saveTimer = null;
    if (timer === null && runsInFlight === 0) saveNow();
  }

  function saveNow(): void {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    const changed = builtUnsaved !== null && allocations.remember(builtUnsaved.input, builtUnsaved.state);
    builtUnsaved = null;
    const current = scenario.getState();
    const ledger = allocations.ledgerFor(current);
    if (typedUnsaved || (changed && ledger && current !== timePassedOnly))
      saveScenario(storage, current, undefined, ledger);
    typedUnsaved = false;
  }

  /** `hold`: the user may still be typing, so an edit that removes something waits (held). */
  async function runEngine(hold = false): Promise<void> {
    runsInFlight += 1;
    try {
      await buildLatest(hold);
    } finally {
      runsInFlight -= 1;
    }
  }

  /**
   * After the graph: the cursor ring reads the YAML on the main thread, so it waits one task and
   * React draws the new cluster first (docs/editing.md#performance).
   */
  function ringAfterRender(): void {
    setTimeout(() => void ringCursorDocument(), 0);
  }

  async function buildLatest(hold: boolean): Promise<void> {
    const { yaml, seed, actions } = scenario.getState();
    const edit = nextRunIsEdit;
    nextRunIsEdit = true;
    const restore = allocations.takeRestore();
    const reply = await engine.simulate(
      {
        files: [{ file: MANIFEST_FILE, text: yaml }],
        seed,
        actions,
        ...(restore && !edit ? { allocations: restore } : {}),
      },
      { edit, holdRemovals: edit && hold },
    );
    if (!reply) return; // superseded by a later edit
    if (reply.sim?.held) {
      // The cluster on screen stays (with any action just taken); the text is sent again once the
      // typing pauses, unless another keystroke comes first and schedules its own run.
      applySimulation(simulation, reply.sim, reply.graph ?? NO_GRAPH_FACTS);
      clock.update(reply.time);
      schedule(Math.max(0, lastTypedAt + settleMs - now()));
      return;
    }
    if (reply.sim) {
      const before = simulation.getState().sim;
      applySimulation(simulation, reply.sim, reply.graph ?? NO_GRAPH_FACTS);
      if (linkUnanswered !== null && yaml === linkUnanswered) answerLink(reply.sim.diagnostics);
      clock.update(reply.time);
      // The autosave gets the allocations of what is on screen, once the engine built the saved text
      // (while typing: when the typing pauses).
      builtUnsaved = { input: { yaml, seed, actions }, state: reply.sim.state };
      if (typedUnsaved) saveWhenTypingPauses();
      else saveNow();
      // A request drawn on the cluster before this change no longer tells the truth about this one;
      // time passing on its own (a new pod turning ready) is not an earlier version of the YAML.
      const input = { yaml, seed, actions };
      const timeOnly = lastApplied !== null && onlyTimePassed(lastApplied, input);
      lastApplied = input;
      if (before && !timeOnly && !sameCluster(before, reply.sim)) markTrafficStale(traffic);
      ringAfterRender();
      if (view.getState().draftPristine) suggestFirstRequest(edit);
    } else {
      applyEngineError(simulation, reply.error ?? 'The engine failed.');
      if (typedUnsaved) saveWhenTypingPauses();
      ringAfterRender();
    }
  }

  function schedule(delay: number, hold = false): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = runEngine(hold);
    }, delay);
  }

  /**
   * Sends the text to the engine within this task. A timer, even of 0 ms, waited behind the editor's
   * drawing of a pasted 170 KB text (two frames, about 400 ms in a traced 1,000-pod paste), while the
   * engine's Worker, on the other core, had nothing to do (docs/performance.md, "The paste at 1,000
   * pods"). Nothing is held: a held build of a pasted scenario was thrown away (the cluster on screen
   * stays) and the same text built again once typing had paused, a second build before the graph.
   */
  function runNow(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    running = runEngine(false);
  }

  const unsubscribe = scenario.subscribe((next, previous) => {
    const onlyYaml =
      next.yaml !== previous.yaml && next.seed === previous.seed && next.actions === previous.actions;
    if (onlyYaml && !clockWaiting) saveWhenTypingPauses();
    else if (!clockWaiting) {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      typedUnsaved = false;
      saveScenario(storage, next, undefined, allocations.ledgerFor(next));
    }
    // Typing or an action changes one thing and builds on the cluster on screen (allocations stay with
    // their objects); a new scenario or an opened link replaces everything and starts from scratch.
    const isEdit =
      next.scenarioId === previous.scenarioId &&
      next.seed === previous.seed &&
      (next.yaml === previous.yaml || next.actions === previous.actions);
    if (!isEdit) nextRunIsEdit = false;
    if (onlyYaml) lastTypedAt = now();
    // The page clock's own waits keep holding what the typing has not settled; anything else commits.
    // A paste or a cut of a whole block is one change, not keys to gather nor half-typed text: it goes
    // to the engine now and commits what it removes, as an action does (docs/editing.md).
    if (onlyYaml && isBulkChange(previous.yaml, next.yaml)) runNow();
    else schedule(onlyYaml ? debounceMs : 0, onlyYaml || (clockWaiting && typingRecently()));
  });
  running = runEngine();

  function suggestFirstRequest(edit: boolean): void {
    const state = simulation.getState().sim?.state;
    if (state) suggestRequest(view, state, edit);
  }

  /** Runs a pending rebuild now; with `hold`, an edit that removes something may still wait. */
  async function flushEngine(hold = false): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
      running = runEngine(hold);
    }
    await running;
    if (typedUnsaved || builtUnsaved) saveNow();
  }

  /** The link's text through the early check, if neither it nor the engine answered it yet. */
  function checkLinkEarly(check: EarlyLimitCheck): boolean {
    const text = linkUnanswered;
    if (text === null || scenario.getState().yaml !== text) return false;
    if (!listLimitsEarly(check, MANIFEST_FILE, text, simulation)) return false;
    answerLink(simulation.getState().diagnostics);
    return true;
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
    async runCommand(line, given) {
      await running;
      // The laptop's files (a lesson's) join the session; files the student wrote win.
      const session =
        Object.keys(laptopFiles).length === 0
          ? given
          : { ...(given ?? createShellSession()), files: { ...laptopFiles, ...(given?.files ?? {}) } };
      const reply = await engine.runCommand(line, session);
      if (reply.actions.length > 0) {
        for (const action of reply.actions) appendAction(scenario, action);
        // Rebuild now, not after the debounce: the next line must see the replayed cluster the graph shows.
        if (timer !== null) {
          clearTimeout(timer);
          timer = null;
          running = runEngine();
        }
        await running;
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
      await running;
      return engine.inspect(id);
    },
    async unresolvedHost(from, url) {
      await running;
      return engine.unresolvedHost(from, url);
    },
    async shareLink() {
      // The link codec loads on first use: it stays out of the page's initial JavaScript.
      const { makeShareLink } = await import('./shareLink.ts');
      return makeShareLink(scenario.getState(), view.getState());
    },
    flush: flushEngine,
    saveNow() {
      if (typedUnsaved || builtUnsaved) saveNow();
    },
    onEvent: events.onEvent,
    setLaptopFiles(files) {
      laptopFiles = { ...files };
    },
    openLink(opened) {
      clearTraffic(traffic);
      // The view first, so the graph lays the new cluster out with the link's positions.
      view.setState({ ...viewOfOpenedLink(opened), stepHop: 0 });
      scenario.setState({ ...opened.scenario });
      linkUnanswered = opened.scenario.yaml;
      if (earlyLimits) checkLinkEarly(earlyLimits);
    },
    adoptEarlyLimitCheck(check) {
      earlyLimits = check;
      return checkLinkEarly(check);
    },
    showInYaml: yamlLinks.showInYaml,
    revealInYaml: yamlLinks.revealInYaml,
    moveEditorCursor: yamlLinks.moveEditorCursor,
    applyQuickFix: yamlLinks.applyQuickFix,
    dispose() {
      events.clear();
      if (timer !== null) clearTimeout(timer);
      if (saveTimer !== null) clearTimeout(saveTimer);
      clock.dispose();
      unsubscribe();
      engine.dispose();
    },
  };
  return app;
}
