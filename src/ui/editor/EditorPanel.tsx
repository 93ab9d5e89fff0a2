/** The resizable side panel holding the YAML editor (loaded lazily, after the graph). */
import { lazy, Suspense, useCallback } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';

const YamlEditor = lazy(() => import('./YamlEditor.tsx'));

const MIN_WIDTH = 280;
const MAX_WIDTH = 1000;
const clamp = (w: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w));

export function EditorPanel() {
  const app = useApp();
  const { t } = useTranslation();
  const width = useView((s) => s.editorWidth);
  const open = useView((s) => s.editorOpen);
  // Monaco is ~1 MB of gzip to parse: start it only once the first graph is on screen, so the two do
  // not compete for the main thread (navigation-to-first-graph in bench:ui).
  const graphShown = useSimulation((s) => s.sim !== null || s.engineError !== null);

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      const startX = event.clientX;
      const startWidth = app.view.getState().editorWidth;
      const target = event.currentTarget;
      target.setPointerCapture(event.pointerId);
      const move = (e: globalThis.PointerEvent) =>
        app.view.setState({ editorWidth: clamp(startWidth + startX - e.clientX) });
      const up = () => {
        target.removeEventListener('pointermove', move);
        target.removeEventListener('pointerup', up);
      };
      target.addEventListener('pointermove', move);
      target.addEventListener('pointerup', up);
    },
    [app],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowLeft') app.view.setState({ editorWidth: clamp(width + step) });
    if (event.key === 'ArrowRight') app.view.setState({ editorWidth: clamp(width - step) });
  };

  if (!open) return null;
  return (
    <>
      <div
        className="kp-splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('editor.resize')}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <section
        className="kp-editor"
        style={{ width }}
        aria-label={t('editor.panel')}
        data-testid="editor-panel"
      >
        <div className="kp-panel-bar">
          <h2>manifest.yaml</h2>
        </div>
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
