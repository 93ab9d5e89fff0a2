/**
 * A share link's scenario on screen, and its first answer. A link whose scenario breaks a playground
 * limit opens the problems list on the message the first time it is answered, by the engine or by the
 * early check the page loads when it opens a link (earlyLimits.ts): a link that draws an empty cluster
 * says why at once, not one click away.
 */
import type { Diagnostic } from '../engine/index.ts';
import { listLimitsEarly } from './earlyLimits.ts';
import type { EarlyLimitCheck } from './earlyLimits.ts';
import { viewOfOpenedLink } from './linkView.ts';
import type { ScenarioStore } from './scenarioStore.ts';
import type { OpenedLink } from './shareLink.ts';
import type { SimulationStore } from './simulationStore.ts';
import { clearTraffic } from './trafficStore.ts';
import type { TrafficStore } from './trafficStore.ts';
import { showBottomTab } from './viewStore.ts';
import type { ViewStore } from './viewStore.ts';

export interface AppLinkOpening {
  /** Replaces what is on screen with the link's view and scenario, and clears the old cluster's traffic. */
  open(link: OpenedLink): void;
  /** The engine answered `yaml` with these diagnostics: the link's first answer, if it is the link's text. */
  answered(yaml: string, diagnostics: readonly Diagnostic[]): void;
  /** Takes the early limit check; true when the link on screen breaks a limit (KubeplayApp.adoptEarlyLimitCheck). */
  adoptEarlyLimitCheck(check: EarlyLimitCheck): boolean;
}

export function createAppLinkOpening(
  stores: { scenario: ScenarioStore; simulation: SimulationStore; view: ViewStore; traffic: TrafficStore },
  file: string,
  openedAtStart: OpenedLink | null,
): AppLinkOpening {
  const { scenario, simulation, view, traffic } = stores;
  let earlyLimits: EarlyLimitCheck | null = null;
  // The text of a link opened (at start or since) that neither the early check nor the engine has
  // answered yet.
  let unanswered: string | null = openedAtStart ? openedAtStart.scenario.yaml : null;

  function answer(diagnostics: readonly Diagnostic[]): void {
    unanswered = null;
    if (diagnostics.some((d) => d.code?.startsWith('limit-'))) showBottomTab(view, 'problems');
  }

  /** The link's text through the early check, if neither it nor the engine answered it yet. */
  function checkEarly(check: EarlyLimitCheck): boolean {
    const text = unanswered;
    if (text === null || scenario.getState().yaml !== text) return false;
    if (!listLimitsEarly(check, file, text, simulation)) return false;
    answer(simulation.getState().diagnostics);
    return true;
  }

  return {
    open(link) {
      clearTraffic(traffic);
      // The view first, so the graph lays the new cluster out with the link's positions.
      view.setState({ ...viewOfOpenedLink(link), stepHop: 0 });
      scenario.setState({ ...link.scenario });
      unanswered = link.scenario.yaml;
      if (earlyLimits) checkEarly(earlyLimits);
    },
    answered(yaml, diagnostics) {
      if (unanswered !== null && yaml === unanswered) answer(diagnostics);
    },
    adoptEarlyLimitCheck(check) {
      earlyLimits = check;
      return checkEarly(check);
    },
  };
}
