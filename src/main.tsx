import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createKubeplayApp } from './store/kubeplayApp.ts';
import { saveScenario } from './store/persistence.ts';
import { openShareLink } from './store/shareLink.ts';
import { AppContext } from './store/react.ts';
import { App } from './ui/app/App.tsx';
import { getBundledScenarios } from './ui/app/scenarioCatalog.ts';
import { installTestApi } from './ui/app/testApi.ts';
import { createEngineClient } from './worker/engineClient.ts';
import './ui/app/app.css';

function getStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// A share link opens once: it becomes the autosaved scenario and leaves the address bar, so a reload
// keeps later edits instead of reopening the link.
const opened = openShareLink(window.location.hash);
const storage = getStorage();
if (opened) history.replaceState(null, '', window.location.pathname + window.location.search);
if (opened?.ok) saveScenario(storage, opened.link.scenario);

const app = createKubeplayApp({
  engine: createEngineClient(),
  scenarios: getBundledScenarios(),
  storage,
  now: () => performance.now(),
  link: opened?.ok ? opened.link : null,
});
if (opened && !opened.ok) app.view.setState({ notice: `The link could not be opened: ${opened.error}` });

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
installTestApi(app);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={app}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}
