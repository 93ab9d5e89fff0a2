/**
 * What each graph node carries: ids and short, pre-formatted labels (never engine objects), so a
 * memoised node re-renders only when its own text changes.
 */
import type { Edge, Node } from '@xyflow/react';

export interface ClusterData extends Record<string, unknown> {
  kind: 'cluster';
  name: string;
  podSubnet: string;
  serviceSubnet: string;
  proxyMode: string;
  stale: boolean;
}
export interface KubeNodeData extends Record<string, unknown> {
  kind: 'node';
  name: string;
  ip: string;
  podCIDR: string;
  up: boolean;
  role: string;
}
export interface PodData extends Record<string, unknown> {
  kind: 'pod';
  name: string;
  namespace: string;
  ip: string;
  ready: boolean;
  phase: string;
  /** Deleted and within its grace period (kubectl: STATUS Terminating). */
  terminating: boolean;
  /** `app=kubia, tier=web`, shown on hover. */
  labels: string;
  ingressController: boolean;
}
export interface ServiceData extends Record<string, unknown> {
  kind: 'service';
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  /** As kubectl prints PORT(S): `80:30123/TCP,443:30124/TCP`. */
  ports: string;
  externalIP: string;
  /** `externalTrafficPolicy: Local`, `sessionAffinity: ClientIP` …, when not the default. */
  notes: string;
}
export interface EndpointsData extends Record<string, unknown> {
  kind: 'endpoints';
  name: string;
  ready: number;
  notReady: number;
}
export interface IngressData extends Record<string, unknown> {
  kind: 'ingress';
  name: string;
  hosts: string;
  className: string;
  address: string;
}
export interface LoadBalancerData extends Record<string, unknown> {
  kind: 'lb';
  name: string;
  ip: string;
  ports: string;
}
export interface ClientData extends Record<string, unknown> {
  kind: 'client';
  name: string;
  ip: string;
  /** Its /etc/hosts entries, as the terminal added them (`sudo tee -a /etc/hosts`); none by default. */
  hosts: readonly { ip: string; hostnames: readonly string[] }[];
}
/** A NetworkPolicy: which pods it isolates (counted by the engine), for which directions. */
export interface NetworkPolicyData extends Record<string, unknown> {
  kind: 'netpol';
  name: string;
  namespace: string;
  /** How many pods the policy's podSelector selects. */
  selects: number;
  /** `Ingress`, `Egress` or both, as the policy's (defaulted) policyTypes. */
  policyTypes: string[];
}
/** A server outside the cluster the scenario declares (engine: ClusterState.outsideHosts). */
export interface OutsideHostData extends Record<string, unknown> {
  kind: 'outside';
  name: string;
  ip: string;
  /** Its DNS names, comma-separated ('' when it has none). */
  hostnames: string;
}
export interface DnsData extends Record<string, unknown> {
  kind: 'dns';
  domain: string;
  /** The kube-dns Service's cluster IP, when the cluster has one. */
  ip: string;
}

export type GraphNodeData =
  | ClusterData
  | KubeNodeData
  | PodData
  | ServiceData
  | EndpointsData
  | IngressData
  | LoadBalancerData
  | ClientData
  | OutsideHostData
  | DnsData
  | NetworkPolicyData;

export type GraphNode = Node<GraphNodeData>;
export type GraphEdge = Edge;

export interface FlowElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Positions the user dragged things to (relative to the parent, as React Flow keeps them). */
export type LayoutOverrides = Record<string, { x: number; y: number }>;
