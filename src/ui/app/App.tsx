/**
 * The page. The graph is the stage: it takes what the panels leave, and every panel is opened,
 * resized and closed by the person (sizes and open state remembered per browser, layoutMemory.ts).
 * The shape is VS Code's, which teachers and students know: a thin header; an activity bar at the
 * left edge switching the side panels (lessons at the left, details and the YAML at the right); a
 * bottom panel with tabs (Terminal | Problems | Traffic). On a laptop-height screen a lesson with the
 * bottom panel open sits beside it, under the graph (instructions next to the terminal they are typed
 * into, as in Killercoda), so the graph keeps the whole width. Problems are counted on the YAML switch, the
 * Problems tab and a line over the graph. Presenter mode hides every panel and lays the caption over
 * the graph.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useView } from '../../store/react.ts';
import { setReducedMotion } from '../../store/viewStore.ts';
import { EditorPanel } from '../editor/EditorPanel.tsx';
import { ClusterGraph } from '../graph/ClusterGraph.tsx';
import { useFitOnPresenterChange, usePresenterKeys } from '../presenter/usePresenterKeys.ts';
import { StepPanel } from '../inspector/StepPanel.tsx';
import { ProblemsLine } from '../panels/ProblemsLine.tsx';
import { FailedRequestLine } from '../requests/FailedRequestLine.tsx';
import { RequestBar } from '../requests/RequestBar.tsx';
import { ActivityBar } from './ActivityBar.tsx';
import { useAfterFirstGraph } from './afterFirstGraph.ts';
import { Header } from './Header.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import { ClosePanelButton, PanelResizer } from './PanelFrame.tsx';
import { TerminalDock } from './TerminalDock.tsx';

// Lessons (their YAML parser and texts) load right after the first graph is drawn, as the editor does.
// The selected object's details (and its lookups) are a chunk of their own, fetched with the first render.
const Inspector = lazy(async () => ({ default: (await import('../inspector/Inspector.tsx')).Inspector }));
// Presenter mode's caption: only in presenter mode.
const PresenterCaption = lazy(async () => ({
  default: (await import('../presenter/PresenterCaption.tsx')).PresenterCaption,
}));
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
    const update = () => setReducedMotion(app.view, query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [app]);
}

/** The lessons side panel at the left. LessonPanel stays mounted (it follows the lesson while closed). */
function LessonsSlot() {
  const { t } = useTranslation();
  const open = useView((s) => s.lessonsOpen);
  const width = useView((s) => s.lessonsWidth);
  const lessonsLoad = useAfterFirstGraph();
  return (
    <>
      <div className="kp-lessons-slot" style={open ? { width } : undefined} hidden={!open}>
        {lessonsLoad && (
          <Suspense fallback={null}>
            <LessonPanel />
          </Suspense>
        )}
      </div>
      {open && (
        <PanelResizer
          size="lessonsWidth"
          label={t('stage.resizeLessons')}
          grows={1}
          testId="lessons-resizer"
        />
      )}
    </>
  );
}

/**
 * The focused request step by step and the selected object, beside the graph. Hidden rather than
 * unmounted when closed: the step panel's status line is where the packet layer reports progress.
 */
function DetailsColumn() {
  const { t } = useTranslation();
  const open = useView((s) => s.detailsOpen);
  const width = useView((s) => s.detailsWidth);
  return (
    <>
      {open && (
        <PanelResizer
          size="detailsWidth"
          label={t('stage.resizeDetails')}
          grows={-1}
          testId="details-resizer"
        />
      )}
      <aside
        className="kp-side"
        aria-labelledby="kp-details-title"
        hidden={!open}
        style={{ width }}
        data-testid="details-panel"
      >
        <div className="kp-panel-bar">
          <h2 id="kp-details-title">{t('panels.details')}</h2>
          <ClosePanelButton panel="details" label={t('stage.closeDetails')} />
        </div>
        <StepPanel />
        <Suspense fallback={null}>
          <Inspector />
        </Suspense>
      </aside>
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  useDocumentTheme();
  useReducedMotion();
  usePresenterKeys();
  const presenter = useView((s) => s.presenter);
  // A lesson with the terminal (or another bottom tab) open: on a short screen the lesson sits beside
  // the bottom panel, under the graph, so the graph keeps the full width (app.css, .kp-lesson-dock).
  const lessonDock = useView((s) => s.lessonsOpen && s.bottomOpen && !s.presenter);
  useFitOnPresenterChange(presenter);
  const classes = ['kp-app', presenter && 'kp-presenter', lessonDock && 'kp-lesson-dock'].filter(Boolean);
  return (
    <div className={classes.join(' ')}>
      <Header />
      <div className="kp-workspace">
        <ActivityBar />
        <LessonsSlot />
        <div className="kp-center">
          <div className="kp-upper">
            <main className="kp-main" aria-label={t('stage.graphArea')}>
              <RequestBar />
              <div className="kp-stage">
                <ClusterGraph />
                <ProblemsLine />
                <FailedRequestLine />
                {presenter && (
                  <Suspense fallback={null}>
                    <PresenterCaption />
                  </Suspense>
                )}
              </div>
            </main>
            <DetailsColumn />
          </div>
          <TerminalDock />
        </div>
        <EditorPanel />
      </div>
      <HelpDialog />
    </div>
  );
}
