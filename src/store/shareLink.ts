/**
 * The scenario <-> share link (the URL fragment), through src/share. A link wins over the autosave
 * when the page opens with one; a broken link is reported, never thrown.
 */
import { decodeScenario, encodeScenario } from '../share/index.ts';
import type { SharedLesson, SharedScenario } from '../share/index.ts';
import type { ScenarioState } from './scenarioStore.ts';
import type { NarrationLevel, ViewState } from './viewStore.ts';

export interface OpenedLink {
  scenario: ScenarioState;
  positions: ViewState['positions'];
  selection: string | null;
  draft: { from: string; url: string } | null;
  /** The lesson and step the link was made on (zero-based step), if any. */
  lesson?: { id: string; step: number; source?: string } | null;
  /** The link asks for the embed view (`view.embed`). */
  embed?: boolean;
  /** The hop narration level the link was made with (`view.narration`), if it says. */
  narration?: NarrationLevel;
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
      lesson: shared.lesson ?? null,
      ...(shared.view?.embed === true ? { embed: true } : {}),
      ...(shared.view?.narration ? { narration: shared.view.narration } : {}),
    },
  };
}

/** The fragment (without `#`) that reopens this scenario and layout. */
export function makeShareLink(
  scenario: ScenarioState,
  view: Pick<ViewState, 'positions' | 'selection'> &
    Partial<Pick<ViewState, 'lesson' | 'customLesson' | 'narration'>>,
): string {
  const shown = {
    ...(view.selection ? { selected: view.selection } : {}),
    ...(view.narration === 'details' ? { narration: view.narration } : {}),
  };
  const shared: SharedScenario = {
    yaml: scenario.yaml,
    seed: scenario.seed,
    actions: scenario.actions,
    ...(Object.keys(view.positions).length ? { layout: view.positions } : {}),
    ...(Object.keys(shown).length ? { view: shown } : {}),
    // A lesson in progress travels with the link, so the class opens on the teacher's step.
    ...(view.lesson && !view.lesson.finished
      ? { lesson: toSharedLesson(view.lesson, view.customLesson) }
      : {}),
  };
  return encodeScenario(shared);
}

/** The lesson in progress as a link carries it: a teacher's own lesson brings its file along. */
export function toSharedLesson(
  progress: NonNullable<ViewState['lesson']>,
  custom: ViewState['customLesson'] | undefined,
): SharedLesson {
  const own = custom && custom.id === progress.lessonId ? { source: custom.source } : {};
  return { id: progress.lessonId, step: progress.step, ...own };
}
