/**
 * The graph's own view controls, on the graph where the eye already is (fitting the view is in
 * React Flow's controls, bottom left): whether kube-system's pods are drawn, and back to the
 * automatic layout after dragging.
 */
import { useTranslation } from 'react-i18next';
import { useApp, useView } from '../../store/react.ts';
import { resetLayout } from '../../store/viewStore.ts';

export function GraphToolbar() {
  const app = useApp();
  const { t } = useTranslation();
  const showSystem = useView((s) => s.showSystem);
  const dragged = useView((s) => Object.keys(s.positions).length > 0);
  return (
    <div className="kp-row kp-graph-tools kp-graph-toolbar" role="group" aria-label={t('header.graphTools')}>
      <label className="kp-check kp-chip">
        <input
          type="checkbox"
          checked={showSystem}
          onChange={(e) => app.view.setState({ showSystem: e.target.checked })}
        />
        {t('header.systemPods')}
      </label>
      <button type="button" onClick={() => resetLayout(app.view)} disabled={!dragged}>
        {t('header.resetLayout')}
      </button>
    </div>
  );
}
