/**
 * One object (a document, or an item of a List) -> a defaulted, validated manifest. An object with any
 * error is left out, as the API server would refuse to create it; warnings keep it.
 */
import { stringify } from 'yaml';
import type { Manifest } from '../model/objects.ts';
import { isKnownKind, isTypedList, KINDS, versionInfo } from './apiVersions.ts';
import type { KnownKind } from './apiVersions.ts';
import { buildEndpoints } from './kinds/endpoints.ts';
import { buildIngress, ingressSpecToV1Plain, isBetaIngress } from './kinds/ingress.ts';
import { buildIngressClass } from './kinds/ingressClass.ts';
import { buildKindCluster } from './kinds/kindCluster.ts';
import { buildIpAddressPool, buildL2Advertisement } from './kinds/metallb.ts';
import { buildNamespace } from './kinds/namespace.ts';
import { buildNetworkPolicy } from './kinds/networkPolicy.ts';
import { buildNode } from './kinds/node.ts';
import { buildOutsideHost } from './kinds/outsideHost.ts';
import { buildPod } from './kinds/pod.ts';
import { buildService } from './kinds/service.ts';
import { buildWorkload } from './kinds/workload.ts';
import type { ObjectContext } from './objectContext.ts';
import { report, reportError } from './objectContext.ts';
import { getMap, getString } from './plain.ts';
import type { PlainMap } from './plain.ts';
import { validateMeta } from './validate/meta.ts';
import type { NameRule } from './validate/meta.ts';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from './validate/names.ts';
import { validatePodSpec } from './validate/pod.ts';
import { validateService } from './validate/service.ts';
import { validateWorkload } from './validate/workload.ts';
import { validateIngress, validateIngressClass } from './validate/ingress.ts';
import { validateEndpointProtocols, validateEndpoints } from './validate/endpoints.ts';
import { validateKindCluster } from './validate/kindCluster.ts';
import { validateIpAddressPool } from './validate/metallb.ts';
import { validateNetworkPolicy } from './validate/networkPolicy.ts';
import { validateOutsideHost } from './validate/outsideHost.ts';

type ObjectKind = Exclude<KnownKind, 'List'>;

const KNOWN_KIND_NAMES = Object.keys(KINDS);

/** What skipping a kind means for the traffic the student will see. */
const UNSIMULATED_NOTES = new Map<string, string>([
  [
    'StatefulSet',
    ': its pods are not created (a Deployment or a Pod with hostname/subdomain shows the same DNS ideas)',
  ],
  ['EndpointSlice', ': write an Endpoints object with the Service name instead'],
  ['Job', ': its pods are not created'],
  ['CronJob', ': its pods are not created'],
]);

const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Namespace', 'Node', 'IngressClass', 'OutsideHost']);

/** Which name syntax each kind's API validation applies to metadata.name. */
const NAME_RULES: Record<Exclude<ObjectKind, 'Cluster'>, NameRule> = {
  Namespace: isDns1123Label,
  Pod: isDns1123Subdomain,
  ReplicationController: isDns1123Subdomain,
  ReplicaSet: isDns1123Subdomain,
  Deployment: isDns1123Subdomain,
  DaemonSet: isDns1123Subdomain,
  Service: isDns1035Label,
  Endpoints: isDns1123Subdomain,
  Ingress: isDns1123Subdomain,
  IngressClass: isDns1123Subdomain,
  NetworkPolicy: isDns1123Subdomain,
  Node: isDns1123Subdomain,
  IPAddressPool: isDns1123Subdomain,
  L2Advertisement: isDns1123Subdomain,
  OutsideHost: isDns1123Subdomain,
};

/**
 * Checks apiVersion and kind. Returns the kind when the object is one kubeplay builds, 'List' for a
 * List (the caller flattens it), or undefined when the object is skipped (reported here).
 */
export function identify(raw: PlainMap, ctx: ObjectContext): KnownKind | undefined {
  const apiVersion = getString(raw, 'apiVersion');
  const kind = getString(raw, 'kind');
  if (!apiVersion) reportError(ctx, 'apiVersion', 'apiVersion not set', 'apiversion-missing');
  if (!kind) reportError(ctx, 'kind', 'kind not set', 'kind-missing');
  if (!apiVersion || !kind) return undefined;
  if (isTypedList(kind)) return 'List';
  if (!isKnownKind(kind)) {
    // Kinds are case-sensitive: `kind: service` is refused by the API server, not ignored.
    const lower = kind.toLowerCase();
    if (KNOWN_KIND_NAMES.some((k) => k.toLowerCase() === lower)) {
      reportError(ctx, 'kind', `no matches for kind "${kind}" in version "${apiVersion}"`, 'no-kind-match');
      return undefined;
    }
    report(
      ctx,
      'warning',
      'kind',
      `kubeplay does not simulate ${kind} objects (apiVersion "${apiVersion}"); this one is skipped${UNSIMULATED_NOTES.get(kind) ?? ''}`,
      'unknown-kind',
    );
    return undefined;
  }
  const info = versionInfo(apiVersion, kind);
  if (!info) {
    reportError(
      ctx,
      'apiVersion',
      `no matches for kind "${kind}" in version "${apiVersion}"`,
      'no-kind-match',
    );
    return undefined;
  }
  if (info.deprecated && kind !== 'Ingress')
    report(ctx, 'warning', 'apiVersion', info.deprecated, 'deprecated-api-version');
  return kind;
}

export function buildObject(raw: PlainMap, kind: ObjectKind, ctx: ObjectContext): Manifest {
  const apiVersion = getString(raw, 'apiVersion') ?? '';
  if (kind === 'Cluster') {
    const cluster = buildKindCluster(raw, apiVersion);
    validateKindCluster(ctx, cluster, raw);
    return cluster;
  }
  const meta = getMap(raw, 'metadata');
  let manifest: Manifest;
  switch (kind) {
    case 'Namespace':
      manifest = buildNamespace(raw, apiVersion);
      break;
    case 'Pod':
      manifest = buildPod(raw, apiVersion);
      validatePodSpec(ctx, getMap(raw, 'spec'), manifest.spec, 'spec');
      break;
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
      manifest = buildWorkload(raw, kind, apiVersion);
      validateWorkload(ctx, manifest, raw);
      break;
    case 'Service':
      manifest = buildService(raw, apiVersion);
      validateService(ctx, manifest, raw);
      break;
    case 'Endpoints':
      manifest = buildEndpoints(raw, apiVersion);
      validateEndpoints(ctx, manifest);
      validateEndpointProtocols(ctx, raw);
      break;
    case 'Ingress':
      manifest = buildIngress(raw, apiVersion);
      warnOldIngress(ctx, manifest.spec, apiVersion);
      validateIngress(ctx, manifest, raw);
      break;
    case 'IngressClass':
      manifest = buildIngressClass(raw, apiVersion);
      validateIngressClass(ctx, manifest);
      break;
    case 'Node':
      manifest = buildNode(raw, apiVersion);
      break;
    case 'IPAddressPool':
      manifest = buildIpAddressPool(raw, apiVersion);
      validateIpAddressPool(ctx, manifest);
      break;
    case 'L2Advertisement':
      manifest = buildL2Advertisement(raw, apiVersion);
      break;
    case 'NetworkPolicy':
      manifest = buildNetworkPolicy(raw, apiVersion);
      validateNetworkPolicy(ctx, raw);
      break;
    case 'OutsideHost':
      manifest = buildOutsideHost(raw, apiVersion);
      validateOutsideHost(ctx, manifest);
      break;
  }
  validateMeta(
    ctx,
    manifest.metadata,
    !CLUSTER_SCOPED.has(kind),
    NAME_RULES[kind],
    getString(meta, 'generateName'),
  );
  return manifest;
}

/** The beta Ingress shapes: say that 1.22+ no longer serves them, and show the converted v1 spec. */
function warnOldIngress(
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
