/**
 * The cluster as the simulation holds it: what an API server would store (objects with their status)
 * plus the runtime the data plane needs (node health, conntrack-like affinity, IPVS cursors, clients).
 * It is a pure function of (manifests, seed, ordered actions) and plain data throughout.
 * Derived views (DNS records, iptables rules, env of a Service) are computed from it, never stored.
 */
import type { Diagnostic, SourceRef } from './diagnostic.ts';
import type {
  EndpointSubset,
  EnvVar,
  IngressClassManifest,
  IpAddressPoolManifest,
  L2AdvertisementManifest,
  IngressManifest,
  KubeProxyMode,
  NetworkPolicyManifest,
  ObjectMeta,
  PodSpec,
  ServiceManifest,
  SliceEndpoint,
  SlicePort,
  WorkloadManifest,
} from './objects.ts';

export interface ClusterSettings {
  name: string;
  /** kind's defaults: 10.244.0.0/16 and 10.96.0.0/16. */
  podSubnet: string;
  serviceSubnet: string;
  kubeProxyMode: KubeProxyMode;
  dnsDomain: string; // cluster.local
  nodePortRange: { min: number; max: number }; // 30000-32767
  /** kind puts nodes on the docker network 172.18.0.0/16. */
  nodeSubnet: string;
}

export interface NodeState {
  name: string;
  role: 'control-plane' | 'worker';
  labels: Record<string, string>;
  ip: string;
  podCIDR: string;
  /** false after `kubeplay node down NODE`: no traffic in or out, its pods stop answering. */
  up: boolean;
  unschedulable: boolean;
  createdAt: number;
  /** Simulation time the node went down (`kubeplay node down`); absent while it is up. */
  downSince?: number;
  /** Taints as kubectl describe node prints them (kind's control-plane NoSchedule; unreachable while down). */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule' }[];
}

export interface OwnerRef {
  kind: WorkloadManifest['kind'];
  name: string;
}

export interface PodState {
  metadata: ObjectMeta & {
    uid: string;
    creationTimestamp: number;
    /** Set when the pod was deleted: it is Terminating until this time plus its grace period (cluster/termination.ts). */
    deletionTimestamp?: number;
    deletionGracePeriodSeconds?: number;
  };
  spec: PodSpec & { nodeName: string };
  ownerRef?: OwnerRef;
  /**
   * A DaemonSet pod's node: the controller pins it there with a required node affinity and the default
   * scheduler binds it (cluster/scheduler.ts), so it waits Pending like any pod when that node is full.
   */
  daemonNode?: string;
  status: {
    phase: 'Pending' | 'Running';
    podIP: string;
    hostIP: string;
    /** What kubelet reports: containers ready per readiness probe, and node up. */
    ready: boolean;
    /**
     * Simulation time the Ready condition last turned true (its lastTransitionTime), for minReadySeconds;
     * absent on a pod that was Ready when the scenario loaded (ready since long ago).
     */
    readySince?: number;
  };
  /**
   * Simulation time before which kubelet does not report the pod Ready: its containers start the second
   * after it is created and a readiness probe first counts after initialDelaySeconds
   * (cluster/podStartTiming.ts). Absent: no wait (the pods of a freshly loaded scenario).
   */
  readyAt?: number;
  /** `kubeplay pod unready|ready POD` overrides what the probe says. */
  readinessOverride?: boolean;
  /** The service links snapshot kubelet took when the pod's containers started. */
  serviceEnv: EnvVar[];
  /** Files touched inside the pod (e.g. `touch /var/ready` for the book's exec readiness probe). */
  files: string[];
  /** Present for pods the user wrote; absent for controller-made ones. */
  source?: SourceRef;
}

export interface WorkloadState {
  manifest: WorkloadManifest;
  /** Replicas wanted now (after `kubectl scale`). */
  replicas: number;
  createdAt: number;
  /** A monotonic counter used to derive pod name suffixes deterministically. */
  generation: number;
  /** A ReplicaSet made by a Deployment names its Deployment here. */
  ownerRef?: OwnerRef;
  /** Deployment: the pod-template-hash of its current ReplicaSet; ReplicaSet of a Deployment: its own hash. */
  templateHash?: string;
}

export interface ServiceState {
  manifest: ServiceManifest; // spec with clusterIP and nodePorts filled in by the allocators
  status: { loadBalancer: { ingress: LoadBalancerIngress[] } };
  createdAt: number;
  /**
   * 'metallb' when MetalLB wrote the status (it takes the address back when no pool holds it any more);
   * 'cloud-provider-kind' when its Envoy container holds the address (routing goes through it).
   */
  loadBalancerBy?: 'metallb' | 'cloud-provider-kind';
}

/** One status.loadBalancer.ingress entry; ipMode and ports only when the implementation writes them. */
export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  /** cloud-provider-kind writes Proxy: the address is a proxy, kube-proxy must not short-circuit it. */
  ipMode?: 'VIP' | 'Proxy';
  ports?: { port: number; protocol: string }[];
}

export interface EndpointsState {
  metadata: ObjectMeta;
  subsets: EndpointSubset[];
  /** true when the endpoints controller owns it (Service with a selector); false when written by the user. */
  managed: boolean;
  source?: SourceRef;
  createdAt: number;
}

/** Who keeps an EndpointSlice: its `endpointslice.kubernetes.io/managed-by` label says the same. */
export type SliceController = 'endpointslice-controller.k8s.io' | 'endpointslicemirroring-controller.k8s.io';

/**
 * An EndpointSlice (discovery.k8s.io/v1) as the API server stores it. The EndpointSlice controller keeps
 * one per Service with a selector (cluster/endpointSliceController.ts), the mirroring controller one
 * per hand-written Endpoints of a selectorless Service (cluster/endpointSliceMirroring.ts); a user may
 * write one by hand (`owner` absent). kube-proxy reads these, not Endpoints (docs/kubernetes-facts.md#endpointslices).
 */
export interface EndpointSliceState {
  metadata: ObjectMeta;
  addressType: string;
  endpoints: SliceEndpoint[];
  ports: SlicePort[];
  /**
   * The controller that keeps it and the object it answers for (its ownerReference; kube-apiserver's
   * `kubernetes` slice has none); absent: written by hand.
   */
  owner?: { controller: SliceController | 'kube-apiserver'; kind: 'Service' | 'Endpoints'; name: string };
  source?: SourceRef;
  createdAt: number;
}

export interface IngressState {
  manifest: IngressManifest;
  /** Published by the controller that serves it (its Service's LB IP, or the node IPs it runs on). */
  status: { loadBalancer: { ingress: { ip?: string; hostname?: string }[] } };
  createdAt: number;
}

export interface IngressClassState {
  manifest: IngressClassManifest;
  createdAt: number;
}

export interface NetworkPolicyState {
  manifest: NetworkPolicyManifest;
  createdAt: number;
}

export interface HostsEntry {
  ip: string;
  hostnames: string[];
}

/** A machine outside the cluster (the student's laptop): it reaches nodes, load balancers and what /etc/hosts says. */
export interface ClientState {
  name: string;
  ip: string;
  hosts: HostsEntry[];
}

/** A server outside the cluster (an OutsideHost document): reachable from pods through egress NAT. */
export interface OutsideHostState {
  name: string;
  address: string;
  hostnames: string[];
  ports: { port: number; body: string }[];
  source?: SourceRef;
}

export interface ClusterEvent {
  time: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `kind/name`, e.g. `ReplicationController/kubia`, `Pod/kubia-65mtj`. */
  object: string;
  namespace: string;
  message: string;
}

export interface AffinityEntry {
  /** `ns/pod` or `ip:port` the client is pinned to. */
  endpoint: string;
  /** Simulation time of the last use; expires after the Service's timeout. */
  lastUsed: number;
}

/**
 * Round-robin cursors by key (net/cursorTable.ts reads and writes them): one bucket while there are
 * few, then a list of buckets, so a request that moves one cursor copies a short list and one small
 * bucket, not every cursor. `[]` is the empty table.
 */
export type CursorTable = CursorBucket | readonly CursorBucket[];
/** Keys and their positions, alternating: `[key, position, key, position, …]`. */
export type CursorBucket = readonly (string | number)[];

export interface ClusterState {
  seed: number;
  /** The rng's internal state: part of the state so that replays give the same choices. */
  rng: number;
  /** Simulation time in seconds; each created object and action moves it on. */
  clock: number;
  settings: ClusterSettings;
  nodes: NodeState[];
  /** `labels` as written in the Namespace manifest (kubernetes.io/metadata.name is added when read). */
  namespaces: { name: string; createdAt: number; labels?: Record<string, string> }[];
  workloads: WorkloadState[];
  pods: PodState[];
  services: ServiceState[];
  endpoints: EndpointsState[];
  endpointSlices: EndpointSliceState[];
  ingresses: IngressState[];
  ingressClasses: IngressClassState[];
  /** MetalLB's configuration objects, when the scenario installs MetalLB (cluster/loadBalancerAllocator.ts). */
  metallb?: { pools: IpAddressPoolManifest[]; l2: L2AdvertisementManifest[] };
  /** true when the scenario declares cloud-provider-kind (a CloudProviderKind document, docs/load-balancers.md). */
  cloudProviderKind?: boolean;
  /** Absent in states made before NetworkPolicy was simulated: read as none. */
  networkPolicies?: NetworkPolicyState[];
  clients: ClientState[];
  /** Servers outside the cluster the scenario declares (docs/outside-hosts.md). */
  outsideHosts: OutsideHostState[];
  events: ClusterEvent[];
  /** sessionAffinity: ClientIP memory, keyed `ns/svc:port|clientIp` (and `node|…` for per-node state). */
  affinity: Record<string, AffinityEntry>;
  /** IPVS round-robin position per virtual server, keyed `node|ns/svc:port` (or `node|node:nodePort`). */
  ipvsCursor: CursorTable;
  /** Load balancer (and ingress upstream) round-robin position, keyed `ns/svc`. */
  lbCursor: CursorTable;
  /** Problems the control plane found while reconciling (allocation failures, unknown references). */
  diagnostics: Diagnostic[];
  /**
   * Pod IPAM memory per node: the offset in the node's podCIDR of the last address handed out. The CNI's
   * host-local IPAM continues after it (and wraps), so a recreated pod gets a new IP.
   */
  ipamLastReserved?: Record<string, number>;
}
