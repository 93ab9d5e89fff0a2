import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { registerOffline } from './pwa/registerOffline.ts';
import { createKubeplayApp } from './store/kubeplayApp.ts';
import { loadSavedScenario, saveScenario } from './store/persistence.ts';
import { AppContext } from './store/react.ts';
import { App } from './ui/app/App.tsx';
import { getBundledScenarios } from './ui/app/scenarioCatalog.ts';
import { installTestApi } from './ui/app/testApi.ts';
import { EmbedApp } from './ui/share/EmbedApp.tsx';
import { forgetOpenEntry } from './ui/library/forgetOpenEntry.ts';
import { toFullPageUrl } from './ui/share/embedMode.ts';
import { LinkChoiceDialog } from './ui/share/LinkChoiceDialog.tsx';
import { LinkErrorAlert } from './ui/share/LinkErrorAlert.tsx';
import { planOpening } from './ui/share/planOpening.ts';
import { createEngineClient } from './worker/engineClient.ts';
import './ui/app/app.css';
import { getBrowserStorage } from './ui/browserStorage.ts';
import { rememberLayout } from './ui/app/layoutMemory.ts';

/** Everything the page does at load, in order; awaits only what the first render needs. */
async function start(): Promise<void> {
  // A share link opens once: it becomes the autosaved scenario and leaves the address bar, so a reload
  // keeps later edits instead of reopening the link. It never silently replaces the user's own differing
  // work (they are asked), and an embed (`?embed`) neither reads nor writes the autosave (src/ui/share).
  // The Worker starts loading the engine at once, while the link and the language are read.
  const engine = createEngineClient();
  const storage = getBrowserStorage();
  const scenarios = getBundledScenarios();
  const plan = await planOpening({
    hash: window.location.hash,
    search: window.location.search,
    saved: loadSavedScenario(storage),
    bundled: scenarios,
  });
  const fragment = window.location.hash.slice(1);
  if (window.location.hash && !plan.embed) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  if (plan.open && plan.autosave) {
    saveScenario(storage, plan.open.scenario);
    // A link's scenario is no library entry's working copy (src/ui/library).
    forgetOpenEntry();
  }

  const app = createKubeplayApp({
    engine,
    scenarios,
    storage: plan.autosave ? storage : null,
    now: () => performance.now(),
    link: plan.open,
  });
  // A link pasted into the address bar of an open kubeplay changes only the fragment (no page load):
  // start over, so it goes through the same checks as a link opened in a new tab.
  window.addEventListener('hashchange', () => window.location.reload());

  // The theme: what the person chose last time, else what the system prefers.
  const THEME_KEY = 'kubeplay.theme';
  const savedTheme = storage?.getItem(THEME_KEY);
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  app.view.setState({
    theme: savedTheme === 'dark' || (savedTheme !== 'light' && prefersDark) ? 'dark' : 'light',
  });
  app.view.subscribe((s, p) => {
    if (s.theme === p.theme) return;
    try {
      storage?.setItem(THEME_KEY, s.theme);
    } catch {
      // no storage: the choice lasts for this page only
    }
  });
  // Panels and their sizes as this browser left them (an embed keeps its own fixed layout).
  if (!plan.embed) rememberLayout(app.view, storage, window.innerWidth);
  installTestApi(app);
  registerOffline(import.meta.env.PROD);
  // Before the first render: the page opens in the saved or the browser's language.
  await initI18n();

  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <AppContext.Provider value={app}>
          {plan.embed ? (
            <EmbedApp
              mode={plan.embed}
              fullPageUrl={toFullPageUrl(window.location.href, fragment, plan.linkEmbed)}
            />
          ) : (
            <App />
          )}
          {plan.ask && <LinkChoiceDialog link={plan.ask} />}
          {plan.error && <LinkErrorAlert message={plan.error} />}
        </AppContext.Provider>
      </StrictMode>,
    );
  }
}

void start();
