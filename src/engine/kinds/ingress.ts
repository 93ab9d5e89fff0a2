/** The Ingress kind (networking.k8s.io/v1): host and path rules an ingress controller serves. */
import { sameName } from '../cluster/apiServer.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { locate } from '../cluster/diagnostics.ts';
import type { KindModule } from './kindModule.ts';
import { relabelled } from './relabelled.ts';
import { resource } from '../parse/schema/meta.ts';
import { ingressSpecBeta, ingressSpecV1 } from '../parse/schema/ingress.ts';
import { removedVersion } from '../parse/servedVersion.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { IngressBackend, IngressManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { versionInfo } from '../parse/apiVersions.ts';
import { buildIngress, ingressSpecToV1Plain, isBetaIngress } from '../parse/kinds/ingress.ts';
import { report } from '../parse/objectContext.ts';
import type { ObjectContext } from '../parse/objectContext.ts';
import { validateIngress } from '../parse/validate/ingress.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { lbStatus, metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { L1, L2, events, multiline } from '../shell/kubectl/describe.ts';
import { formatEndpointSlices, slicesOfService } from '../shell/kubectl/endpointSliceView.ts';
import { metaBase } from '../shell/kubectl/listing.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import { formatLoadBalancerStatus } from '../shell/kubectl/printers.ts';
import { graphIdOfIdentity } from '../sim/objectIdentity.ts';
import { stringify } from 'yaml';

export const ingressKind: KindModule<'Ingress'> = {
  kind: 'Ingress',
  scope: 'Namespaced',
  graphPrefix: 'ing',
  versions: {
    'networking.k8s.io/v1': { schema: resource({ spec: ingressSpecV1 }) },
    'networking.k8s.io/v1beta1': {
      schema: resource({ spec: ingressSpecBeta }),
      deprecated: removedVersion(
        'networking.k8s.io/v1beta1',
        'Ingress',
        '1.19',
        '1.22',
        'networking.k8s.io/v1',
      ),
    },
    'extensions/v1beta1': {
      schema: resource({ spec: ingressSpecBeta }),
      deprecated: removedVersion('extensions/v1beta1', 'Ingress', '1.14', '1.22', 'networking.k8s.io/v1'),
    },
  },
  resource: {
    plural: 'ingresses',
    singular: 'ingress',
    shortNames: ['ing'],
    group: 'networking.k8s.io',
    version: 'v1',
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildIngress(raw, apiVersion);
    warnOldIngress(ctx, manifest.spec, apiVersion);
    validateIngress(ctx, manifest, raw);
    return manifest;
  },
  apply(cp, manifest) {
    return applyIngress(cp, manifest);
  },
  remove(cp, namespace, name) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const before = state.ingresses.length;
    state.ingresses = state.ingresses.filter((i) => !inNs(i.manifest.metadata));
    return state.ingresses.length !== before;
  },
  relabel(cp, namespace, name, field, edit) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const ing = state.ingresses.find((i) => inNs(i.manifest.metadata));
    if (!ing) return false;
    ing.manifest = relabelled(ing.manifest, field, edit);
    return true;
  },
  refreshSource(state, m, source) {
    const { name, namespace } = m.metadata;
    const named = (meta: { name: string; namespace: string }) =>
      meta.name === name && meta.namespace === namespace;
    state.ingresses = state.ingresses.map((i) =>
      named(i.manifest.metadata) ? { ...i, manifest: { ...i.manifest, source } } : i,
    );
    return;
  },
  list(state) {
    const kind = 'Ingress' as const;
    return state.ingresses.map((ingress) => ({
      kind,
      ingress,
      ...metaBase(ingress.manifest.metadata, ingress.createdAt),
    }));
  },
  headers() {
    return ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'];
  },
  row(obj, _state, wide, age) {
    const ing = obj.ingress;
    const hosts = ing.manifest.spec.rules.map((r) => r.host).filter((h): h is string => !!h);
    const shown =
      hosts.length === 0
        ? '*'
        : hosts.length > 3
          ? `${hosts.slice(0, 3).join(',')} + ${hosts.length - 3} more...`
          : hosts.join(',');
    const ports = ing.manifest.spec.tls.length > 0 ? '80, 443' : '80';
    return [
      obj.name,
      ing.manifest.spec.ingressClassName ?? '<none>',
      shown,
      formatLoadBalancerStatus(ing.status.loadBalancer.ingress, wide),
      ports,
      age,
    ];
  },
  describe(obj, state) {
    const lines: string[] = describeIngress(obj, state);
    return lines;
  },
  toApiObject(obj, _state, { head, key }) {
    const s = obj.ingress.manifest.spec;
    const spec: JsonObject = {};
    if (s.ingressClassName) spec['ingressClassName'] = s.ingressClassName;
    if (s.defaultBackend) spec['defaultBackend'] = backendJson(s.defaultBackend);
    if (s.rules.length)
      spec['rules'] = s.rules.map((r) => ({
        ...(r.host ? { host: r.host } : {}),
        http: {
          paths: r.paths.map((p) => ({
            path: p.path,
            pathType: p.pathType,
            backend: backendJson(p.backend),
          })),
        },
      }));
    if (s.tls.length)
      spec['tls'] = s.tls.map((t) => ({
        hosts: [...t.hosts],
        ...(t.secretName ? { secretName: t.secretName } : {}),
      }));
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
      spec,
      status: lbStatus(obj.ingress.status.loadBalancer.ingress),
    }) as JsonObject;
  },
  graphIds(_state, identity) {
    return [graphIdOfIdentity(identity)];
  },
};

/**
 * The DefaultIngressClass admission plugin: a NEW Ingress naming no class (field nor annotation) gets
 * the default IngressClass; two defaults refuse it (`2 default IngressClasses were found, only 1 allowed`).
 */
function applyIngress(cp: ControlPlane, manifest: IngressManifest): Diagnostic[] {
  const { state } = cp;
  const index = state.ingresses.findIndex((i) => sameName(i.manifest, manifest));
  let stored = manifest;
  const hasClass =
    manifest.spec.ingressClassName !== undefined ||
    manifest.metadata.annotations['kubernetes.io/ingress.class'] !== undefined;
  if (index === -1 && !hasClass) {
    const defaults = state.ingressClasses.filter((c) => c.manifest.isDefault);
    if (defaults.length > 1) {
      return [
        locate(
          manifest,
          '',
          `Forbidden: ${defaults.length} default IngressClasses were found, only 1 allowed`,
          'ingress-default-class-conflict',
        ),
      ];
    }
    const only = defaults[0];
    if (only)
      stored = { ...manifest, spec: { ...manifest.spec, ingressClassName: only.manifest.metadata.name } };
  }
  const previous = index === -1 ? undefined : state.ingresses[index];
  if (previous && !hasClass && previous.manifest.spec.ingressClassName !== undefined) {
    stored = {
      ...manifest,
      spec: { ...manifest.spec, ingressClassName: previous.manifest.spec.ingressClassName },
    };
  }
  const record = {
    manifest: stored,
    status: previous?.status ?? { loadBalancer: { ingress: [] } },
    createdAt: previous?.createdAt ?? state.clock,
  };
  if (index === -1) state.ingresses.push(record);
  else state.ingresses[index] = record;
  return [];
}

function backendText(state: ClusterState, namespace: string, backend: IngressBackend | undefined): string {
  if (!backend) return '<default>';
  if (backend.resource)
    return `APIGroup: ${backend.resource.apiGroup ?? ''}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  const sb = backend.service;
  if (!sb) return '<default>';
  const text = `${sb.name}:${sb.port.number ?? sb.port.name ?? ''}`;
  const service = state.services.find(
    (s) => s.manifest.metadata.namespace === namespace && s.manifest.metadata.name === sb.name,
  );
  // describeBackendV1 lists the backend's EndpointSlices, then gets its Service
  // (https://github.com/kubernetes/kubectl/blob/master/pkg/describe/describe.go)
  if (!service) return `${text} (<error: services "${sb.name}" not found>)`;
  let portName = '';
  for (const sp of service.manifest.spec.ports) {
    if ((sb.port.name && sb.port.name === sp.name) || (sb.port.number && sb.port.number === sp.port))
      portName = sp.name ?? '';
  }
  return `${text} (${formatEndpointSlices(slicesOfService(state, namespace, sb.name), new Set([portName]))})`;
}

function describeIngress(obj: Extract<ListedObject, { kind: 'Ingress' }>, state: ClusterState): string[] {
  const spec = obj.ingress.manifest.spec;
  const lines: string[] = [`Name:\t${obj.name}`];
  multiline(lines, 'Labels', obj.labels);
  lines.push(`Namespace:\t${obj.namespace}`);
  lines.push(`Address:\t${formatLoadBalancerStatus(obj.ingress.status.loadBalancer.ingress, true)}`);
  lines.push(`Ingress Class:\t${spec.ingressClassName ?? '<none>'}`);
  lines.push(`Default backend:\t${backendText(state, obj.namespace, spec.defaultBackend)}`);
  if (spec.tls.length) {
    lines.push('TLS:');
    for (const t of spec.tls) {
      if (t.secretName) lines.push(`${L1}${t.secretName} terminates ${t.hosts.join(',')}`);
      else lines.push(`${L1}SNI routes ${t.hosts.join(',')}`);
    }
  }
  lines.push('Rules:', `${L1}Host\tPath\tBackends`, `${L1}----\t----\t--------`);
  let count = 0;
  for (const rule of spec.rules) {
    count++;
    lines.push(`${L1}${rule.host || '*'}\t`);
    for (const path of rule.paths)
      lines.push(`${L2}\t${path.path} \t${backendText(state, obj.namespace, path.backend)}`);
  }
  if (count === 0) lines.push(`${L1}*\t*\t${backendText(state, obj.namespace, spec.defaultBackend)}`);
  multiline(lines, 'Annotations', obj.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  events(lines, state, 'Ingress', obj.namespace, obj.name);
  return lines;
}

/** The beta Ingress shapes: say that 1.22+ no longer serves them, and show the converted v1 spec. */
export function warnOldIngress(
  ctx: ObjectContext,
  spec: Parameters<typeof ingressSpecToV1Plain>[0],
  apiVersion: string,
): void {
  if (!isBetaIngress(apiVersion)) return;
  const info = versionInfo(apiVersion, 'Ingress');
  const v1 = stringify(ingressSpecToV1Plain(spec), { collectionStyle: 'flow', lineWidth: 0 }).trim();
  report(
    ctx,
    'warning',
    'apiVersion',
    `${info?.deprecated ?? ''}. Kubernetes 1.22+ rejects this manifest with: no matches for kind "Ingress" in version "${apiVersion}". kubeplay converted it; in networking.k8s.io/v1 the spec reads: ${v1}`,
    'deprecated-ingress-version',
  );
}

function backendJson(b: IngressBackend): JsonObject {
  if (b.service)
    return {
      service: {
        name: b.service.name,
        port:
          b.service.port.number !== undefined
            ? { number: b.service.port.number }
            : { name: b.service.port.name ?? '' },
      },
    };
  if (b.resource)
    return {
      resource: {
        kind: b.resource.kind,
        name: b.resource.name,
        ...(b.resource.apiGroup ? { apiGroup: b.resource.apiGroup } : {}),
      },
    };
  return {};
}
