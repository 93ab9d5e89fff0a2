/**
 * The inspector of a NetworkPolicy: the directions it isolates, the pods it selects, what each rule
 * lets through (the engine's answer, fetched through the Worker) and the button that draws those
 * allowed edges on the graph. The list says in words what the drawing shows.
 */
import { useTranslation } from 'react-i18next';
import type { GraphId, NetworkPolicyState, PolicyRuleAllows } from '../../engine/index.ts';
import { toggleAllowedTraffic } from '../../store/allowedTraffic.ts';
import { useApp, useView } from '../../store/react.ts';
import { useInspectFacts } from './useInspectFacts.ts';

const podName = (id: GraphId) => id.split('/').slice(2).join('/');

function RuleLine({ rule }: { rule: PolicyRuleAllows }) {
  const { t } = useTranslation();
  const ingress = rule.direction === 'Ingress';
  const peers =
    rule.peers === 'any'
      ? [t(ingress ? 'allowedTraffic.anySource' : 'allowedTraffic.anyDestination')]
      : [...rule.peers.map(podName), ...rule.blocks];
  const ports = rule.ports.length ? rule.ports.join(', ') : t('allowedTraffic.allPorts');
  return (
    <li data-rule={rule.rule}>
      <span className="kp-mono">{rule.rule}</span>{' '}
      {t(ingress ? 'allowedTraffic.ingressRule' : 'allowedTraffic.egressRule', {
        peers: peers.join(', ') || t('allowedTraffic.noPeer'),
        ports,
      })}
    </li>
  );
}

export function NetworkPolicyDetails({ policy }: { policy: NetworkPolicyState }) {
  const app = useApp();
  const { t } = useTranslation();
  const { namespace, name } = policy.manifest.metadata;
  const id = `netpol/${namespace}/${name}`;
  const facts = useInspectFacts(id);
  const shown = useView((s) => s.allowedTrafficOf === id);
  const known = facts?.kind === 'networkpolicy' ? facts : null;
  return (
    <>
      <dl className="kp-fields">
        <dt>policyTypes</dt>
        <dd>{policy.manifest.spec.policyTypes.join(', ')}</dd>
        <dt>{t('allowedTraffic.selects')}</dt>
        <dd data-testid="netpol-selected">{known ? known.selected.map(podName).join(', ') || '—' : '…'}</dd>
      </dl>
      <div className="kp-row">
        <button
          type="button"
          aria-pressed={shown}
          data-testid="show-allowed-traffic"
          onClick={() => toggleAllowedTraffic(app.view, id)}
          title={t('allowedTraffic.buttonTitle')}
        >
          {t('allowedTraffic.button')}
        </button>
      </div>
      <h3>{t('allowedTraffic.heading')}</h3>
      {known && known.allows.length === 0 ? (
        <p className="kp-muted" data-testid="netpol-rules">
          {t('allowedTraffic.nothing')}
        </p>
      ) : (
        <ul className="kp-netpol-rules" data-testid="netpol-rules">
          {known?.allows.map((rule) => (
            <RuleLine key={rule.rule} rule={rule} />
          ))}
        </ul>
      )}
    </>
  );
}
