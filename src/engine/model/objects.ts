/**
 * Kubernetes objects as the engine holds them: the user's manifests after parsing, defaulting and
 * conversion to one shape (networking.k8s.io/v1 for Ingress). Field names are Kubernetes' own.
 * Everything is plain data (JSON and structuredClone safe): it crosses postMessage and prints as JSON.
 */
import type { SourceRef } from './diagnostic.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ObjectMeta {
  name: string;
  /** Defaulted to `default` for namespaced kinds; '' for cluster-scoped ones (Node, Namespace, IngressClass). */
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
  hostPort?: number;
}

export interface EnvVar {
  name: string;
  value: string;
}

/** When kubelet probes (only the fields written; defaults 0 and 10 s, core/v1 Probe). */
export interface ProbeTiming {
  initialDelaySeconds?: number;
  periodSeconds?: number;
}

/** Only what decides readiness in the simulation. */
export type Probe = (
  | { kind: 'exec'; command: string[] }
  | { kind: 'httpGet'; port: number | string; path: string }
  | { kind: 'tcpSocket'; port: number | string }
) &
  ProbeTiming;

export interface Container {
  name: string;
  image: string;
  ports: ContainerPort[];
  env: EnvVar[];
  command: string[];
  args: string[];
  readinessProbe?: Probe;
}

export type DnsPolicy = 'ClusterFirst' | 'Default' | 'ClusterFirstWithHostNet' | 'None';

export interface PodSpec {
  containers: Container[];
  nodeName?: string;
  nodeSelector: Record<string, string>;
  hostname?: string;
  subdomain?: string;
  /** Default true: kubelet injects `<SVC>_SERVICE_HOST` etc. for the Services of the pod's namespace. */
  enableServiceLinks: boolean;
  dnsPolicy: DnsPolicy;
  hostNetwork: boolean;
  /** Seconds a deleted pod stays Terminating before SIGKILL; absent means the default, 30 (cluster/termination.ts). */
  terminationGracePeriodSeconds?: number;
}

export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: PodSpec;
}

export interface PodManifest {
  kind: 'Pod';
  apiVersion: string;
  metadata: ObjectMeta;
  spec: PodSpec;
  source?: SourceRef;
}

export type WorkloadKind = 'ReplicationController' | 'ReplicaSet' | 'Deployment' | 'DaemonSet';

/** An int or a percentage (`25%`), as intstr.IntOrString. */
export type IntOrPercent = number | string;

/**
 * A Deployment's spec.strategy (apps/v1 DeploymentStrategy). Absent fields take the API server's
 * defaults: RollingUpdate with maxSurge and maxUnavailable 25 % (cluster/rollingUpdate.ts).
 */
export interface DeploymentStrategy {
  type: 'RollingUpdate' | 'Recreate';
  maxSurge?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
}

export interface WorkloadManifest {
  kind: WorkloadKind;
  apiVersion: string;
  metadata: ObjectMeta;
  /** Ignored for DaemonSet (one pod a schedulable node). Default 1. */
  replicas: number;
  /** ReplicationController's map selector is held as matchLabels; it defaults to the template labels. */
  selector: LabelSelector;
  template: PodTemplate;
  /** Deployment only, when written (defaults in cluster/rollingUpdate.ts). */
  strategy?: DeploymentStrategy;
  /** Deployment/ReplicaSet: seconds a pod must be Ready before it counts as available (default 0). */
  minReadySeconds?: number;
  /** Deployment: old ReplicaSets kept for `kubectl rollout undo` (default 10). */
  revisionHistoryLimit?: number;
  source?: SourceRef;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  name?: string;
  protocol: Protocol;
  port: number;
  /** Number or the NAME of a container port; defaulted to `port`. */
  targetPort: number | string;
  /** Set by the user or by the allocator (NodePort/LoadBalancer). */
  nodePort?: number;
}

export interface ServiceSpec {
  type: ServiceType;
  /** undefined = no selector (Endpoints are written by hand); {} selects nothing. */
  selector?: Record<string, string>;
  ports: ServicePort[];
  /** Requested or allocated; 'None' for headless; undefined for ExternalName. */
  clusterIP?: string;
  externalName?: string;
  externalIPs: string[];
  sessionAffinity: 'None' | 'ClientIP';
  /** spec.sessionAffinityConfig.clientIP.timeoutSeconds; 10800 by default. */
  sessionAffinityTimeoutSeconds: number;
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy: 'Cluster' | 'Local';
  loadBalancerIP?: string;
  /** Which load-balancer implementation should serve it; unset = the cluster's default one. */
  loadBalancerClass?: string;
  /** CIDRs allowed through the load balancer; empty = everyone. */
  loadBalancerSourceRanges?: string[];
  allocateLoadBalancerNodePorts: boolean;
  publishNotReadyAddresses: boolean;
  healthCheckNodePort?: number;
}

export interface ServiceManifest {
  kind: 'Service';
  apiVersion: string;
  metadata: ObjectMeta;
  spec: ServiceSpec;
  source?: SourceRef;
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  hostname?: string;
  targetRef?: { kind: 'Pod'; namespace: string; name: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface EndpointSubset {
  addresses: EndpointAddress[];
  notReadyAddresses: EndpointAddress[];
  ports: EndpointPort[];
}

export interface EndpointsManifest {
  kind: 'Endpoints';
  apiVersion: string;
  metadata: ObjectMeta;
  subsets: EndpointSubset[];
  source?: SourceRef;
}

/**
 * One endpoint of an EndpointSlice (discovery.k8s.io/v1 Endpoint). Conditions are optional as in the
 * API: a nil `ready` or `serving` reads as true, a nil `terminating` as false
 * (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1/).
 */
export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind: string; namespace: string; name: string };
}

/** An EndpointSlice port: `name` defaults to '' and `protocol` to TCP; a nil `port` means "all ports". */
export interface SlicePort {
  name: string;
  port?: number;
  protocol: Protocol;
  appProtocol?: string;
}

/** A hand-written EndpointSlice (discovery.k8s.io/v1), e.g. for a Service without a selector. */
export interface EndpointSliceManifest {
  kind: 'EndpointSlice';
  apiVersion: string;
  metadata: ObjectMeta;
  addressType: string;
  endpoints: SliceEndpoint[];
  ports: SlicePort[];
  source?: SourceRef;
}

export interface IngressServiceBackend {
  name: string;
  port: { number?: number; name?: string };
}

export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind: string; name: string };
}

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressPath {
  path: string;
  pathType: PathType;
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  paths: IngressPath[];
}

export interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  rules: IngressRule[];
  tls: { hosts: string[]; secretName?: string }[];
}

export interface IngressManifest {
  kind: 'Ingress';
  /** As written: `networking.k8s.io/v1`, or the old `extensions/v1beta1` / `networking.k8s.io/v1beta1` (converted). */
  apiVersion: string;
  metadata: ObjectMeta;
  spec: IngressSpec;
  source?: SourceRef;
}

export interface IngressClassManifest {
  kind: 'IngressClass';
  apiVersion: string;
  metadata: ObjectMeta;
  /** e.g. `k8s.io/ingress-nginx`, `traefik.io/ingress-controller`. */
  controller: string;
  /** annotation ingressclass.kubernetes.io/is-default-class: "true" */
  isDefault: boolean;
  source?: SourceRef;
}

export interface NamespaceManifest {
  kind: 'Namespace';
  apiVersion: string;
  metadata: ObjectMeta;
  source?: SourceRef;
}

export interface NodeManifest {
  kind: 'Node';
  apiVersion: string;
  metadata: ObjectMeta;
  role: 'control-plane' | 'worker';
  /** status.addresses InternalIP, when given. */
  internalIP?: string;
  podCIDR?: string;
  unschedulable: boolean;
  source?: SourceRef;
}

/**
 * MetalLB's IPAddressPool (metallb.io/v1beta1): the addresses MetalLB may hand to LoadBalancer
 * Services. https://metallb.universe.tf/configuration/#defining-the-ips-to-assign-to-the-load-balancer-services
 */
export interface IpAddressPoolManifest {
  kind: 'IPAddressPool';
  apiVersion: string;
  metadata: ObjectMeta;
  /** CIDRs (`172.18.255.0/24`) or ranges (`172.18.255.200-172.18.255.250`), as written. */
  addresses: string[];
  /** spec.autoAssign, true by default: false keeps the pool for Services that ask for it by name or IP. */
  autoAssign: boolean;
  source?: SourceRef;
}

/** MetalLB's L2Advertisement: announce (ARP) the addresses of the pools it names (all when none). */
export interface L2AdvertisementManifest {
  kind: 'L2Advertisement';
  apiVersion: string;
  metadata: ObjectMeta;
  ipAddressPools: string[];
  source?: SourceRef;
}

/**
 * networking.k8s.io/v1 NetworkPolicy, defaulted as the API server does (policyTypes filled in, ports'
 * protocol TCP). https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 */
export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicyPort {
  protocol: Protocol;
  /** A number or the NAME of a container port; absent: every port. */
  port?: number | string;
  /** With a numeric port: the range port..endPort. */
  endPort?: number;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except: string[] };
}

export interface NetworkPolicyRule {
  /** `from` (ingress) or `to` (egress); empty: every peer. */
  peers: NetworkPolicyPeer[];
  /** Empty: every port. */
  ports: NetworkPolicyPort[];
}

export interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes: PolicyType[];
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
}

export interface NetworkPolicyManifest {
  kind: 'NetworkPolicy';
  apiVersion: string;
  metadata: ObjectMeta;
  spec: NetworkPolicySpec;
  source?: SourceRef;
}

export type KubeProxyMode = 'iptables' | 'ipvs' | 'nftables';

/** A kind cluster config (kind.x-k8s.io/v1alpha4 Cluster): the topology the scenario runs on. */
export interface ClusterConfigManifest {
  kind: 'Cluster';
  apiVersion: string;
  name: string;
  nodes: { role: 'control-plane' | 'worker'; labels: Record<string, string> }[];
  podSubnet: string;
  serviceSubnet: string;
  kubeProxyMode: KubeProxyMode;
  source?: SourceRef;
}

/** One port an outside host answers HTTP on, and the body it answers with. */
export interface OutsideHostPort {
  port: number;
  /** The response body; kubeplay writes one naming the host when absent. */
  body?: string;
}

/**
 * kubeplay's own kind (kubeplay.dev/v1alpha1 OutsideHost, docs/outside-hosts.md): a server outside the
 * cluster (on the internet or the company network) that pods can reach through the node's egress NAT.
 * Not a Kubernetes object: the export leaves it out of the manifests.
 */
export interface OutsideHostManifest {
  kind: 'OutsideHost';
  apiVersion: string;
  metadata: ObjectMeta;
  /** Its IPv4 address. */
  address: string;
  /** Names the world's DNS answers with `address` (e.g. api.somecompany.com). */
  hostnames: string[];
  /** TCP ports that answer HTTP; default one port, 80. */
  ports: OutsideHostPort[];
  source?: SourceRef;
}

export type Manifest =
  | PodManifest
  | WorkloadManifest
  | ServiceManifest
  | EndpointsManifest
  | EndpointSliceManifest
  | IngressManifest
  | IngressClassManifest
  | NamespaceManifest
  | NodeManifest
  | IpAddressPoolManifest
  | L2AdvertisementManifest
  | NetworkPolicyManifest
  | ClusterConfigManifest
  | OutsideHostManifest
  | CloudProviderKindManifest;

/**
 * kubeplay's own kind (kubeplay.dev/v1alpha1 CloudProviderKind, docs/load-balancers.md): the scenario's
 * host runs cloud-provider-kind, which gives LoadBalancer Services an Envoy container on kind's network.
 * Like OutsideHost it stands for something outside the cluster that no Kubernetes object declares.
 */
export interface CloudProviderKindManifest {
  kind: 'CloudProviderKind';
  apiVersion: string;
  metadata: ObjectMeta;
  source?: SourceRef;
}

export type ManifestKind = Manifest['kind'];
