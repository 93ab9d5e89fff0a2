/**
 * The page: header; the graph as the main area with the request bar above it; the YAML editor in a
 * resizable side panel; the request, inspector, traffic and problems panels in a column; the
 * terminal docked at the bottom.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useView } from '../../store/react.ts';
import { EditorPanel } from '../editor/EditorPanel.tsx';
import { ClusterGraph } from '../graph/ClusterGraph.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { PresenterCaption } from '../presenter/PresenterCaption.tsx';
import { useFitOnPresenterChange, usePresenterKeys } from '../presenter/usePresenterKeys.ts';
import { StepPanel } from '../inspector/StepPanel.tsx';
import { ProblemsList } from '../panels/ProblemsList.tsx';
import { RequestBar } from '../requests/RequestBar.tsx';
import { TrafficPanel } from '../requests/TrafficPanel.tsx';
import { Header } from './Header.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import { TerminalDock } from './TerminalDock.tsx';

// Lessons (their YAML parser and texts) load right after the first graph, as the editor does.
const LessonPanel = lazy(async () => ({ default: (await import('../lessons/LessonPanel.tsx')).LessonPanel }));

function useDocumentTheme() {
  const theme = useView((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

function useReducedMotion() {
  const app = useApp();
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => app.view.setState({ reducedMotion: query.matches });
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [app]);
}

export function App() {
  const { t } = useTranslation();
  useDocumentTheme();
  useReducedMotion();
  usePresenterKeys();
  const presenter = useView((s) => s.presenter);
  useFitOnPresenterChange(presenter);
  return (
    <div className={presenter ? 'kp-app kp-presenter' : 'kp-app'}>
      <Header />
      <div className="kp-workspace">
        <main className="kp-main">
          <RequestBar />
          <div className="kp-stage">
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
            <ClusterGraph />
            <aside className="kp-side" aria-label={t('app.details')}>
              <StepPanel />
              <Inspector />
              <TrafficPanel />
              <ProblemsList />
            </aside>
          </div>
          {presenter && <PresenterCaption />}
          <TerminalDock />
        </main>
        <EditorPanel />
      </div>
      <HelpDialog />
    </div>
  );
}
