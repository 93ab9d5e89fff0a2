/**
 * "(from an earlier version of the YAML)": beside a request's outcome (Details, the presenter caption)
 * or a batch's tally (Traffic) once the cluster changed after it was routed (app: markTrafficStale).
 */
import { useTranslation } from 'react-i18next';
import { useTraffic } from '../../store/react.ts';
import './staleTrace.css';

export function StaleTraceNote({ which }: { which: 'focused' | 'batch' }) {
  const { t } = useTranslation();
  const stale = useTraffic((s) => (which === 'focused' ? s.focusedStale : s.batchStale));
  if (!stale) return null;
  return (
    <span className="kp-stale-note" title={t('staleTrace.title')} data-testid={`stale-trace-${which}`}>
      {' '}
      ({t('staleTrace.note')})
    </span>
  );
}
