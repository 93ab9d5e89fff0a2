/**
 * "Why did this request fail?": the engine's explanation of a request that did not get a 2xx answer
 * (Trace.explanation), with "Show in YAML" (reveals and highlights the blamed field) and, for the
 * common mistakes, a quick fix the editor applies as one undoable edit. The explanation's text is the
 * engine's (English, like the hop notes); the chrome around it is translated.
 */
import { useTranslation } from 'react-i18next';
import type { Explanation as TraceExplanation } from '../../engine/index.ts';
import { MANIFEST_FILE } from '../../store/kubeplayApp.ts';
import { useApp } from '../../store/react.ts';
import './explanation.css';

export function Explanation({ explanation }: { explanation: TraceExplanation }) {
  const { t } = useTranslation();
  const app = useApp();
  const location = explanation.blame?.location;
  const fix = explanation.fix;
  // Only the editor's own file can be shown (a file applied from the terminal has no editor).
  const showable = location?.file === MANIFEST_FILE ? location : undefined;
  return (
    <section
      className="kp-explanation"
      aria-label={t('explain.title')}
      data-testid="trace-explanation"
      data-kind={explanation.kind}
    >
      <h3 className="kp-explanation-title">{t('explain.title')}</h3>
      <p className="kp-explanation-summary">{explanation.summary}</p>
      {explanation.detail && (
        <details className="kp-explanation-detail">
          <summary>{t('explain.more')}</summary>
          <p className="kp-small">{explanation.detail}</p>
        </details>
      )}
      {(showable || fix?.file === MANIFEST_FILE) && (
        <div className="kp-row kp-explanation-actions">
          {showable && (
            <button type="button" onClick={() => app.showInYaml(showable)} data-testid="explain-show-yaml">
              {t('explain.showInYaml', { line: showable.line })}
            </button>
          )}
          {fix?.file === MANIFEST_FILE && (
            <button
              type="button"
              onClick={() => app.applyQuickFix(fix)}
              data-testid="explain-fix"
              title={t('explain.fixTitle')}
            >
              {t('explain.fix', { label: fix.label })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
