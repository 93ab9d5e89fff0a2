/**
 * What the selected thing is, and what can be done to it. Every button appends an engine Action to
 * the scenario's log (the YAML stays as the user wrote it).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ClusterState, PodState } from '../../engine/index.ts';
import { graphIdOfLoadBalancer, hostsEntryLine } from '../../engine/index.ts';
import { findObject } from '../../store/derive/findObject.ts';
import { useInspectFacts } from './useInspectFacts.ts';
import { NetworkPolicyDetails } from './NetworkPolicyDetails.tsx';
import type { FoundObject } from '../../store/derive/findObject.ts';
import { useApp, useSimulation, useTraffic, useView } from '../../store/react.ts';
import { setDraft } from '../../store/viewStore.ts';
import { formatServicePorts } from '../graph/toFlowElements.ts';
import { PasteNameButton } from '../terminal/PasteNameButton.tsx';
import '../../i18n/laterTexts.ts';

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PodDetails({ pod }: { pod: PodState }) {
  const app = useApp();
  const { t } = useTranslation();
  const id = `pod/${pod.metadata.namespace}/${pod.metadata.name}`;
  const hits = useTraffic((s) => s.hits[id] ?? 0);
  const { name, namespace } = pod.metadata;
  const facts = useInspectFacts(id);
  const env = facts?.kind === 'pod' ? facts.env : [];
  const resolvConf = facts?.kind === 'pod' ? facts.resolvConf : '';
  const owner = pod.ownerRef;
  const act = (action: Action) => app.perform(action);
  const workload = owner
    ? app.simulation
        .getState()
        .sim?.state.workloads.find(
          (w) => w.manifest.metadata.name === owner.name && w.manifest.metadata.namespace === namespace,
        )
    : undefined;
  return (
    <>
      <dl className="kp-fields">
        <Field name="IP">{pod.status.podIP || '—'}</Field>
        <Field name={t('inspector.node')}>
          {pod.spec.nodeName} ({pod.status.hostIP})
        </Field>
        <Field name={t('inspector.status')}>
          {pod.status.phase}, {pod.status.ready ? t('inspector.ready') : t('inspector.notReady')}
        </Field>
        <Field name="labels">
          {Object.entries(pod.metadata.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '—'}
        </Field>
        <Field name={t('inspector.image')}>{pod.spec.containers.map((c) => c.image).join(', ')}</Field>
        {owner && <Field name={t('inspector.owner')}>{`${owner.kind}/${owner.name}`}</Field>}
        <Field name={t('inspector.served')}>{hits}</Field>
      </dl>
      <div className="kp-row">
        <button
          type="button"
          onClick={() => act({ type: 'podReady', namespace, name, ready: !pod.status.ready })}
        >
          {pod.status.ready ? t('inspector.markUnready') : t('inspector.markReady')}
        </button>
        <button type="button" onClick={() => act({ type: 'delete', kind: 'Pod', namespace, name })}>
          {t('inspector.deletePod')}
        </button>
        <button type="button" onClick={() => setDraft(app.view, { from: id })}>
          {t('inspector.sendFromHere')}
        </button>
      </div>
      {owner && workload && (
        <div className="kp-row">
          <span>
            {t('inspector.replicas', { kind: owner.kind, name: owner.name, replicas: workload.replicas })}
          </span>
          <button
            type="button"
            aria-label={t('inspector.scaleDown', { name: owner.name })}
            disabled={workload.replicas <= 0}
            onClick={() =>
              act({
                type: 'scale',
                kind: owner.kind,
                namespace,
                name: owner.name,
                replicas: workload.replicas - 1,
              })
            }
          >
            −
          </button>
          <button
            type="button"
            aria-label={t('inspector.scaleUp', { name: owner.name })}
            onClick={() =>
              act({
                type: 'scale',
                kind: owner.kind,
                namespace,
                name: owner.name,
                replicas: workload.replicas + 1,
              })
            }
          >
            +
          </button>
        </div>
      )}
      <h3>{t('inspector.environment')}</h3>
      {env.length ? (
        <pre className="kp-pre">{env.map((e) => `${e.name}=${e.value}`).join('\n')}</pre>
      ) : (
        <p className="kp-muted">{t('inspector.noVariables')}</p>
      )}
      <h3>/etc/resolv.conf</h3>
      <pre className="kp-pre">{resolvConf || '…'}</pre>
    </>
  );
}

function ServiceFacts({ id }: { id: string }) {
  const facts = useInspectFacts(id);
  if (facts?.kind !== 'service') return null;
  return (
    <>
      <Field name="DNS">{facts.dnsRecords.length ? facts.dnsRecords.join('\n') : '—'}</Field>
      <Field name="env vars">{facts.envVarNames.join(' ') || '—'}</Field>
    </>
  );
}

/** Where the load balancer sends: every node's node port, or (MetalLB, layer 2) the node answering for the address. */
function LoadBalancerTargets({ id }: { id: string }) {
  const { t } = useTranslation();
  const announcer = useSimulation((s) => s.graph.announcers[id]);
  if (announcer === undefined) return <>{t('inspector.everyNodePort')}</>;
  if (announcer === null) return <>{t('inspector.noAnnouncer')}</>;
  return <>{t('inspector.announcedBy', { node: announcer })}</>;
}

function Details({ found, state }: { found: FoundObject; state: ClusterState }) {
  const app = useApp();
  const { t } = useTranslation();
  switch (found.kind) {
    case 'node': {
      const { node, pods } = found;
      return (
        <>
          <dl className="kp-fields">
            <Field name={t('inspector.role')}>{node.role}</Field>
            <Field name="IP">{node.ip}</Field>
            <Field name="pod CIDR">{node.podCIDR}</Field>
            <Field name={t('inspector.state')}>{node.up ? t('inspector.up') : t('inspector.down')}</Field>
            <Field name="pods">{pods.map((p) => p.metadata.name).join(', ') || '—'}</Field>
          </dl>
          <div className="kp-row">
            <button
              type="button"
              onClick={() => app.perform({ type: 'node', name: node.name, up: !node.up })}
              data-testid="node-toggle"
            >
              {node.up ? t('inspector.takeDown') : t('inspector.bringUp')}
            </button>
          </div>
        </>
      );
    }
    case 'pod':
      return <PodDetails pod={found.pod} />;
    case 'service': {
      const { service, endpoints } = found;
      const spec = service.manifest.spec;
      const addresses = endpoints?.subsets.flatMap((s) =>
        s.addresses.flatMap((a) => s.ports.map((p) => `${a.ip}:${p.port}`)),
      );
      return (
        <dl className="kp-fields">
          <Field name="type">{spec.type}</Field>
          <Field name="cluster IP">{spec.clusterIP ?? '—'}</Field>
          <Field name="ports">{formatServicePorts(service)}</Field>
          <Field name="selector">
            {spec.selector
              ? Object.entries(spec.selector)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')
              : t('inspector.none')}
          </Field>
          <Field name="endpoints">{addresses?.join(', ') || '<none>'}</Field>
          <ServiceFacts id={`svc/${service.manifest.metadata.namespace}/${service.manifest.metadata.name}`} />
          <Field name="affinity">{spec.sessionAffinity}</Field>
          {spec.type !== 'ClusterIP' && (
            <Field name="externalTrafficPolicy">{spec.externalTrafficPolicy}</Field>
          )}
        </dl>
      );
    }
    case 'endpoints':
      return (
        <dl className="kp-fields">
          {found.endpoints.subsets.map((s, i) => (
            <Field key={i} name={`subset ${i + 1}`}>
              ready: {s.addresses.map((a) => a.ip).join(', ') || '—'}; not ready:{' '}
              {s.notReadyAddresses.map((a) => a.ip).join(', ') || '—'}; ports:{' '}
              {s.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}`).join(', ')}
            </Field>
          ))}
          <Field name={t('inspector.managed')}>
            {found.endpoints.managed ? t('inspector.byController') : t('inspector.byHand')}
          </Field>
        </dl>
      );
    case 'ingress': {
      const spec = found.ingress.manifest.spec;
      return (
        <dl className="kp-fields">
          {spec.rules.map((r, i) => (
            <Field key={i} name={r.host ?? '*'}>
              {r.paths
                .map(
                  (p) =>
                    `${p.path} (${p.pathType}) → ${p.backend.service?.name ?? '?'}:${p.backend.service?.port.number ?? p.backend.service?.port.name ?? ''}`,
                )
                .join('; ')}
            </Field>
          ))}
          <Field name={t('inspector.address')}>
            {found.ingress.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname).join(', ') || '—'}
          </Field>
        </dl>
      );
    }
    case 'lb':
      return (
        <dl className="kp-fields">
          <Field name={t('inspector.forService')}>{found.service.manifest.metadata.name}</Field>
          <Field name="IP">
            {found.service.status.loadBalancer.ingress.map((a) => a.ip).join(', ') || '<pending>'}
          </Field>
          <Field name={t('inspector.targets')}>
            <LoadBalancerTargets
              id={graphIdOfLoadBalancer(
                found.service.manifest.metadata.namespace,
                found.service.manifest.metadata.name,
              )}
            />
          </Field>
        </dl>
      );
    case 'client':
      return (
        <dl className="kp-fields">
          <Field name="IP">{found.client?.ip ?? '—'}</Field>
          <Field name="/etc/hosts">{found.client?.hosts.map(hostsEntryLine).join('; ') || '—'}</Field>
        </dl>
      );
    case 'outside':
      return (
        <dl className="kp-fields">
          <Field name="IP">{found.host.address}</Field>
          <Field name="DNS">{found.host.hostnames.join(', ') || '—'}</Field>
          <Field name="ports">{found.host.ports.map((p) => p.port).join(', ')}</Field>
        </dl>
      );
    case 'networkpolicy':
      return <NetworkPolicyDetails policy={found.policy} />;
    case 'dns':
      return <p>{t('inspector.dns', { domain: state.settings.dnsDomain })}</p>;
  }
}

export function Inspector() {
  const { t } = useTranslation();
  const selection = useView((s) => s.selection);
  const state = useSimulation((s) => s.sim?.state);
  const found = selection && state ? findObject(state, selection) : null;
  return (
    <section className="kp-panel" aria-labelledby="kp-inspector-title" data-testid="inspector">
      <h2 id="kp-inspector-title">{selection ?? t('panels.inspector')}</h2>
      {found && state ? (
        <>
          <Details found={found} state={state} />
          {selection && <PasteNameButton graphId={selection} />}
        </>
      ) : (
        <p className="kp-muted">{t('panels.inspectHint')}</p>
      )}
    </section>
  );
}
