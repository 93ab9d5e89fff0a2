/**
 * The resource types kubectl knows in this cluster, with the names the API server's discovery gives
 * them: plural, singular, short names (`po`, `svc`, `ep`, `ing`, …), group, and whether namespaced.
 */
export type ResourceKind =
  | 'Pod'
  | 'Service'
  | 'Endpoints'
  | 'Ingress'
  | 'IngressClass'
  | 'NetworkPolicy'
  | 'IPAddressPool'
  | 'L2Advertisement'
  | 'Node'
  | 'Deployment'
  | 'ReplicationController'
  | 'ReplicaSet'
  | 'DaemonSet'
  | 'Namespace'
  | 'Event'
  | 'EndpointSlice';

export interface ResourceType {
  kind: ResourceKind;
  plural: string;
  singular: string;
  shortNames: string[];
  /** '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
}

export const RESOURCE_TYPES: ResourceType[] = [
  {
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Endpoints',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Ingress',
    plural: 'ingresses',
    singular: 'ingress',
    shortNames: ['ing'],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'IngressClass',
    plural: 'ingressclasses',
    singular: 'ingressclass',
    shortNames: [],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: false,
  },
  // MetalLB's CRDs (config/crd in https://github.com/metallb/metallb), served once MetalLB is installed
  {
    kind: 'IPAddressPool',
    plural: 'ipaddresspools',
    singular: 'ipaddresspool',
    shortNames: [],
    group: 'metallb.io',
    version: 'v1beta1',
    namespaced: true,
  },
  {
    kind: 'L2Advertisement',
    plural: 'l2advertisements',
    singular: 'l2advertisement',
    shortNames: [],
    group: 'metallb.io',
    version: 'v1beta1',
    namespaced: true,
  },
  {
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    shortNames: ['netpol'],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ReplicationController',
    plural: 'replicationcontrollers',
    singular: 'replicationcontroller',
    shortNames: ['rc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'DaemonSet',
    plural: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  {
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
  },
];

/** `kubectl get all`: the "all" category, in the order kubectl prints it. */
export const ALL_CATEGORY: ResourceKind[] = [
  'Pod',
  'ReplicationController',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
];

/** `po`, `pods`, `Pod`, `deployments.apps`, `deploy` -> the type; undefined when the server has no such type. */
export function findResourceType(word: string): ResourceType | undefined {
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  return RESOURCE_TYPES.find(
    (t) =>
      (t.plural === name ||
        t.singular === name ||
        t.shortNames.includes(name) ||
        t.kind.toLowerCase() === name) &&
      (group === undefined ||
        group === t.group ||
        group === `${t.version}.${t.group}` ||
        (group === 'v1' && !t.group)),
  );
}

export function resourceTypeOfKind(kind: ResourceKind): ResourceType {
  const found = RESOURCE_TYPES.find((t) => t.kind === kind);
  if (!found) throw new Error(`unknown kind ${kind}`); // programming error: the table above is complete
  return found;
}

/** The name the API server uses in messages: `pods`, `deployments.apps`, `ingresses.networking.k8s.io`. */
export function qualifiedPlural(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** `-o name` and multi-kind tables: `pod/x`, `deployment.apps/x`, `ingress.networking.k8s.io/x`. */
export function qualifiedSingular(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
