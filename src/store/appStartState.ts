/**
 * What the app opens with: a share link's scenario wins over the autosave, which wins over the first
 * bundled scenario; the autosave's allocation ledger comes with it (docs/editing.md); the view takes the narration level this browser remembers unless the link asks for one.
 */
import { viewOfOpenedLink } from './linkView.ts';
import { readSavedNarration } from './narration.ts';
import { loadSavedAllocations, loadSavedScenario } from './persistence.ts';
import type { AllocationLedger } from '../engine/index.ts';
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

/** The autosaved scenario and its allocation ledger, when the page opens from the autosave (not a link). */
export function startAllocations(
  link: OpenedLink | null,
  storage: KeyValueStorage | null,
): { scenario: ScenarioState; allocations: AllocationLedger } | null {
  if (link) return null;
  const scenario = loadSavedScenario(storage);
  const allocations = scenario ? loadSavedAllocations(storage) : null;
  return scenario && allocations ? { scenario, allocations } : null;
}
