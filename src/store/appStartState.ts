/**
 * What the app opens with: a share link's scenario wins over the autosave, which wins over the first
 * bundled scenario; the view takes the narration level this browser remembers unless the link asks for one.
 */
import { viewOfOpenedLink } from './linkView.ts';
import { readSavedNarration } from './narration.ts';
import { loadSavedScenario } from './persistence.ts';
import type { KeyValueStorage } from './persistence.ts';
import { DEFAULT_SEED } from './scenarioStore.ts';
import type { ScenarioState } from './scenarioStore.ts';
import type { OpenedLink } from './shareLink.ts';
import type { ViewState } from './viewStore.ts';

export function startScenario(
  link: OpenedLink | null,
  storage: KeyValueStorage | null,
  first: { id: string; yaml: string },
): ScenarioState {
  return (
    link?.scenario ??
    loadSavedScenario(storage) ?? { scenarioId: first.id, yaml: first.yaml, seed: DEFAULT_SEED, actions: [] }
  );
}

export function startView(link: OpenedLink | null, storage: KeyValueStorage | null): Partial<ViewState> {
  return {
    narration: readSavedNarration(storage) ?? 'plain',
    ...(link ? viewOfOpenedLink(link) : {}),
  };
}
