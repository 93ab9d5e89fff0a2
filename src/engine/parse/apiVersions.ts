/**
 * Which apiVersions each kind is served under, and what the API server said about the old ones
 * (its deprecation warnings read `<gv> <Kind> is deprecated in v1.X+, unavailable in v1.Y+; use <gv> <Kind>`;
 * kubernetes.io/docs/reference/using-api/deprecation-guide/).
 */
import type { Schema } from './schema/types.ts';
import { arr, any, bool, obj, str, strList } from './schema/types.ts';
import { resource } from './schema/meta.ts';
import { podSpec } from './schema/pod.ts';
import {
  daemonSetSpec,
  deploymentSpec,
  replicaSetSpec,
  replicationControllerSpec,
} from './schema/workload.ts';
import { endpointSubsets, serviceSpec } from './schema/service.ts';
import { ingressClassSpec, ingressSpecBeta, ingressSpecV1 } from './schema/ingress.ts';
import { kindCluster, namespaceSpec, nodeSpec } from './schema/cluster.ts';
import { networkPolicySpec } from './schema/networkPolicy.ts';
import { outsideHostSpec } from './schema/outsideHost.ts';

export type KnownKind =
  | 'Namespace'
  | 'Pod'
  | 'ReplicationController'
  | 'ReplicaSet'
  | 'Deployment'
  | 'DaemonSet'
  | 'Service'
  | 'Endpoints'
  | 'Ingress'
  | 'IngressClass'
  | 'NetworkPolicy'
  | 'Node'
  | 'IPAddressPool'
  | 'L2Advertisement'
  | 'List'
  | 'Cluster'
  | 'OutsideHost'
  | 'CloudProviderKind';

interface VersionInfo {
  schema: Schema;
  /** The API server's deprecation warning, for versions a current cluster no longer serves. */
  deprecated?: string;
}

function removed(
  gv: string,
  kind: string,
  deprecatedIn: string,
  removedIn: string,
  replacement: string,
): string {
  return `${gv} ${kind} is deprecated in v${deprecatedIn}+, unavailable in v${removedIn}+; use ${replacement} ${kind}`;
}

const pod = resource({ spec: podSpec });
const rc = resource({ spec: replicationControllerSpec });
const rs = resource({ spec: replicaSetSpec });
const deploy = resource({ spec: deploymentSpec });
const ds = resource({ spec: daemonSetSpec });
const ingV1 = resource({ spec: ingressSpecV1 });
const ingBeta = resource({ spec: ingressSpecBeta });
const ingClass = resource({ spec: ingressClassSpec });

export const KINDS: Record<KnownKind, Record<string, VersionInfo>> = {
  Namespace: { v1: { schema: resource({ spec: namespaceSpec }) } },
  Pod: { v1: { schema: pod } },
  ReplicationController: { v1: { schema: rc } },
  ReplicaSet: {
    'apps/v1': { schema: rs },
    'apps/v1beta2': {
      schema: rs,
      deprecated: removed('apps/v1beta2', 'ReplicaSet', '1.9', '1.16', 'apps/v1'),
    },
    'extensions/v1beta1': {
      schema: rs,
      deprecated: removed('extensions/v1beta1', 'ReplicaSet', '1.8', '1.16', 'apps/v1'),
    },
  },
  Deployment: {
    'apps/v1': { schema: deploy },
    'apps/v1beta2': {
      schema: deploy,
      deprecated: removed('apps/v1beta2', 'Deployment', '1.9', '1.16', 'apps/v1'),
    },
    'apps/v1beta1': {
      schema: deploy,
      deprecated: removed('apps/v1beta1', 'Deployment', '1.9', '1.16', 'apps/v1'),
    },
    'extensions/v1beta1': {
      schema: deploy,
      deprecated: removed('extensions/v1beta1', 'Deployment', '1.8', '1.16', 'apps/v1'),
    },
  },
  DaemonSet: {
    'apps/v1': { schema: ds },
    'apps/v1beta2': {
      schema: ds,
      deprecated: removed('apps/v1beta2', 'DaemonSet', '1.9', '1.16', 'apps/v1'),
    },
    'extensions/v1beta1': {
      schema: ds,
      deprecated: removed('extensions/v1beta1', 'DaemonSet', '1.8', '1.16', 'apps/v1'),
    },
  },
  Service: { v1: { schema: resource({ spec: serviceSpec }) } },
  Endpoints: { v1: { schema: resource({ subsets: endpointSubsets }) } },
  Ingress: {
    'networking.k8s.io/v1': { schema: ingV1 },
    'networking.k8s.io/v1beta1': {
      schema: ingBeta,
      deprecated: removed('networking.k8s.io/v1beta1', 'Ingress', '1.19', '1.22', 'networking.k8s.io/v1'),
    },
    'extensions/v1beta1': {
      schema: ingBeta,
      deprecated: removed('extensions/v1beta1', 'Ingress', '1.14', '1.22', 'networking.k8s.io/v1'),
    },
  },
  IngressClass: {
    'networking.k8s.io/v1': { schema: ingClass },
    'networking.k8s.io/v1beta1': {
      schema: ingClass,
      deprecated: removed(
        'networking.k8s.io/v1beta1',
        'IngressClass',
        '1.19',
        '1.22',
        'networking.k8s.io/v1',
      ),
    },
  },
  NetworkPolicy: {
    'networking.k8s.io/v1': { schema: resource({ spec: networkPolicySpec }) },
    'extensions/v1beta1': {
      schema: resource({ spec: networkPolicySpec }),
      deprecated: removed('extensions/v1beta1', 'NetworkPolicy', '1.9', '1.16', 'networking.k8s.io/v1'),
    },
  },
  Node: { v1: { schema: resource({ spec: nodeSpec }) } },
  // MetalLB's CRDs (https://github.com/metallb/metallb/tree/main/api/v1beta1)
  IPAddressPool: {
    'metallb.io/v1beta1': {
      schema: resource({
        spec: obj({ addresses: strList, autoAssign: bool, avoidBuggyIPs: bool, serviceAllocation: any }),
      }),
    },
  },
  L2Advertisement: {
    'metallb.io/v1beta1': {
      schema: resource({
        spec: obj({
          ipAddressPools: strList,
          ipAddressPoolSelectors: any,
          nodeSelectors: any,
          interfaces: strList,
        }),
      }),
    },
  },
  List: { v1: { schema: obj({ apiVersion: str, kind: str, metadata: any, items: arr({ t: 'resource' }) }) } },
  Cluster: { 'kind.x-k8s.io/v1alpha4': { schema: kindCluster } },
  // kubeplay's own kind for servers outside the cluster (docs/outside-hosts.md).
  OutsideHost: { 'kubeplay.dev/v1alpha1': { schema: resource({ spec: outsideHostSpec }) } },
  // kubeplay's own kind: cloud-provider-kind runs on the host (docs/load-balancers.md).
  CloudProviderKind: { 'kubeplay.dev/v1alpha1': { schema: resource({}) } },
};

export function isKnownKind(kind: string): kind is KnownKind {
  return Object.prototype.hasOwnProperty.call(KINDS, kind);
}

export function versionInfo(
  apiVersion: string | undefined,
  kind: string | undefined,
): VersionInfo | undefined {
  if (apiVersion === undefined || kind === undefined || !isKnownKind(kind)) return undefined;
  const versions = KINDS[kind];
  return Object.prototype.hasOwnProperty.call(versions, apiVersion) ? versions[apiVersion] : undefined;
}

/** For the schema walk: the field set of (apiVersion, kind), or undefined to accept anything. */
export function schemaFor(apiVersion: string | undefined, kind: string | undefined): Schema | undefined {
  if (kind !== undefined && isTypedList(kind)) return KINDS.List.v1?.schema;
  return versionInfo(apiVersion, kind)?.schema;
}

/**
 * `ServiceList`, `PodList`…: what the API returns for a collection. kubectl flattens any `*List` with
 * `items` the way it flattens `List`, so kubeplay does too.
 */
export function isTypedList(kind: string): boolean {
  return kind.length > 4 && kind.endsWith('List') && isKnownKind(kind.slice(0, -4));
}
