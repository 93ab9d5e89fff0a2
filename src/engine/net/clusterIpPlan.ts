/**
 * A cached plan for the commonest request of all (`kubectl exec POD -- curl http://svc` and
 * `kubeplay load`): a pod or node opens a plain GET to a Service by name or ClusterIP, kube-proxy in
 * iptables or nftables mode picks an endpoint at random, and a pod answers. Everything but the client
 * port, the endpoint choice and the app's answer depends only on the net index's arrays, the source and
 * the URL, so the hops are worked out once per endpoint and a request only draws its random numbers and
 * fills in the client port. The plan holds exactly what request.ts -> entry.ts -> serviceProxy.ts ->
 * deliver.ts would do (clusterIpPlan.test.ts compares both over the bundled scenarios); whatever it does
 * not cover is `null` (the general path), and an endpoint it does not cover (its node is down, an
 * ingress controller serves it, ...) sends that one request down the general path, which redraws the
 * same random numbers from the same state.
 */
import type { ServicePort } from '../model/objects.ts';
import type { ClusterState, NodeState, PodState, ServiceState } from '../model/state.ts';
import type { GraphId, Hop, HopFacts, Trace, TraceEndpoint } from '../trace.ts';
import { graphIdOfNode, graphIdOfPod } from '../trace.ts';
import { answerRequest } from './apps.ts';
import { copyHop, forwardFacts, forwardNote, podName, recordAnswer, whereRuns } from './deliver.ts';
import type { Delivery } from './flow.ts';
import { CURL_HEADERS } from './flow.ts';
import { getIngressController } from './ingress/controller.ts';
import { drawRandomPosition, randomChoiceText } from './kubeProxy.ts';
import type { Backend, NetIndex } from './netIndex.ts';
import { getProxyBackends } from './proxyEndpoints.ts';
import { checkPacket, endOf } from './policy/evaluate.ts';
import { addr, RouteContext } from './routeContext.ts';
import {
  clusterIpMasqueradeReason,
  externalRule,
  externalTreatment,
  MASQUERADE_RULE,
  masqueradeAddress,
  masqueradeNote,
  serviceKey,
  snatFacts,
} from './serviceProxy.ts';
import type { Source } from './source.ts';
import type { ParsedUrl } from './url.ts';

/** The fixed part of a request that kube-proxy sends to one endpoint. */
interface EndpointTemplate {
  pod: PodState;
  port: number;
  /** The node whose kube-proxy rules DNAT (the source's node). */
  nodeAt: GraphId;
  /** backend.key: the DNAT target. */
  backendKey: string;
  dnatNote: string;
  dnatRule: string;
  dnatFacts: HopFacts;
  /** Set when kube-proxy masquerades to an address other than the client's. */
  snat: { ip: string; note: string; facts: HopFacts } | undefined;
  /** Set when the pod network carries the packet to another node. */
  forward: { at: GraphId; note: string; facts: HopFacts } | undefined;
  /** `podIP:port`, the packet's destination once it reaches the pod. */
  podAddr: string;
  deliverAt: GraphId;
  endpoint: TraceEndpoint;
  replyNote: string;
}

export interface ClusterIpPlan {
  /** The plan is valid only with these settings (the proxy mode); the index covers the rest. */
  settings: ClusterState['settings'];
  mode: string;
  sourceId: GraphId;
  sourceIp: string;
  /** The `dns` hop when the URL names a host (copied into every trace). */
  dnsHop: Hop | undefined;
  dialed: string;
  sendNote: string;
  scheme: ParsedUrl['scheme'];
  path: string;
  host: string;
  hostHeader: string;
  serviceKey: string;
  /** One per candidate endpoint, in kube-proxy's order; undefined: take the general path. */
  endpoints: (EndpointTemplate | undefined)[];
}

export interface PlanInputs {
  state: ClusterState;
  index: NetIndex;
  source: Source;
  url: ParsedUrl;
  /** The address the name resolved to (or the URL's IP), and the dns hop if a name was looked up. */
  dstIp: string;
  dnsHop: Hop | undefined;
  sendNote: string;
  /** As request.ts words the reply note. */
  replyNote: (rewritten: boolean, dialed: string) => string;
}

/** The node whose kube-proxy rules handle the connection, and what they do with it. */
interface Entry {
  node: NodeState;
  service: ServiceState;
  port: ServicePort;
  candidates: Backend[];
  /** The dnat note and rule for the endpoint at `position`. */
  choice: (position: number) => { note: string; rule: string; facts: HopFacts };
  /** Why the source is masqueraded toward `backend`, if it is. */
  masquerade: (backend: Backend) => string | undefined;
}

/** The plan for a request, or null when the general path must handle it (mirrors entry.ts's checks). */
export function buildClusterIpPlan(inputs: PlanInputs): ClusterIpPlan | null {
  const { state, source, url, dstIp } = inputs;
  const mode = state.settings.kubeProxyMode;
  if (mode !== 'iptables' && mode !== 'nftables') return null;
  if (dstIp.startsWith('127.')) return null;
  const entry = source.kind === 'client' ? nodePortEntry(inputs, mode) : clusterIpEntry(inputs, mode);
  if (!entry) return null;
  const dialed = addr(dstIp, url.port);
  const endpoints = entry.candidates.map((backend, position) =>
    endpointTemplate(inputs, entry.node, backend, entry.choice(position), entry.masquerade(backend), dialed),
  );
  return {
    settings: state.settings,
    mode,
    sourceId: source.id,
    sourceIp: source.ip,
    dnsHop: inputs.dnsHop,
    dialed,
    sendNote: inputs.sendNote,
    scheme: url.scheme,
    path: url.path,
    host: url.host,
    hostHeader: url.hostHeader,
    serviceKey: serviceKey(entry.service),
    endpoints,
  };
}

function findTcpPort(service: ServiceState, port: number): ServicePort | undefined {
  return service.manifest.spec.ports.find((p) => p.port === port && p.protocol === 'TCP');
}

/** A pod or node dials a ClusterIP: its own node's rules (serviceProxy.ts proxyClusterIp). */
function clusterIpEntry(inputs: PlanInputs, mode: string): Entry | null {
  const { index, source, url, dstIp } = inputs;
  if (source.kind === 'client') return null;
  const node = source.node;
  if (!node || !node.up || index.nodesByName.get(node.name) !== node) return null;
  if (source.kind === 'pod' && (!source.pod.status.podIP || source.pod.status.phase !== 'Running'))
    return null;
  const service = index.servicesByClusterIp.get(dstIp);
  if (!service || service.manifest.spec.sessionAffinity === 'ClientIP') return null;
  const port = findTcpPort(service, url.port);
  if (!port) return null;
  const all = getProxyBackends(index, service, port);
  const candidates =
    service.manifest.spec.internalTrafficPolicy === 'Local'
      ? all.filter((b) => b.nodeName === node.name)
      : all;
  if (candidates.length === 0) return null;
  return {
    node,
    service,
    port,
    candidates,
    choice: (position) => randomChoiceText(service, port, candidates, mode, node.name, position),
    masquerade: (backend) => clusterIpMasqueradeReason(source, backend.ip, source.ip),
  };
}

/**
 * An outside client dials a node's IP and a node port (entry.ts: no ClusterIP, LB or external IP
 * owns the address): that node's rules (serviceProxy.ts proxyExternal).
 */
function nodePortEntry(inputs: PlanInputs, mode: string): Entry | null {
  const { index, source, url, dstIp } = inputs;
  if (source.kind !== 'client' || source.isNew) return null;
  if (
    index.servicesByClusterIp.has(dstIp) ||
    index.servicesByLoadBalancerIp.has(dstIp) ||
    index.servicesByExternalIp.has(dstIp)
  )
    return null;
  const node = index.nodesByIp.get(dstIp);
  if (!node || !node.up) return null;
  const nodePort = index.nodePorts.get(url.port);
  if (!nodePort) return null;
  const { service, port } = nodePort;
  if (service.manifest.spec.sessionAffinity === 'ClientIP') return null;
  const all = getProxyBackends(index, service, port);
  const treatment = externalTreatment(source, service);
  const candidates = treatment.onlyLocal ? all.filter((b) => b.nodeName === node.name) : all;
  if (candidates.length === 0) return null;
  return {
    node,
    service,
    port,
    candidates,
    choice: (position) => {
      const inner = randomChoiceText(service, port, candidates, mode, node.name, position);
      return {
        note: inner.note + treatment.noteSuffix,
        rule: externalRule(service, port, inner.rule),
        facts: inner.facts,
      };
    },
    masquerade: () => treatment.masquerade,
  };
}

function endpointTemplate(
  inputs: PlanInputs,
  node: NodeState,
  backend: Backend,
  choice: { note: string; rule: string; facts: HopFacts },
  reason: string | undefined,
  dialed: string,
): EndpointTemplate | undefined {
  const { index, source, dstIp } = inputs;
  const pod = backend.pod;
  // deliver.ts deliverToBackend: only pod-network pods take the short way.
  if (!pod || pod.spec.hostNetwork) return undefined;
  if (getIngressController(pod)?.ports.has(backend.port)) return undefined;
  const podNode = index.nodesByName.get(pod.spec.nodeName);
  if (podNode && !podNode.up) return undefined;
  let srcIp = source.ip;
  let snat: EndpointTemplate['snat'];
  if (reason !== undefined) {
    const newSrc = masqueradeAddress(node, backend);
    if (newSrc !== srcIp) {
      snat = { ip: newSrc, note: masqueradeNote(node, backend, newSrc, reason), facts: snatFacts(node) };
      srcIp = newSrc;
    }
  }
  const forward =
    podNode && podNode.name !== node.name
      ? {
          at: graphIdOfNode(podNode.name),
          note: forwardNote(node.name, podNode.name, whereRuns(pod)),
          facts: forwardFacts(node.name, podNode.name),
        }
      : undefined;
  const podIp = pod.status.podIP;
  // A packet NetworkPolicy drops takes the general path, which draws the drop hop.
  if (checkPacket(inputs.state, index, endOf(index, srcIp), { ip: podIp, pod }, backend.port))
    return undefined;
  const rewritten = podIp !== dstIp || srcIp !== source.ip;
  return {
    pod,
    port: backend.port,
    nodeAt: graphIdOfNode(node.name),
    backendKey: backend.key,
    dnatNote: choice.note,
    dnatRule: choice.rule,
    dnatFacts: choice.facts,
    snat,
    forward,
    podAddr: addr(podIp, backend.port),
    deliverAt: graphIdOfPod(pod.metadata.namespace, pod.metadata.name),
    endpoint: { pod: podName(pod), node: pod.spec.nodeName, ip: podIp, port: backend.port },
    replyNote: inputs.replyNote(rewritten, dialed),
  };
}

/**
 * Routes one request by its plan. Returns undefined when the drawn endpoint is not covered: the caller
 * then routes the same request from the same state down the general path.
 */
export function routeByPlan(
  state: ClusterState,
  index: NetIndex,
  plan: ClusterIpPlan,
  url: string,
): { trace: Trace; state: ClusterState } | undefined {
  const ctx = new RouteContext(state, index);
  const clientPort = ctx.ephemeralPort();
  const t = plan.endpoints[drawRandomPosition(ctx, plan.mode, plan.endpoints.length)];
  if (!t) return undefined;
  const hops = ctx.hops;
  const dns = plan.dnsHop;
  if (dns) hops.push(copyHop(dns));
  const clientAddr = addr(plan.sourceIp, clientPort);
  hops.push({ at: plan.sourceId, kind: 'send', src: clientAddr, dst: plan.dialed, note: plan.sendNote });
  hops.push({
    at: t.nodeAt,
    kind: 'dnat',
    src: clientAddr,
    dst: t.backendKey,
    note: t.dnatNote,
    rule: t.dnatRule,
    facts: t.dnatFacts,
  });
  let src = clientAddr;
  let srcIp = plan.sourceIp;
  if (t.snat) {
    srcIp = t.snat.ip;
    src = addr(srcIp, clientPort);
    hops.push({
      at: t.nodeAt,
      kind: 'snat',
      src,
      dst: t.backendKey,
      note: t.snat.note,
      rule: MASQUERADE_RULE,
      facts: t.snat.facts,
    });
  }
  if (t.forward) {
    const { at, note, facts } = t.forward;
    hops.push({ at, kind: 'forward', src, dst: t.podAddr, note, facts });
  }
  const answer = answerRequest(t.pod, t.port, {
    method: 'GET',
    scheme: plan.scheme,
    path: plan.path,
    host: plan.hostHeader,
    headers: CURL_HEADERS,
    remoteIp: srcIp,
    remotePort: clientPort,
    clock: state.clock,
  });
  const e = t.endpoint;
  const endpoint: TraceEndpoint = { pod: e.pod, node: e.node, ip: e.ip, port: e.port };
  const delivery: Delivery = recordAnswer(
    ctx,
    t.deliverAt,
    src,
    t.podAddr,
    'GET',
    plan.path,
    answer,
    endpoint,
  );
  if (delivery.outcome === 'ok' || delivery.status !== undefined || delivery.outcome === 'http-error')
    hops.push({ at: plan.sourceId, kind: 'reply', src: plan.dialed, dst: clientAddr, note: t.replyNote });
  const trace: Trace = {
    from: plan.sourceId,
    request: { method: 'GET', url, host: plan.host, clientIp: plan.sourceIp },
    outcome: delivery.outcome,
    hops,
  };
  if (delivery.status !== undefined) trace.status = delivery.status;
  if (delivery.body !== undefined) trace.body = delivery.body;
  trace.service = delivery.service ?? plan.serviceKey;
  if (delivery.endpoint !== undefined) trace.endpoint = delivery.endpoint;
  if (delivery.failure !== undefined) trace.failure = delivery.failure;
  return { trace, state: ctx.finish() };
}
