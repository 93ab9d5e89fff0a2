/** The engine's diagnostics as a list; a row reveals its line in the editor. */
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation } from '../../store/react.ts';
import { revealLine } from '../../store/viewStore.ts';

export function ProblemsList() {
  const { t } = useTranslation();
  const app = useApp();
  const diagnostics = useSimulation((s) => s.diagnostics);
  const stale = useSimulation((s) => s.stale);
  const engineError = useSimulation((s) => s.engineError);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="kp-panel" aria-labelledby="kp-problems-title" data-testid="problems">
      <h2 id="kp-problems-title">
        {t('panels.problems')} <span className="kp-badge">{diagnostics.length}</span>
      </h2>
      {/* The line over the graph announces it (ProblemsLine); here it is said again beside the list. */}
      {stale && <p className="kp-warn">{t('app.stale', { count: errors })}</p>}
      {engineError && <p className="kp-error">{t('app.engineError', { message: engineError })}</p>}
      {diagnostics.length === 0 ? (
        <p className="kp-muted">{t('app.noProblems')}</p>
      ) : (
        <ul className="kp-problems">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <button
                type="button"
                className={`kp-problem kp-sev-${d.severity}`}
                onClick={() => revealLine(app.view, d.line, d.column)}
              >
                <span className="kp-badge">{d.severity}</span>
                <span className="kp-mono">
                  {d.line}:{d.column}
                </span>{' '}
                {d.path && <span className="kp-mono">{d.path}: </span>}
                {d.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
