/**
 * What the selected thing is, and what can be done to it. Every button appends an engine Action to
 * the scenario's log (the YAML stays as the user wrote it).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ClusterState, PodState } from '../../engine/index.ts';
import { findObject } from '../../store/derive/findObject.ts';
import { useInspectFacts } from './useInspectFacts.ts';
import type { FoundObject } from '../../store/derive/findObject.ts';
import { useApp, useSimulation, useTraffic, useView } from '../../store/react.ts';
import { setDraft } from '../../store/viewStore.ts';
import { formatServicePorts } from '../graph/toFlowElements.ts';
import { PasteNameButton } from '../terminal/PasteNameButton.tsx';

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
        <Field name="node">
          {pod.spec.nodeName} ({pod.status.hostIP})
        </Field>
        <Field name="status">
          {pod.status.phase}, {pod.status.ready ? 'ready' : 'not ready'}
        </Field>
        <Field name="labels">
          {Object.entries(pod.metadata.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '—'}
        </Field>
        <Field name="image">{pod.spec.containers.map((c) => c.image).join(', ')}</Field>
        {owner && <Field name="owner">{`${owner.kind}/${owner.name}`}</Field>}
        <Field name="requests served">{hits}</Field>
      </dl>
      <div className="kp-row">
        <button
          type="button"
          onClick={() => act({ type: 'podReady', namespace, name, ready: !pod.status.ready })}
        >
          {pod.status.ready ? 'Mark unready' : 'Mark ready'}
        </button>
        <button type="button" onClick={() => act({ type: 'delete', kind: 'Pod', namespace, name })}>
          Delete pod
        </button>
        <button type="button" onClick={() => setDraft(app.view, { from: id })}>
          Send from here
        </button>
      </div>
      {owner && workload && (
        <div className="kp-row">
          <span>
            {owner.kind} {owner.name}: {workload.replicas} replicas
          </span>
          <button
            type="button"
            aria-label={`Scale ${owner.name} down`}
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
            aria-label={`Scale ${owner.name} up`}
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
      <h3>Environment</h3>
      {env.length ? (
        <pre className="kp-pre">{env.map((e) => `${e.name}=${e.value}`).join('\n')}</pre>
      ) : (
        <p className="kp-muted">No variables.</p>
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

function Details({ found, state }: { found: FoundObject; state: ClusterState }) {
  const app = useApp();
  switch (found.kind) {
    case 'node': {
      const { node, pods } = found;
      return (
        <>
          <dl className="kp-fields">
            <Field name="role">{node.role}</Field>
            <Field name="IP">{node.ip}</Field>
            <Field name="pod CIDR">{node.podCIDR}</Field>
            <Field name="state">{node.up ? 'up' : 'down'}</Field>
            <Field name="pods">{pods.map((p) => p.metadata.name).join(', ') || '—'}</Field>
          </dl>
          <div className="kp-row">
            <button
              type="button"
              onClick={() => app.perform({ type: 'node', name: node.name, up: !node.up })}
              data-testid="node-toggle"
            >
              {node.up ? 'Take node down' : 'Bring node up'}
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
              : 'none'}
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
          <Field name="managed">
            {found.endpoints.managed ? 'by the endpoints controller' : 'written by hand'}
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
          <Field name="address">
            {found.ingress.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname).join(', ') || '—'}
          </Field>
        </dl>
      );
    }
    case 'lb':
      return (
        <dl className="kp-fields">
          <Field name="for Service">{found.service.manifest.metadata.name}</Field>
          <Field name="IP">
            {found.service.status.loadBalancer.ingress.map((a) => a.ip).join(', ') || '<pending>'}
          </Field>
          <Field name="targets">every node's node port</Field>
        </dl>
      );
    case 'client':
      return (
        <dl className="kp-fields">
          <Field name="IP">{found.client?.ip ?? '—'}</Field>
          <Field name="/etc/hosts">
            {found.client?.hosts.map((h) => `${h.ip} ${h.hostnames.join(' ')}`).join('; ') || '—'}
          </Field>
        </dl>
      );
    case 'dns':
      return <p>The cluster DNS answers names under {state.settings.dnsDomain} for pods.</p>;
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
