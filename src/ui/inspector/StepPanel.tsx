/**
 * The focused request: the animation controls (step mode, speed, pause, replay) and, hop by hop, its
 * outcome and every hop's rewrite and note (FocusedTrace.tsx). `#kp-trace-status` is where the frame loop writes progress
 * (`data-trace-id`, `data-hop`, `data-arrived`) and the live narration, once per hop.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { launchFlights } from '../../store/trafficStore.ts';
import type { Speed } from '../../store/viewStore.ts';
import { setSpeed, setStepHop, setStepMode, togglePaused } from '../../store/viewActions.ts';

// The hops load with the first request: the first page shows only the controls and the prompt to send one
// (docs/performance.md, "What the first page loads").
const FocusedTrace = lazy(async () => ({ default: (await import('./FocusedTrace.tsx')).FocusedTrace }));

const SPEEDS: Speed[] = [0.25, 0.5, 1, 2];

function Controls() {
  const { t } = useTranslation();
  const app = useApp();
  const speed = useView((s) => s.speed);
  const paused = useView((s) => s.paused);
  const stepMode = useView((s) => s.stepMode);
  const stepHop = useView((s) => s.stepHop);
  // The count needs no hop's text: the stored path has one entry per hop (readHops renders 1:1).
  const hopCount = useTraffic((s) => s.focused?.trace.path.length ?? 0);
  const focused = useTraffic((s) => s.focused);
  const replay = () => {
    if (!focused) return;
    setStepHop(app.view, 0);
    launchFlights(app.traffic, [
      { ...focused, id: `${focused.id}r${Date.now() % 100000}`, startAt: performance.now(), batch: null },
    ]);
  };
  return (
    <div className="kp-row kp-controls" role="group" aria-label={t('steps.controls')}>
      <label className="kp-check">
        <input
          type="checkbox"
          checked={stepMode}
          onChange={(e) => setStepMode(app.view, e.target.checked)}
          data-testid="step-mode"
        />
        {t('panels.stepMode')}
      </label>
      {stepMode ? (
        <>
          <button type="button" disabled={stepHop <= 0} onClick={() => setStepHop(app.view, stepHop - 1)}>
            {t('panels.backHop')}
          </button>
          <button
            type="button"
            disabled={stepHop >= hopCount}
            onClick={() => setStepHop(app.view, stepHop + 1)}
            data-testid="step-next"
          >
            {t('panels.nextHop')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => togglePaused(app.view)} aria-pressed={paused}>
          {paused ? t('panels.resume') : t('panels.pauseButton')}
        </button>
      )}
      <label className="kp-field kp-inline">
        <span>{t('requestBar.speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(app.view, Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={replay} disabled={!focused}>
        {t('panels.replay')}
      </button>
    </div>
  );
}

export function StepPanel() {
  const { t } = useTranslation();
  const trace = useTraffic((s) => s.focused?.trace);
  return (
    <section className="kp-panel" aria-labelledby="kp-steps-title">
      <h2 id="kp-steps-title">{t('panels.request')}</h2>
      <Controls />
      <p id="kp-trace-status" className="kp-trace-status" data-testid="trace-status" aria-live="polite">
        {trace ? '' : t('panels.sendToWatch')}
      </p>
      {trace && (
        <Suspense fallback={null}>
          <FocusedTrace trace={trace} />
        </Suspense>
      )}
    </section>
  );
}
