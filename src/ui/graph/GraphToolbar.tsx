/**
 * The graph's own view controls, on the graph where the eye already is (fitting the view is in
 * React Flow's controls, bottom left): whether kube-system's pods are drawn, back to the automatic
 * layout after dragging, and "focus on this request" (hide what the latest request does not touch).
 */
import { useTranslation } from 'react-i18next';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { resetLayout } from '../../store/viewStore.ts';
import { setShowSystem } from '../../store/viewActions.ts';

export interface GraphToolbarProps {
  focusOnly: boolean;
  onFocusOnly: (on: boolean) => void;
}

export function GraphToolbar({ focusOnly, onFocusOnly }: GraphToolbarProps) {
  const app = useApp();
  const { t } = useTranslation();
  const showSystem = useView((s) => s.showSystem);
  const dragged = useView((s) => Object.keys(s.positions).length > 0);
  const hasRequest = useTraffic((s) => s.focused !== null);
  return (
    <div className="kp-row kp-graph-tools kp-graph-toolbar" role="group" aria-label={t('header.graphTools')}>
      <label className="kp-check kp-chip">
        <input
          type="checkbox"
          checked={showSystem}
          onChange={(e) => setShowSystem(app.view, e.target.checked)}
        />
        {t('header.systemPods')}
      </label>
      <label className="kp-check kp-chip" title={t('graph.focusRequestTitle')}>
        <input
          type="checkbox"
          data-testid="focus-request"
          checked={focusOnly}
          disabled={!hasRequest}
          onChange={(e) => onFocusOnly(e.target.checked)}
        />
        {t('graph.focusRequest')}
      </label>
      <button type="button" onClick={() => resetLayout(app.view)} disabled={!dragged}>
        {t('header.resetLayout')}
      </button>
    </div>
  );
}
