/**
 * One line over the graph while the YAML has problems ("2 problems — show"): the graph stays the
 * stage, and the list is one click away in the bottom panel. It says when the graph shows the last
 * version that worked (stale).
 */
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { toggleBottomTab } from '../../store/viewStore.ts';
import { useWorstSeverity } from './worstSeverity.ts';

export function ProblemsLine() {
  const { t } = useTranslation();
  const app = useApp();
  const count = useSimulation((s) => s.diagnostics.length);
  const errors = useSimulation((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const stale = useSimulation((s) => s.stale);
  const severity = useWorstSeverity();
  const listShown = useView((s) => s.bottomOpen && s.bottomTab === 'problems');
  if (count === 0 && !stale) return null;
  return (
    <div className="kp-graph-line kp-problems-line" data-severity={severity} data-testid="problems-line">
      {stale && (
        <span role="status" data-testid="stale-banner">
          {t('app.stale', { count: errors })}
        </span>
      )}
      {count > 0 && (
        <button
          type="button"
          aria-expanded={listShown}
          aria-controls="kp-bottom-problems"
          onClick={() => toggleBottomTab(app.view, 'problems')}
          data-testid="problems-line-toggle"
        >
          {t('stage.problemCount', { count })}
          <span aria-hidden="true"> — {listShown ? t('stage.hideList') : t('stage.showList')}</span>
        </button>
      )}
    </div>
  );
}
