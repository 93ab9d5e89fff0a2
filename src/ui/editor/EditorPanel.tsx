/** The resizable side panel holding the YAML editor (loaded lazily, after the graph). */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { showBottomTab } from '../../store/viewStore.ts';
import { useAfterFirstGraph } from '../app/afterFirstGraph.ts';
import { useWorstSeverity } from '../panels/worstSeverity.ts';
import { ClosePanelButton, PanelResizer } from '../app/PanelFrame.tsx';

const YamlEditor = lazy(() => import('./YamlEditor.tsx'));

export function EditorPanel() {
  const app = useApp();
  const { t } = useTranslation();
  const width = useView((s) => s.editorWidth);
  const open = useView((s) => s.editorOpen);
  const problems = useSimulation((s) => s.diagnostics.length);
  const severity = useWorstSeverity();
  const noDocumentFor = useView((s) => s.noDocumentFor);
  // Monaco is ~1 MB of gzip to parse: start it only once the first graph is on screen, so the two do
  // not compete for the main thread (navigation-to-first-graph in bench:ui).
  const graphShown = useAfterFirstGraph();

  if (!open) return null;
  return (
    <>
      <PanelResizer size="editorWidth" label={t('editor.resize')} grows={-1} testId="editor-resizer" />
      <section
        className="kp-editor"
        style={{ width }}
        aria-label={t('editor.panel')}
        data-testid="editor-panel"
      >
        <div className="kp-panel-bar">
          <h2>manifest.yaml</h2>
          <div className="kp-row kp-tight">
            {problems > 0 && (
              <button
                type="button"
                className="kp-problem-count"
                data-severity={severity}
                onClick={() => showBottomTab(app.view, 'problems')}
                data-testid="editor-problem-count"
              >
                {t('stage.problemCount', { count: problems })}
              </button>
            )}
            <ClosePanelButton panel="editor" label={t('stage.closeYaml')} />
          </div>
        </div>
        {noDocumentFor && (
          <p className="kp-muted kp-small kp-no-document" role="status" data-testid="editor-no-document">
            {t('editor.noDocument', { id: noDocumentFor })}
          </p>
        )}
        <div className="kp-editor-body">
          {graphShown ? (
            <Suspense fallback={<p className="kp-muted">{t('editor.loading')}</p>}>
              <YamlEditor />
            </Suspense>
          ) : (
            <p className="kp-muted">{t('editor.loading')}</p>
          )}
        </div>
      </section>
    </>
  );
}
