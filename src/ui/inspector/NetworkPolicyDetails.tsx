/**
 * The inspector of a NetworkPolicy: the directions it isolates, the pods it selects, what each rule
 * lets through (the engine's answer, fetched through the Worker) and the button that draws those
 * allowed edges on the graph. The list says in words what the drawing shows.
 */
import { useTranslation } from 'react-i18next';
import type { GraphId, NetworkPolicyState, PolicyRuleAllows } from '../../engine/index.ts';
import { toggleAllowedTraffic } from '../../store/allowedTraffic.ts';
import { useApp, useView } from '../../store/react.ts';
import { toPolicyEdges } from '../graph/policyEdges.ts';
import { useInspectFacts } from './useInspectFacts.ts';
import '../../i18n/laterTexts.ts';

const podName = (id: GraphId) => id.split('/').slice(2).join('/');
/** Peers named in a rule's line; a selector over hundreds of pods is summed up after these. */
const NAMED_PEERS = 12;

function RuleLine({ rule }: { rule: PolicyRuleAllows }) {
  const { t } = useTranslation();
  const ingress = rule.direction === 'Ingress';
  const peers =
    rule.peers === 'any'
      ? [t(ingress ? 'allowedTraffic.anySource' : 'allowedTraffic.anyDestination')]
      : [
          ...rule.peers.slice(0, NAMED_PEERS).map(podName),
          ...(rule.peers.length > NAMED_PEERS
            ? [t('allowedTraffic.morePeers', { count: rule.peers.length - NAMED_PEERS })]
            : []),
          ...rule.blocks,
        ];
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
  // Past the drawing's limit the graph leaves lines out: say how many, beside the button.
  const omitted = shown && known ? toPolicyEdges(known.allows).omitted : 0;
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
      {omitted > 0 && (
        <p className="kp-muted" data-testid="allowed-traffic-omitted">
          {t('allowedTraffic.omitted', { count: omitted })}
        </p>
      )}
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
