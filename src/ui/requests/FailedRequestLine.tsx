/**
 * A failed request explains itself where the student is looking. The full explanation lives in the
 * Details column, which is closed below 1440 px wide (and whenever the student closed it); then, once
 * the packet has landed, one line over the graph says why it failed, with "Show in YAML" and a button
 * that opens Details. Opening Details by itself would squeeze the graph the student was watching, so
 * the line never does that; it goes away when Details opens, when it is hidden, or with the next request.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANIFEST_FILE } from '../../store/kubeplayApp.ts';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { togglePanel } from '../../store/viewStore.ts';
import './explanation.css';
import { StaleTraceNote } from './StaleTraceNote.tsx';

export function FailedRequestLine() {
  const { t } = useTranslation();
  const app = useApp();
  const focused = useTraffic((s) => s.focused);
  const landed = useTraffic((s) => s.focusedLanded);
  const stale = useTraffic((s) => s.focusedStale);
  const detailsOpen = useView((s) => s.detailsOpen);
  const presenter = useView((s) => s.presenter);
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  const explanation = focused?.trace.explanation;
  if (!focused || !landed || !explanation || detailsOpen || presenter || hiddenFor === focused.id)
    return null;
  const location = explanation.blame?.location;
  const showable = location?.file === MANIFEST_FILE ? location : undefined;
  return (
    <div
      className={`kp-graph-line kp-failed-line${stale ? ' kp-trace-stale' : ''}`}
      role="status"
      data-testid="failed-request-line"
      data-kind={explanation.kind}
      data-stale={stale}
    >
      <span className="kp-failed-summary" title={explanation.summary}>
        {t('explain.failed', { summary: explanation.summary })}
        <StaleTraceNote which="focused" />
      </span>
      {showable && (
        <button type="button" onClick={() => app.showInYaml(showable)} data-testid="failed-line-show-yaml">
          {t('explain.showInYaml', { line: showable.line })}
        </button>
      )}
      <button
        type="button"
        onClick={() => togglePanel(app.view, 'details')}
        data-testid="failed-line-details"
      >
        {t('explain.openDetails')}
      </button>
      <button
        type="button"
        className="kp-close"
        onClick={() => setHiddenFor(focused.id)}
        aria-label={t('explain.dismiss')}
        title={t('explain.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
