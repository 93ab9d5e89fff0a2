/**
 * kube-proxy's rules on one node for one Service port: the REJECT/DROP filter rules, the endpoint
 * choice (kubeProxy.ts), the DNAT, and the masquerade (docs/kubernetes-facts.md#clusterip to #traffic-policy; proxier.go):
 * - no endpoints at all: REJECT "<ns>/<svc>:<port> has no endpoints" -> connection refused
 *   (IPVS: the virtual server has no real servers and the kernel answers port unreachable);
 * - Local policy with no local endpoint: DROP "... has no local endpoints" -> timeout;
 * - ClusterIP traffic from a pod keeps its source (no SNAT); from outside the pod network (a node)
 *   it is masqueraded; a pod reaching itself through its Service (hairpin) is masqueraded too;
 * - external traffic (node port, LB IP, external IP) under Cluster policy is always masqueraded;
 *   under Local it keeps the client IP and only local endpoints serve it, except that traffic from
 *   pods short-circuits to all endpoints and traffic from the node itself is masqueraded and sent
 *   cluster-wide (modern kube-proxy's KUBE-EXT chain).
 * Masquerading picks the address of the interface the packet leaves by: the node IP toward another
 * node, the node's pod-network gateway (first address of its podCIDR) toward a local pod — which is
 * why the Source IP tutorial shows `client_address=10.180.1.1`-style addresses for local endpoints.
 */
import type { ServicePort } from '../model/objects.ts';
import type { NodeState, ServiceState } from '../model/state.ts';
import { graphIdOfNode } from '../trace.ts';
import type { HopFacts } from '../trace.ts';
import { externalServiceChainName, servicePortName } from './chainNames.ts';
import { deliverToBackend } from './deliver.ts';
import type { Delivery, Flow } from './flow.ts';
import { dstAddr, refused, srcAddr, timedOut } from './flow.ts';
import { chooseEndpoint } from './kubeProxy.ts';
import type { EndpointChoice } from './kubeProxy.ts';
import type { Backend } from './netIndex.ts';
import { getProxyBackends } from './proxyEndpoints.ts';
import { addr } from './routeContext.ts';
import type { RouteContext } from './routeContext.ts';
import type { Source } from './source.ts';

const serviceKeys = new WeakMap<ServiceState, string>();

export function serviceKey(service: ServiceState): string {
  let key = serviceKeys.get(service);
  if (key === undefined) {
    key = `${service.manifest.metadata.namespace}/${service.manifest.metadata.name}`;
    serviceKeys.set(service, key);
  }
  return key;
}

/** The first address of a CIDR: the pod-network gateway kindnet/ptp puts on the node. */
const gateways = new WeakMap<NodeState, string>();

export function gatewayOf(node: NodeState): string {
  const hit = gateways.get(node);
  if (hit !== undefined) return hit;
  const gateway = computeGateway(node);
  gateways.set(node, gateway);
  return gateway;
}

function computeGateway(node: NodeState): string {
  const base = (node.podCIDR.split('/')[0] ?? '').split('.').map(Number);
  return `${base[0] ?? 0}.${base[1] ?? 0}.${base[2] ?? 0}.${(base[3] ?? 0) + 1}`;
}

function portLabel(service: ServiceState, port: ServicePort): string {
  const { namespace, name } = service.manifest.metadata;
  return servicePortName(namespace, name, port.name);
}

function rejectNoEndpoints(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  port: ServicePort,
  node: NodeState,
): Delivery {
  const label = portLabel(service, port);
  const ipvs = ctx.state.settings.kubeProxyMode === 'ipvs';
  ctx.hop(
    graphIdOfNode(node.name),
    'reject',
    srcAddr(flow),
    dstAddr(flow),
    ipvs
      ? `${label} has no ready endpoints: the IPVS virtual server on ${node.name} has no real servers, so the kernel refuses the connection at once`
      : `${label} has no ready endpoints: kube-proxy's REJECT rule on ${node.name} refuses the connection at once`,
    `"${label} has no endpoints" -j REJECT`,
  );
  return { ...refused(), service: serviceKey(service) };
}

function dropNoLocal(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  port: ServicePort,
  node: NodeState,
  policy: string,
): Delivery {
  const label = portLabel(service, port);
  ctx.hop(
    graphIdOfNode(node.name),
    'drop',
    srcAddr(flow),
    dstAddr(flow),
    `${node.name} has no local endpoint for ${serviceKey(service)} and drops it (${policy} is Local), so the client times out`,
    `"${label} has no local endpoints" -j DROP`,
  );
  return { ...timedOut(), service: serviceKey(service) };
}

export const MASQUERADE_RULE = 'KUBE-POSTROUTING MASQUERADE';

/** The address a masqueraded packet leaves `node` with, toward `backend` (see the file comment). */
export function masqueradeAddress(node: NodeState, backend: Backend): string {
  return backend.nodeName === node.name ? gatewayOf(node) : node.ip;
}

const snatFactsCache = new WeakMap<NodeState, HopFacts>();

/** The snat hop's facts: the node that masqueraded (cached: it is on many requests). */
export function snatFacts(node: NodeState): HopFacts {
  let facts = snatFactsCache.get(node);
  if (!facts) {
    facts = { node: node.name };
    snatFactsCache.set(node, facts);
  }
  return facts;
}

export function masqueradeNote(node: NodeState, backend: Backend, newSrc: string, reason: string): string {
  const where =
    backend.nodeName === node.name
      ? `${node.name}'s pod-network gateway ${newSrc}, the interface toward the local pod`
      : `${node.name}'s IP ${newSrc}`;
  return `masqueraded to ${where} because ${reason}`;
}

/** Why kube-proxy masquerades a ClusterIP connection from `source` to `backendIp`, if it does. */
export function clusterIpMasqueradeReason(
  source: Source,
  backendIp: string,
  srcIp: string,
): string | undefined {
  const fromPodNetwork = source.kind === 'pod' && !source.pod.spec.hostNetwork;
  if (!fromPodNetwork)
    return 'the connection comes from outside the pod network (the node itself), so the reply must come back through it';
  // A pod reaching itself through its own Service (hairpin).
  if (backendIp === srcIp)
    return 'the pod reached itself through its own Service (hairpin): without it the reply would skip conntrack';
  return undefined;
}

function dnatAndDeliver(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  node: NodeState,
  choice: { backend: Backend; note: string; rule: string; facts: HopFacts },
  masquerade: string | undefined,
): Delivery {
  const { backend } = choice;
  ctx.hop(
    graphIdOfNode(node.name),
    'dnat',
    srcAddr(flow),
    backend.key,
    choice.note,
    choice.rule,
    choice.facts,
  );
  flow.dstIp = backend.ip;
  flow.dstPort = backend.port;
  flow.dstText = backend.key;
  flow.dstTextIp = backend.ip;
  flow.dstTextPort = backend.port;
  if (masquerade) {
    const newSrc = masqueradeAddress(node, backend);
    if (newSrc !== flow.srcIp) {
      ctx.hop(
        graphIdOfNode(node.name),
        'snat',
        addr(newSrc, flow.srcPort),
        backend.key,
        masqueradeNote(node, backend, newSrc, masquerade),
        MASQUERADE_RULE,
        snatFacts(node),
      );
      flow.srcIp = newSrc;
    }
  }
  const delivery = deliverToBackend(ctx, flow, backend);
  // An ingress controller behind this Service reports the backend Service it proxied to: keep that one.
  if (delivery.service === undefined) delivery.service = serviceKey(service);
  return delivery;
}

/**
 * What every service-port chain does before the DNAT: no endpoints -> REJECT; a Local traffic policy
 * keeps only this node's endpoints (none -> DROP); then kube-proxy's choice among the candidates.
 */
function pickBackend(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  port: ServicePort,
  node: NodeState,
  localPolicy: 'internalTrafficPolicy' | 'externalTrafficPolicy' | undefined,
): EndpointChoice | Delivery {
  const all = getProxyBackends(ctx.index, service, port);
  if (all.length === 0) return rejectNoEndpoints(ctx, flow, service, port, node);
  const candidates = localPolicy ? all.filter((b) => b.nodeName === node.name) : all;
  if (candidates.length === 0)
    return dropNoLocal(ctx, flow, service, port, node, localPolicy ?? 'internalTrafficPolicy');
  const choice = chooseEndpoint(ctx, {
    service,
    port,
    candidates,
    nodeName: node.name,
    clientIp: flow.srcIp,
    virtualServer: dstAddr(flow),
  });
  return choice ?? rejectNoEndpoints(ctx, flow, service, port, node);
}

/** A connection to ClusterIP:port, handled by the rules of the node it leaves from. */
export function proxyClusterIp(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  port: ServicePort,
  node: NodeState,
): Delivery {
  const local = service.manifest.spec.internalTrafficPolicy === 'Local';
  const choice = pickBackend(ctx, flow, service, port, node, local ? 'internalTrafficPolicy' : undefined);
  if (!('backend' in choice)) return choice;
  const masquerade = clusterIpMasqueradeReason(flow.source, choice.backend.ip, flow.srcIp);
  return dnatAndDeliver(ctx, flow, service, node, choice, masquerade);
}

const externalRules = new WeakMap<ServicePort, Map<string, string>>();

/** `KUBE-EXT-… -> KUBE-SVC-… -> KUBE-SEP-…`, cached per Service port and endpoint rule. */
export function externalRule(service: ServiceState, port: ServicePort, inner: string): string {
  let perPort = externalRules.get(port);
  if (!perPort) {
    perPort = new Map();
    externalRules.set(port, perPort);
  }
  let rule = perPort.get(inner);
  if (rule === undefined) {
    rule = `${externalServiceChainName(portLabel(service, port), port.protocol)} -> ${inner}`;
    if (perPort.size < 10_000) perPort.set(inner, rule);
  }
  return rule;
}

export interface ExternalTreatment {
  /** Only endpoints on the receiving node serve it (externalTrafficPolicy Local, outside client). */
  onlyLocal: boolean;
  /** Why the source is masqueraded, if it is. */
  masquerade: string | undefined;
  /** Appended to the endpoint choice's note. */
  noteSuffix: string;
}

/** How kube-proxy treats external traffic (node port, LB IP, external IP) from `source`, by policy. */
export function externalTreatment(source: Source, service: ServiceState): ExternalTreatment {
  if (service.manifest.spec.externalTrafficPolicy !== 'Local') {
    return {
      onlyLocal: false,
      masquerade: 'externalTrafficPolicy is Cluster (the reply must return through this node to be un-NATed)',
      noteSuffix: '',
    };
  }
  if (source.kind === 'pod' && !source.pod.spec.hostNetwork) {
    return {
      onlyLocal: false,
      masquerade: undefined,
      noteSuffix:
        ' (traffic from a pod skips externalTrafficPolicy Local and may use any endpoint); the client IP is kept (externalTrafficPolicy Local)',
    };
  }
  if (source.kind === 'node' || source.kind === 'pod') {
    return {
      onlyLocal: false,
      masquerade:
        'the connection comes from the node itself, which kube-proxy masquerades and sends to any endpoint',
      noteSuffix: '',
    };
  }
  return {
    onlyLocal: true,
    masquerade: undefined,
    noteSuffix: '; the client IP is kept (externalTrafficPolicy Local)',
  };
}

/** A connection to a node port, LB IP or external IP, handled by the rules of `node`. */
export function proxyExternal(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  port: ServicePort,
  node: NodeState,
): Delivery {
  const { onlyLocal, masquerade, noteSuffix } = externalTreatment(flow.source, service);
  const choice = pickBackend(ctx, flow, service, port, node, onlyLocal ? 'externalTrafficPolicy' : undefined);
  if (!('backend' in choice)) return choice;
  const rule = externalRule(service, port, choice.rule);
  return dnatAndDeliver(
    ctx,
    flow,
    service,
    node,
    { ...choice, note: choice.note + noteSuffix, rule },
    masquerade,
  );
}
