import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { loadEarlyLimitCheck } from './store/earlyLimits.ts';
import type { EarlyLimitCheck } from './store/earlyLimits.ts';
import { createKubeplayApp } from './store/kubeplayApp.ts';
import type { KubeplayApp } from './store/kubeplayApp.ts';
import { loadSavedScenario, saveScenario } from './store/persistence.ts';
import { gateLinkAutosave } from './store/persistenceGate.ts';
import type { AutosaveGate } from './store/persistenceGate.ts';
import { watchOtherTabs } from './store/persistenceSync.ts';
import type { OpenedLink } from './store/shareLink.ts';
import { AppContext } from './store/react.ts';
import { afterFirstGraph } from './ui/app/afterFirstGraph.ts';
import { App } from './ui/app/App.tsx';
import { getBundledScenarios } from './ui/app/scenarioCatalog.ts';
import { installTestApi } from './ui/app/testApi.ts';
import { forgetOpenEntry } from './ui/library/forgetOpenEntry.ts';
import { toFullPageUrl } from './ui/share/embedMode.ts';
import { planOpening } from './ui/share/planOpening.ts';
import { createEngineClient } from './worker/engineClient.ts';
import { takeEarlyEngineWorker } from './earlyEngine.ts';
import './ui/app/app.css';
import { getBrowserStorage } from './ui/browserStorage.ts';
import { rememberLayout } from './ui/app/layoutMemory.ts';

// Shown only when the autosave fails or another tab changes the scenario: mounted once their chunk is in.
const SaveFailedAlert = lazy(async () => ({
  default: (await import('./ui/autosave/SaveFailedAlert.tsx')).SaveFailedAlert,
}));
const OtherTabAlert = lazy(async () => ({
  default: (await import('./ui/autosave/OtherTabAlert.tsx')).OtherTabAlert,
}));

/** Everything the page does at load, in order; awaits only what the first render needs. */
async function start(): Promise<void> {
  // A share link opens once: it becomes the autosaved scenario and leaves the address bar, so a reload
  // keeps later edits instead of reopening the link. It never silently replaces the user's own differing
  // work (they are asked), and an embed (`?embed`) neither reads nor writes the autosave (src/ui/share).
  // The Worker starts loading the engine at once, while the link and the language are read.
  const engine = createEngineClient(takeEarlyEngineWorker());
  // A link is checked against the playground's limits as soon as it is decoded, before the Worker has
  // loaded the engine (src/store/earlyLimits.ts): its small chunk loads while the link is decoded.
  const earlyLimits = window.location.hash.length > 1 ? loadEarlyLimitCheck().catch(() => null) : null;
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
  // A link's scenario becomes the autosave only once it has simulated within the engine's limits and the
  // watchdog's budget (src/worker/engineClient.ts): a link that hangs the engine must not hang the reload
  // too, nor replace the person's own work. Until then the gate holds every save of the link's text.
  const link = plan.open ?? plan.ask;
  const gate = storage && plan.autosave && link ? gateLinkAutosave(storage, link.scenario.yaml) : null;
  const appStorage = plan.autosave ? (gate?.storage ?? storage) : null;

  const app = createKubeplayApp({
    engine,
    scenarios,
    storage: appStorage,
    now: () => performance.now(),
    link: plan.open,
  });
  if (gate && link) trustLinkOnceSimulated(app, gate, link.scenario.yaml, plan.open !== null);
  if (plan.autosave) watchOtherTabs(app.scenario, window);
  // Typing is saved when it pauses: what still waits is saved before the page goes away (a reload, a
  // closed tab) or out of sight (a mobile browser may end a hidden page without another event).
  window.addEventListener('pagehide', () => app.saveNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') app.saveNow();
  });
  const lessonRefused = plan.open ? await checkLinkLesson(plan.open, scenarios) : null;
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
  // The end-to-end tests' read-only window (docs/testing.md, "The test API"): only in a build made
  // with `vite build --mode e2e`; Vite replaces MODE with a constant, so a production build drops it.
  if (import.meta.env.MODE === 'e2e') installTestApi(app);
  // Not awaited: the first render waits for nothing it did not wait for before; the list opens on the
  // limit's message as soon as the check's chunk is in (usually before that render).
  void checkLimitsEarly(app, earlyLimits);
  // The service worker precaches every file (megabytes): not while the first graph is being drawn,
  // nor while the person is at work on the page (pwa/offlineAfterPause.ts).
  void afterFirstGraph(app)
    .then(() => import('./pwa/offlineAfterPause.ts'))
    .then(({ registerOfflineAfterPause }) => registerOfflineAfterPause(import.meta.env.PROD));
  // Before the first render: the page opens in the saved or the browser's language. What only some
  // openings show (an embed, a link's question or error, a refused lesson) is its own chunk, fetched at
  // the same time, so the usual page's first script stays small (docs/performance.md).
  const [, embed, linkChoice, linkError, lessonAlert] = await Promise.all([
    initI18n(),
    plan.embed ? import('./ui/share/EmbedApp.tsx') : null,
    plan.ask ? import('./ui/share/LinkChoiceDialog.tsx') : null,
    plan.error ? import('./ui/share/LinkErrorAlert.tsx') : null,
    lessonRefused ? import('./ui/autosave/LessonRefusedAlert.tsx') : null,
  ]);

  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <AppContext.Provider value={app}>
          {plan.embed && embed ? (
            <embed.EmbedApp
              mode={plan.embed}
              fullPageUrl={toFullPageUrl(window.location.href, fragment, plan.linkEmbed)}
            />
          ) : (
            <App />
          )}
          {plan.ask && linkChoice && <linkChoice.LinkChoiceDialog link={plan.ask} />}
          {plan.error && linkError && <linkError.LinkErrorAlert message={plan.error} />}
          {plan.autosave && (
            <Suspense fallback={null}>
              <SaveFailedAlert storage={appStorage} />
              <OtherTabAlert storage={appStorage} />
            </Suspense>
          )}
          {lessonRefused && lessonAlert && <lessonAlert.LessonRefusedAlert reason={lessonRefused} />}
        </AppContext.Provider>
      </StrictMode>,
    );
  }
}

/**
 * A link over the playground's limits is answered before the engine is up: the app lists the engine's
 * message (and opens the list on it) as soon as the check's chunk is in.
 */
async function checkLimitsEarly(
  app: KubeplayApp,
  loading: Promise<EarlyLimitCheck | null> | null,
): Promise<void> {
  const check = await loading;
  if (check) app.adoptEarlyLimitCheck(check);
}

/**
 * The first simulation of the link's text that the engine finished (a syntax error included: that is the
 * link's own problem, shown as usual) makes it the autosave; a link opened at start was no library
 * entry's working copy from then on (src/ui/library). A run stopped by the watchdog never gets here.
 */
function trustLinkOnceSimulated(
  app: KubeplayApp,
  gate: AutosaveGate,
  linkYaml: string,
  openedAtStart: boolean,
): void {
  const stop = app.simulation.subscribe((next, previous) => {
    if (next.revision === previous.revision || next.engineError !== null) return;
    if (app.scenario.getState().yaml !== linkYaml) return;
    stop();
    gate.trust();
    saveScenario(gate.storage, app.scenario.getState());
    if (openedAtStart) forgetOpenEntry();
  });
}

/** A teacher's own lesson in the link that does not parse: why, in the parser's words (else null). */
async function checkLinkLesson(link: OpenedLink, scenarios: { id: string }[]): Promise<string | null> {
  const source = link.lesson?.source;
  if (source === undefined) return null;
  const { formatLessonErrors, loadLessonFile } = await import('./ui/lessons/customLesson.ts');
  const loaded = loadLessonFile(
    source,
    scenarios.map((s) => s.id),
  );
  return loaded.ok ? null : formatLessonErrors(loaded.errors).slice(0, 3).join('; ');
}

void start();
