/**
 * The scenario <-> share link (the URL fragment), through src/share. A link wins over the autosave
 * when the page opens with one; a broken link is reported, never thrown.
 */
import { decodeScenario, encodeScenario } from '../share/index.ts';
import type { SharedScenario } from '../share/index.ts';
import type { ScenarioState } from './scenarioStore.ts';
import type { ViewState } from './viewStore.ts';

export interface OpenedLink {
  scenario: ScenarioState;
  positions: ViewState['positions'];
  selection: string | null;
  draft: { from: string; url: string } | null;
}

export type LinkResult = { ok: true; link: OpenedLink } | { ok: false; error: string } | null;

/** `#z1.…` or `#lz.…` -> the scenario to open; null when there is no link at all. */
export function openShareLink(hash: string): LinkResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return null;
  const result = decodeScenario(text);
  if (!result.ok) return { ok: false, error: result.error.message };
  const shared = result.scenario;
  return {
    ok: true,
    link: {
      scenario: { scenarioId: 'custom', yaml: shared.yaml, seed: shared.seed, actions: shared.actions },
      positions: shared.layout ?? {},
      selection: shared.view?.selected ?? null,
      draft: shared.view?.request ?? null,
    },
  };
}

/** The fragment (without `#`) that reopens this scenario and layout. */
export function makeShareLink(
  scenario: ScenarioState,
  view: Pick<ViewState, 'positions' | 'selection'>,
): string {
  const shared: SharedScenario = {
    yaml: scenario.yaml,
    seed: scenario.seed,
    actions: scenario.actions,
    ...(Object.keys(view.positions).length ? { layout: view.positions } : {}),
    ...(view.selection ? { view: { selected: view.selection } } : {}),
  };
  return encodeScenario(shared);
}
