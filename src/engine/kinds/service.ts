/** The Service kind: ClusterIP, NodePort, LoadBalancer and ExternalName, with their allocations. */
import { sameName } from '../cluster/apiServer.ts';
import { serviceLimitReached } from '../cluster/capacity.ts';
import { locate } from '../cluster/diagnostics.ts';
import { applyService, removeService } from '../cluster/serviceRegistry.ts';
import type { KindModule } from './kindModule.ts';
import { relabelled } from './relabelled.ts';
import { resource } from '../parse/schema/meta.ts';
import { serviceSpec } from '../parse/schema/service.ts';
import { serviceLimitMessage } from '../limits.ts';
import type { ClusterState } from '../model/state.ts';
import { buildService } from '../parse/kinds/service.ts';
import { isDns1035Label } from '../parse/validate/names.ts';
import { validateService } from '../parse/validate/service.ts';
import { lbStatus, metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { events, multiline } from '../shell/kubectl/describe.ts';
import { formatEndpointSlices, slicesOfService } from '../shell/kubectl/endpointSliceView.ts';
import { formatLabels } from '../shell/kubectl/labelSelector.ts';
import { metaBase } from '../shell/kubectl/listing.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import { formatLoadBalancerStatus, serviceExternalIp } from '../shell/kubectl/printers.ts';

export const serviceKind: KindModule<'Service'> = {
  kind: 'Service',
  scope: 'Namespaced',
  graphPrefix: 'svc',
  versions: { v1: { schema: resource({ spec: serviceSpec }) } },
  resource: {
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    categories: ['all'],
  },
  nameRule: isDns1035Label,
  decode(raw, apiVersion, ctx) {
    const manifest = buildService(raw, apiVersion);
    validateService(ctx, manifest, raw);
    return manifest;
  },
  apply(cp, manifest) {
    const { state } = cp;
    if (!state.services.some((s) => sameName(s.manifest, manifest)) && serviceLimitReached(state))
      return [locate(manifest, 'metadata.name', serviceLimitMessage(), 'limit-services')];
    return applyService(cp, manifest);
  },
  remove(cp, namespace, name) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const svc = state.services.find((s) => inNs(s.manifest.metadata));
    if (!svc) return false;
    removeService(cp, svc);
    return true;
  },
  relabel(cp, namespace, name, field, edit) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const svc = state.services.find((s) => inNs(s.manifest.metadata));
    if (!svc) return false;
    svc.manifest = relabelled(svc.manifest, field, edit);
    return true;
  },
  refreshSource(state, m, source) {
    const { name, namespace } = m.metadata;
    const named = (meta: { name: string; namespace: string }) =>
      meta.name === name && meta.namespace === namespace;
    for (const s of state.services) if (named(s.manifest.metadata)) s.manifest = { ...s.manifest, source };
    return;
  },
  list(state) {
    const kind = 'Service' as const;
    return state.services.map((service) => ({
      kind,
      service,
      ...metaBase(service.manifest.metadata, service.createdAt),
    }));
  },
  headers(wide) {
    return ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])];
  },
  row(obj, _state, wide, age) {
    const spec = obj.service.manifest.spec;
    const clusterIP = spec.type === 'ExternalName' ? '<none>' : (spec.clusterIP ?? '<none>');
    const ports =
      spec.ports.length === 0
        ? '<none>'
        : spec.ports
            .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
            .join(',');
    const row = [obj.name, spec.type, clusterIP, serviceExternalIp(obj.service, wide), ports, age];
    if (wide) row.push(spec.selector === undefined ? '<none>' : formatLabels(spec.selector));
    return row;
  },
  exposeSource(obj) {
    const spec = obj.service.manifest.spec;
    return {
      selector: spec.selector,
      containerPorts: spec.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
    };
  },
  describe(obj, state) {
    const lines: string[] = describeService(obj, state);
    return lines;
  },
  toApiObject(obj, _state, { head, key }) {
    const s = obj.service.manifest.spec;
    const spec: JsonObject = {
      type: s.type,
      sessionAffinity: s.sessionAffinity,
    };
    if (s.ports.length)
      spec['ports'] = s.ports.map((p) => ({
        port: p.port,
        protocol: p.protocol,
        ...(s.type === 'ExternalName' ? {} : { targetPort: p.targetPort }),
        ...(p.name ? { name: p.name } : {}),
        ...(p.nodePort ? { nodePort: p.nodePort } : {}),
      }));
    if (s.selector !== undefined) spec['selector'] = { ...s.selector };
    if (s.type === 'ExternalName') spec['externalName'] = s.externalName ?? '';
    else {
      if (s.clusterIP) {
        spec['clusterIP'] = s.clusterIP;
        spec['clusterIPs'] = [s.clusterIP];
      }
      spec['ipFamilies'] = ['IPv4'];
      spec['ipFamilyPolicy'] = 'SingleStack';
      spec['internalTrafficPolicy'] = s.internalTrafficPolicy;
    }
    if (s.sessionAffinity === 'ClientIP')
      spec['sessionAffinityConfig'] = { clientIP: { timeoutSeconds: s.sessionAffinityTimeoutSeconds } };
    if (s.type === 'NodePort' || s.type === 'LoadBalancer')
      spec['externalTrafficPolicy'] = s.externalTrafficPolicy;
    if (s.type === 'LoadBalancer') spec['allocateLoadBalancerNodePorts'] = s.allocateLoadBalancerNodePorts;
    if (s.healthCheckNodePort) spec['healthCheckNodePort'] = s.healthCheckNodePort;
    if (s.externalIPs.length) spec['externalIPs'] = [...s.externalIPs];
    if (s.loadBalancerIP) spec['loadBalancerIP'] = s.loadBalancerIP;
    if (s.publishNotReadyAddresses) spec['publishNotReadyAddresses'] = true;
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key)),
      spec,
      status: lbStatus(obj.service.status.loadBalancer.ingress, true),
    }) as JsonObject;
  },
  graphIds(state, identity) {
    const { namespace, name } = identity;
    const svc = state.services.find(
      (s) => s.manifest.metadata.namespace === namespace && s.manifest.metadata.name === name,
    );
    if (!svc) return [];
    const ids = [`svc/${namespace}/${name}`];
    if (state.endpoints.some((e) => e.metadata.namespace === namespace && e.metadata.name === name)) {
      ids.push(`ep/${namespace}/${name}`);
    }
    if (svc.manifest.spec.type === 'LoadBalancer') ids.push(`lb/${namespace}/${name}`);
    return ids;
  },
};

function describeService(obj: Extract<ListedObject, { kind: 'Service' }>, state: ClusterState): string[] {
  const s = obj.service.manifest.spec;
  const lines: string[] = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
  multiline(lines, 'Labels', obj.labels);
  multiline(lines, 'Annotations', obj.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  lines.push(`Selector:\t${formatLabels(s.selector)}`);
  lines.push(`Type:\t${s.type}`);
  const hasIp = s.type !== 'ExternalName';
  if (hasIp) lines.push('IP Family Policy:\tSingleStack');
  lines.push(`IP Families:\t${hasIp ? 'IPv4' : '<none>'}`);
  lines.push(`IP:\t${hasIp ? (s.clusterIP ?? '') : ''}`);
  lines.push(`IPs:\t${hasIp && s.clusterIP ? s.clusterIP : '<none>'}`);
  if (s.externalIPs.length) lines.push(`External IPs:\t${s.externalIPs.join(',')}`);
  if (s.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${s.loadBalancerIP}`);
  if (obj.service.status.loadBalancer.ingress.length)
    lines.push(
      `LoadBalancer Ingress:\t${formatLoadBalancerStatus(obj.service.status.loadBalancer.ingress, true).split(',').join(', ')}`,
    );
  if (s.type === 'ExternalName') lines.push(`External Name:\t${s.externalName ?? ''}`);
  // describeService prints each port's line from the Service's EndpointSlices (kubectl describe.go
  // formatEndpointSlices): a selector Service always has one (possibly empty), so no ready endpoint
  // prints nothing; only a Service with no slice at all prints `<none>`.
  const slices = slicesOfService(state, obj.namespace, obj.name);
  for (const p of s.ports) {
    const name = p.name || '<unset>';
    lines.push(`Port:\t${name}\t${p.port}/${p.protocol}`);
    lines.push(`TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) lines.push(`NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    lines.push(`Endpoints:\t${formatEndpointSlices(slices, new Set([p.name ?? '']))}`);
  }
  lines.push(`Session Affinity:\t${s.sessionAffinity}`);
  if (s.type === 'NodePort' || s.type === 'LoadBalancer')
    lines.push(`External Traffic Policy:\t${s.externalTrafficPolicy}`);
  if (hasIp) lines.push(`Internal Traffic Policy:\t${s.internalTrafficPolicy}`);
  if (s.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${s.healthCheckNodePort}`);
  events(lines, state, 'Service', obj.namespace, obj.name);
  return lines;
}
