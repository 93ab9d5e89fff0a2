/**
 * The Trace: what the engine returns for every request it routes. The UI animates it, the terminal
 * prints from it, the CLI emits it as JSON (docs/decisions.md#trace): one shape for all three.
 */
import type { Explanation } from './explain/types.ts';
import type { PolicyDenial } from './net/policy/evaluate.ts';

/**
 * Ids shared by the engine and the graph:
 * `node/<name>`, `pod/<ns>/<name>`, `svc/<ns>/<name>`, `ep/<ns>/<name>`, `ing/<ns>/<name>`,
 * `lb/<ns>/<svc>`, `client/<name>`, `outside/<name>` (a server outside the cluster), `dns`, `cluster`.
 */
export type GraphId = string;

export type Outcome = 'ok' | 'refused' | 'timeout' | 'unresolved' | 'http-error';

export type HopKind =
  | 'dns' // a name looked up: the client's resolver asks the cluster DNS (or reads /etc/hosts)
  | 'send' // the client opens the connection: first packet leaves it
  | 'dnat' // kube-proxy (or IPVS) rewrote the destination to an endpoint
  | 'snat' // the source was masqueraded to a node IP
  | 'forward' // the packet crossed from one node to another over the pod network
  | 'balance' // a load balancer or ingress controller picked a target
  | 'route' // an ingress controller matched host and path (or a node routed locally)
  | 'deliver' // the packet reached the process that answers
  | 'reply' // the answer travelling back (conntrack undoes the NAT on the way)
  | 'drop' // silently discarded: the client will time out
  | 'reject'; // refused: the client sees "connection refused" at once

export interface Hop {
  /** Where the hop happens, as a graph id. */
  at: GraphId;
  kind: HopKind;
  /** The packet as it leaves this hop: `ip:port` (for ICMP, just the IP). */
  src: string;
  dst: string;
  /** Why, in one sentence a student can read. */
  note: string;
  /** The rule or object responsible, when one is: `KUBE-SVC-…`, `default/kubia:http`, an Ingress rule. */
  rule?: string;
  /** The hop's facts as data, so the UI can word a plain sentence in the reader's language. */
  facts?: HopFacts;
}

/**
 * What a hop decided, as data (every field optional: a hop carries the ones it knows). The `note`
 * is the engineer's sentence; these let the UI say the same thing plainly, in English or Chinese.
 */
export interface HopFacts {
  /** `ns/name` of the Service whose rules acted. */
  service?: string;
  /** How kube-proxy or the load balancer chose: a random rule, in turn, a remembered client, the only one. */
  pick?: 'random' | 'round-robin' | 'affinity' | 'only';
  /** What was chosen: an endpoint `ip:port`, or a node's name (load balancer). */
  chosen?: string;
  /** `ns/name` of the chosen endpoint's pod, when it is a pod. */
  pod?: string;
  /** How many candidates there were, and the chosen one's 1-based position among them. */
  of?: number;
  index?: number;
  /** iptables mode: the `--probability` of the rule that matched, 1/(of-index+1). */
  probability?: number;
  /** The kube-proxy chain that chose (`KUBE-SVC-…`, nftables `service-…`, or the IPVS virtual server). */
  chain?: string;
  /** The node whose rules or interface acted (dnat, snat, forward: the node the packet reaches). */
  node?: string;
  /** forward: the node the packet left. */
  from?: string;
  /** dns: the name looked up and the address it resolved to (absent: no answer). */
  name?: string;
  answer?: string;
  /** deliver: the HTTP status the process answered. */
  status?: number;
  /** drop by NetworkPolicy: which pod, direction and policies, and the rule that came closest. */
  denial?: PolicyDenial;
}

export interface TraceRequest {
  method: string;
  url: string;
  /** The Host header sent (a name, or the IP when the URL has one). */
  host: string;
  /** The source IP of the client as it first sends. */
  clientIp: string;
}

export interface TraceEndpoint {
  /** `ns/name` of the pod, or absent for an address outside the cluster. */
  pod?: string;
  node?: string;
  ip: string;
  port: number;
}

export interface Trace {
  from: GraphId;
  request: TraceRequest;
  outcome: Outcome;
  /** HTTP status when an HTTP answer came back (also for `http-error`). */
  status?: number;
  /** The response body, when one came back. */
  body?: string;
  /** `ns/name` of the Service the request went through, if any. */
  service?: string;
  /** Where the request finally landed. */
  endpoint?: TraceEndpoint;
  /**
   * A connection was made but no HTTP answer came back (outcome `http-error` without `status`): curl's
   * exit code and message, e.g. `{ code: 35, message: 'TLS connect error: wrong version number' }` for
   * https to a plain-HTTP port, `{ code: 52, message: 'Empty reply from server' }` for a non-HTTP port.
   */
  failure?: { code: number; message: string };
  hops: Hop[];
  /** Why the request did not get a 2xx answer (explain/explainTrace.ts); absent for `ok`. */
  explanation?: Explanation;
}

export function graphIdOfPod(namespace: string, name: string): GraphId {
  return `pod/${namespace}/${name}`;
}
export function graphIdOfService(namespace: string, name: string): GraphId {
  return `svc/${namespace}/${name}`;
}
export function graphIdOfNode(name: string): GraphId {
  return `node/${name}`;
}
export function graphIdOfIngress(namespace: string, name: string): GraphId {
  return `ing/${namespace}/${name}`;
}
export function graphIdOfLoadBalancer(namespace: string, service: string): GraphId {
  return `lb/${namespace}/${service}`;
}
export function graphIdOfClient(name: string): GraphId {
  return `client/${name}`;
}
export function graphIdOfOutsideHost(name: string): GraphId {
  return `outside/${name}`;
}
export function graphIdOfEndpoints(namespace: string, name: string): GraphId {
  return `ep/${namespace}/${name}`;
}
export const DNS_GRAPH_ID: GraphId = 'dns';
