/**
 * The focused request, hop by hop: outcome, every hop's rewrite and note, and the animation controls
 * (step mode, speed, pause, replay). `#kp-trace-status` is where the frame loop writes progress
 * (`data-trace-id`, `data-hop`, `data-arrived`) and the live narration, once per hop.
 */
import { useTranslation } from 'react-i18next';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { launchFlights } from '../../store/trafficStore.ts';
import type { Speed } from '../../store/viewStore.ts';
import { setSpeed, setStepHop, setStepMode, togglePaused } from '../../store/viewActions.ts';
import { Explanation } from '../requests/Explanation.tsx';
import { HopText } from '../narration/HopText.tsx';
import { NarrationSwitch } from '../narration/NarrationSwitch.tsx';

const SPEEDS: Speed[] = [0.25, 0.5, 1, 2];

function Controls() {
  const { t } = useTranslation();
  const app = useApp();
  const speed = useView((s) => s.speed);
  const paused = useView((s) => s.paused);
  const stepMode = useView((s) => s.stepMode);
  const stepHop = useView((s) => s.stepHop);
  const hopCount = useTraffic((s) => s.focused?.trace.hops.length ?? 0);
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
  const focused = useTraffic((s) => s.focused);
  const stepMode = useView((s) => s.stepMode);
  const stepHop = useView((s) => s.stepHop);
  const narration = useView((s) => s.narration);
  const trace = focused?.trace;
  // The answer is revealed when the packet arrives, so a class can predict it first.
  const landed = useTraffic((s) => s.focusedLanded);
  const reached = useTraffic((s) => s.focusedHop);
  // Hops appear as the packet reaches them (all of them once it has landed).
  const shownHops = trace ? (landed ? trace.hops.length : Math.min(trace.hops.length, reached + 1)) : 0;
  return (
    <section className="kp-panel" aria-labelledby="kp-steps-title">
      <h2 id="kp-steps-title">{t('panels.request')}</h2>
      <Controls />
      <p id="kp-trace-status" className="kp-trace-status" data-testid="trace-status" aria-live="polite">
        {trace ? '' : t('panels.sendToWatch')}
      </p>
      {trace && (
        <>
          {landed ? (
            <p
              className={`kp-outcome kp-outcome-${trace.outcome}`}
              data-outcome={trace.outcome}
              data-testid="trace-outcome"
            >
              <strong>{trace.outcome}</strong>
              {trace.status !== undefined && <> · HTTP {trace.status}</>}
              {trace.endpoint?.pod && <> · {t('steps.answeredBy', { pod: trace.endpoint.pod })}</>}
              {trace.service && <> · {t('steps.viaService', { service: trace.service })}</>}
            </p>
          ) : (
            <p className="kp-muted" data-testid="trace-pending">
              {t('panels.onItsWay')}
            </p>
          )}
          {landed && trace.explanation && <Explanation explanation={trace.explanation} />}
          {landed && trace.body && <pre className="kp-body">{trace.body}</pre>}
          <NarrationSwitch where="steps" />
          <ol className="kp-hops">
            {trace.hops.slice(0, shownHops).map((hop, i) => (
              <li
                key={i}
                className={`kp-hop-row kp-hop-${hop.kind}${stepMode && i === stepHop ? ' kp-current' : ''}`}
                data-hop-row={i}
              >
                <div className="kp-hop-head">
                  <span className="kp-badge">{hop.kind}</span> <span className="kp-mono">{hop.at}</span>
                </div>
                <div className="kp-mono kp-small">
                  {hop.src} → {hop.dst}
                </div>
                <HopText hop={hop} level={narration} noteClass="kp-hop-note" />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
