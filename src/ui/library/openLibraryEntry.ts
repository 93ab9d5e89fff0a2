/**
 * Replaces the working copy with a saved entry, after the person chose to (LibraryDialog asks first
 * when something could be lost). The same steps as opening a share link: the scenario (which the
 * autosave then keeps), its layout, selection and request, and no leftover traffic.
 */
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import type { Library } from '../../store/library/libraryStore.ts';
import { setOpenEntry } from '../../store/library/libraryStore.ts';
import type { OpenedLink } from '../../store/shareLink.ts';
import { openSharedLink } from '../share/openSharedLink.ts';

export function toOpenedLink(entry: LibraryEntry): OpenedLink {
  const { yaml, seed, actions, layout, view } = entry.scenario;
  return {
    scenario: { scenarioId: entry.scenarioId, yaml, seed, actions },
    positions: layout ?? {},
    selection: view?.selected ?? null,
    draft: view?.request ?? null,
  };
}

export function openLibraryEntry(app: KubeplayApp, library: Library, entry: LibraryEntry): void {
  openSharedLink(app, toOpenedLink(entry));
  setOpenEntry(library, entry.id);
}
