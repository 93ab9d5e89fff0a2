/**
 * What the page does with the link it was opened with, decided before the app starts. The rule: a
 * link never silently replaces work of the user's own. Pure (inputs in, a plan out) so it is unit tested.
 */
import { openShareLink } from '../../store/shareLink.ts';
import type { OpenedLink } from '../../store/shareLink.ts';
import type { ScenarioState } from '../../store/scenarioStore.ts';
import { getEmbedMode } from './embedMode.ts';
import { planWithoutLink } from './planOpening.ts';
import type { EmbedMode } from './embedMode.ts';

export interface LinkOpeningInput {
  /** `location.hash`, with or without `#`. */
  hash: string;
  /** `location.search`. */
  search: string;
  /** The autosaved scenario, if any. */
  saved: ScenarioState | null;
  /** The bundled scenarios, to tell a pristine example from the user's own work. */
  bundled: { id: string; yaml: string }[];
}

export interface LinkOpeningPlan {
  embed: EmbedMode | null;
  /** True when the link's fragment itself asks for embed mode (`view.embed`). */
  linkEmbed: boolean;
  /** Open this at start (it wins over the autosave). */
  open: OpenedLink | null;
  /** Ask first: the user has autosaved work of their own that differs from this link. */
  ask: OpenedLink | null;
  /**
   * A link was there but could not be opened: why, in the codec's words (English; LinkErrorAlert puts it
   * in a translated sentence). The user's work is kept.
   */
  error: string | null;
  /** Whether the app may autosave (never in embed mode: an iframe must not overwrite the user's work). */
  autosave: boolean;
}

export function planLinkOpening(input: LinkOpeningInput): LinkOpeningPlan {
  const opened = openShareLink(input.hash);
  if (!opened) return planWithoutLink(input.search);
  const linkEmbed = opened.ok && opened.link.embed === true;
  const embed = getEmbedMode(input.search, linkEmbed);
  const base = { embed, linkEmbed, autosave: embed === null };
  if (!opened.ok) {
    return { ...base, open: null, ask: null, error: opened.error };
  }
  const link = withBundledId(opened.link, input.bundled);
  const conflict = embed === null && input.saved !== null && isOwnWork(input.saved, input.bundled);
  if (conflict && input.saved && !isSameScenario(input.saved, link.scenario)) {
    return { ...base, open: null, ask: link, error: null };
  }
  return { ...base, open: link, ask: null, error: null };
}

/** Same yaml, seed and actions: the same cluster (state = f(yaml, seed, actions)). */
export function isSameScenario(a: ScenarioState, b: ScenarioState): boolean {
  return a.yaml === b.yaml && a.seed === b.seed && JSON.stringify(a.actions) === JSON.stringify(b.actions);
}

/** A bundled example left as it was is nothing to lose; anything edited, scaled or re-seeded is. */
function isOwnWork(saved: ScenarioState, bundled: { id: string; yaml: string }[]): boolean {
  const example = bundled.find((s) => s.id === saved.scenarioId);
  const pristine = example?.yaml === saved.yaml && saved.actions.length === 0 && saved.seed === 1;
  return !pristine;
}

/** A link of an untouched bundled example shows that example's name in the picker, not "Your own YAML". */
function withBundledId(link: OpenedLink, bundled: { id: string; yaml: string }[]): OpenedLink {
  const example = bundled.find((s) => s.yaml === link.scenario.yaml);
  return example ? { ...link, scenario: { ...link.scenario, scenarioId: example.id } } : link;
}
