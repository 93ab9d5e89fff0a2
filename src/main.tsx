import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createKubeplayApp } from './store/kubeplayApp.ts';
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

const app = createKubeplayApp({
  engine: createEngineClient(),
  scenarios: getBundledScenarios(),
  storage: getStorage(),
  now: () => performance.now(),
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
