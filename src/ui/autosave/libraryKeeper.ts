/**
 * Keeps a scenario in the library under a name, so that replacing the work on screen (another tab's
 * save, a share link) never loses it. The library and the working-copy helpers load on first use, as
 * the library dialog does.
 */
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import type { KeepInLibrary } from '../../store/persistenceSync.ts';

export async function libraryKeeper(
  app: KubeplayApp,
  name: (from: 'mine' | 'theirs', keptAt: number) => string,
) {
  const [{ getLibrary }, { saveEntry }, { toLibraryContent }] = await Promise.all([
    import('../library/useLibrary.ts'),
    import('../../store/library/libraryStore.ts'),
    import('../library/workingCopy.ts'),
  ]);
  const keep: KeepInLibrary = (scenario, from) => {
    const view = app.view.getState();
    // Mine keeps this tab's layout and counts; theirs has only what the other tab saved.
    const content =
      from === 'mine'
        ? toLibraryContent(scenario, view, app.simulation.getState().sim?.state ?? null)
        : toLibraryContent(scenario, { positions: {}, selection: null, draft: view.draft }, null);
    return saveEntry(getLibrary(), name(from, Date.now()), content) !== null;
  };
  return keep;
}
