/**
 * What the engine's answer to the latest build does to the page: the simulation and what the graph
 * needs of it, the page clock, the autosave, a link's first answer, the traffic drawn on the cluster
 * before it (stale now), the cursor's ring in the YAML and the first request suggested.
 */
import { sameCluster } from '../engine/index.ts';
import type { SimulateReply } from '../worker/engineApi.ts';
import { NO_GRAPH_FACTS } from '../worker/graphFacts.ts';
import type { AppAutosave } from './appAutosave.ts';
import type { BuiltFrom } from './appBuildLoop.ts';
import type { AppLinkOpening } from './appLinkOpening.ts';
import { onlyTimePassed } from './onlyTimePassed.ts';
import type { BuildInput } from './onlyTimePassed.ts';
import type { PageClock } from './pageClock.ts';
import { suggestFirstRequest } from './requestDraft.ts';
import { applyEngineError, applySimulation } from './simulationStore.ts';
import type { SimulationStore } from './simulationStore.ts';
import { markTrafficStale } from './trafficStore.ts';
import type { TrafficStore } from './trafficStore.ts';
import type { ViewStore } from './viewStore.ts';

export interface BuildAnswerDeps {
  simulation: SimulationStore;
  view: ViewStore;
  traffic: TrafficStore;
  clock: PageClock;
  autosave: AppAutosave;
  links: AppLinkOpening;
  /** Rings what the document under the editor's cursor made (it reads the YAML on the main thread). */
  ringCursorDocument(): void;
}

export function createBuildAnswer(
  deps: BuildAnswerDeps,
): (reply: SimulateReply, input: BuiltFrom, edit: boolean) => void {
  const { simulation, view, traffic, clock, autosave, links } = deps;
  // What the cluster on screen was built from (to tell an edit from time passing).
  let lastApplied: BuildInput | null = null;

  /**
   * After the graph: the cursor ring reads the YAML on the main thread, so it waits one task and
   * React draws the new cluster first (docs/editing.md#performance).
   */
  const ringAfterRender = () => setTimeout(deps.ringCursorDocument, 0);

  return (reply, input, edit) => {
    if (reply.sim?.held) {
      // The cluster on screen stays; the build loop sends the text again once the typing pauses.
      applySimulation(simulation, reply.sim, reply.graph ?? NO_GRAPH_FACTS);
      clock.update(reply.time);
      return;
    }
    if (!reply.sim) {
      applyEngineError(simulation, reply.error ?? 'The engine failed.');
      clock.failed();
      autosave.failed();
      ringAfterRender();
      return;
    }
    const before = simulation.getState().sim;
    applySimulation(simulation, reply.sim, reply.graph ?? NO_GRAPH_FACTS);
    links.answered(input.yaml, reply.sim.diagnostics);
    clock.update(reply.time);
    // The autosave gets the allocations of what is on screen, once the engine built the saved text
    // (while typing: when the typing pauses).
    autosave.built(input, reply.sim.state);
    // A request drawn on the cluster before this change no longer tells the truth about this one;
    // time passing on its own (a new pod turning ready) is not an earlier version of the YAML.
    const timeOnly = lastApplied !== null && onlyTimePassed(lastApplied, input);
    lastApplied = input;
    if (before && !timeOnly && !sameCluster(before, reply.sim)) markTrafficStale(traffic);
    ringAfterRender();
    if (view.getState().draftPristine) suggestFirstRequest(view, reply.sim.state, edit);
  };
}
