/**
 * The focused request hop by hop, under the step panel's controls: its outcome once the packet has
 * landed (so a class can predict it first), why it failed, the body, and each hop's rewrite and note as
 * the packet reaches it.
 */
import { useTranslation } from 'react-i18next';
import type { Trace } from '../../engine/index.ts';
import { readHops } from '../../engine/index.ts';
import { useTraffic, useView } from '../../store/react.ts';
import { HopText } from '../narration/HopText.tsx';
import { NarrationSwitch } from '../narration/NarrationSwitch.tsx';
import { Explanation } from '../requests/Explanation.tsx';
import { StaleTraceNote } from '../requests/StaleTraceNote.tsx';

export function FocusedTrace({ trace }: { trace: Trace }) {
  const { t } = useTranslation();
  const stepMode = useView((s) => s.stepMode);
  const stepHop = useView((s) => s.stepHop);
  const narration = useView((s) => s.narration);
  const landed = useTraffic((s) => s.focusedLanded);
  const reached = useTraffic((s) => s.focusedHop);
  // Hops appear as the packet reaches them (all of them once it has landed).
  const hops = readHops(trace);
  const shownHops = landed ? hops.length : Math.min(hops.length, reached + 1);
  return (
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
          <StaleTraceNote which="focused" />
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
        {hops.slice(0, shownHops).map((hop, i) => (
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
  );
}
