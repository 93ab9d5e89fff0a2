/**
 * The Trace: what the engine returns for every request it routes. The UI animates it, the terminal
 * prints from it, the CLI emits it as JSON (docs/decisions.md#trace): one shape for all three. Its hops
 * are stored compact (`path` and `ports`: a replayed request shares the hops of its plan's leaf and
 * carries only the ports it drew); every reader reads them through `readHops` (readHops.ts).
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
  | 'route' // an ingress controller matched host and path (or a node routed locally, or MetalLB's speaker took an LB address in)
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
  /** route by MetalLB in layer 2 mode: the load-balancer address `node` answers ARP for. */
  address?: string;
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
  /**
   * The hops as stored: read them with `readHops(trace)` (readHops.ts), never from here. A hop that
   * shows one of the request's ephemeral ports is a PortedHop whose strings name the port by its
   * slot in `ports`; the others are finished Hops. Frozen and shared between traces when replayed.
   */
  path: readonly PathHop[];
  /**
   * The ephemeral ports the path's slots show (the client's, then an ingress controller's upstream
   * connection's), in draw order, which a PortedHop's slots index. Empty when the trace spells its
   * ports in its hops (the general path's traces): then every hop of `path` is a finished Hop.
   */
  ports: readonly number[];
  /** Why the request did not get a 2xx answer (explain/explainTrace.ts); absent for `ok`. */
  explanation?: Explanation;
}

/**
 * A string of a hop that shows some of a trace's ports: `head`, the text of `ports[slot]`, `tail`, then
 * for a string that shows more than one, each further slot and the text after it, alternating.
 */
export interface PortedText {
  /** Its number among the distinct ported strings of its path (0, 1, …): a read builds each once. */
  readonly id: number;
  readonly head: string;
  readonly slot: number;
  readonly tail: string;
  readonly more: readonly (string | number)[] | undefined;
}

/** A hop's string as stored on a path: finished, or showing ports by slot. */
export type PathText = string | PortedText;

/**
 * A hop whose `src`, `dst`, `note` or `rule` shows one of the trace's ports (docs/decisions.md#trace):
 * built once per plan leaf, frozen, and shared by every request through it. `readHops` turns it into
 * the Hop the general path would have built, with the same fields in the same order.
 */
export interface PortedHop {
  readonly ported: true;
  readonly at: GraphId;
  readonly kind: HopKind;
  readonly src: PathText;
  readonly dst: PathText;
  readonly note: PathText;
  readonly rule: PathText | undefined;
  readonly facts: HopFacts | undefined;
}

/** A hop as a Trace stores it: a finished Hop, or one that shows the trace's ports by slot. */
export type PathHop = Hop | PortedHop;

/** No ports: the `ports` of every trace whose hops are finished (shared, frozen). */
export const NO_PORTS: readonly number[] = Object.freeze([]);

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
