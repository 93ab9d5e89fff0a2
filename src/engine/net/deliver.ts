/**
 * The last leg: a packet addressed to an endpoint (pod IP, node IP or an address outside the cluster)
 * travels over the pod network to its node and reaches the process (or is refused, or lost).
 */
import type { NodeState, PodState } from '../model/state.ts';
import { graphIdOfNode, graphIdOfPod } from '../trace.ts';
import type { Hop, HopFacts } from '../trace.ts';
import { answerNodeRequest, answerRequest } from './apps.ts';
import type { Delivery, Flow } from './flow.ts';
import { dstAddr, srcAddr, timedOut, toAppRequest } from './flow.ts';
import { finishWithAnswer } from './answer.ts';
import { getIngressController } from './ingress/controllerRuntime.ts';
import type { ControllerRuntime } from './ingress/controllerRuntime.ts';
import type { Backend } from './netIndex.ts';
import { admitPacket } from './policy/enforce.ts';
import { insideClusterNetworks, routeOutside } from './egress.ts';
import { addr } from './routeContext.ts';
import type { RouteContext } from './routeContext.ts';

export function podName(pod: PodState): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** Forward-hop notes by (node, from, why): cached, they are on every cross-node request. */
const forwardNotes = new Map<string, Map<string, Map<string, string>>>();

export function forwardNote(from: string, to: string, why: string): string {
  let byFrom = forwardNotes.get(to);
  if (!byFrom) {
    byFrom = new Map();
    forwardNotes.set(to, byFrom);
  }
  let byWhy = byFrom.get(from);
  if (!byWhy) {
    byWhy = new Map();
    byFrom.set(from, byWhy);
  }
  let note = byWhy.get(why);
  if (note === undefined) {
    note = `the pod network carries the packet from ${from} to ${to}, ${why}`;
    if (byWhy.size < 10_000) byWhy.set(why, note);
  }
  return note;
}

const forwardFactsCache = new Map<string, HopFacts>();

/** The forward hop's facts: the node it left and the node it reaches (cached per pair). */
export function forwardFacts(from: string, to: string): HopFacts {
  const key = `${from}|${to}`;
  let facts = forwardFactsCache.get(key);
  if (!facts) {
    facts = { from, node: to };
    if (forwardFactsCache.size < 10_000) forwardFactsCache.set(key, facts);
  }
  return facts;
}

/** A cached hop (a DNS look-up) copied into a new trace, its facts with it. */
export function copyHop(h: Hop): Hop {
  const hop: Hop = { at: h.at, kind: h.kind, src: h.src, dst: h.dst, note: h.note };
  if (h.facts) hop.facts = h.facts;
  return hop;
}

const podWhy = new WeakMap<PodState, string>();

/** `where kubia-x runs`, once per pod object. */
export function whereRuns(pod: PodState): string {
  let why = podWhy.get(pod);
  if (why === undefined) {
    why = `where ${pod.metadata.name} runs`;
    podWhy.set(pod, why);
  }
  return why;
}

/** Moves the packet onto `node` (a `forward` hop when it crosses nodes); false when the node is down. */
export function enterNode(ctx: RouteContext, flow: Flow, node: NodeState, why: string): boolean {
  if (!node.up) {
    ctx.hop(
      graphIdOfNode(node.name),
      'drop',
      srcAddr(flow),
      dstAddr(flow),
      `${node.name} is down, so nothing there answers and the client times out`,
    );
    return false;
  }
  if (flow.node !== node.name) {
    if (flow.node !== undefined) {
      ctx.hop(
        graphIdOfNode(node.name),
        'forward',
        srcAddr(flow),
        dstAddr(flow),
        forwardNote(flow.node, node.name, why),
        undefined,
        forwardFacts(flow.node, node.name),
      );
    }
    flow.node = node.name;
  }
  return true;
}

/** The ingress controller's handling of a connection to it, handed in through the RouteContext. */
function serveIngress(
  ctx: RouteContext,
  flow: Flow,
  pod: PodState,
  runtime: ControllerRuntime,
  port: number,
): Delivery {
  if (!ctx.serveIngress) throw new Error('no ingress controller handler in this RouteContext');
  return ctx.serveIngress(ctx, flow, pod, runtime, port);
}

export function deliverToPod(ctx: RouteContext, flow: Flow, pod: PodState, port: number): Delivery {
  flow.dstIp = pod.status.podIP;
  flow.dstPort = port;
  const node = ctx.index.nodesByName.get(pod.spec.nodeName);
  // NetworkPolicy sees the packet as it is now: after DNAT (pod IP, container port) and any SNAT.
  const enter = () => !node || enterNode(ctx, flow, node, whereRuns(pod));
  if (!admitPacket(ctx, flow, pod.spec.hostNetwork ? undefined : pod, enter)) return timedOut();
  const endpoint = { pod: podName(pod), node: pod.spec.nodeName, ip: pod.status.podIP, port };
  const controller = getIngressController(pod);
  if (controller?.ports.has(port)) return serveIngress(ctx, flow, pod, controller, port);
  const at = graphIdOfPod(pod.metadata.namespace, pod.metadata.name);
  return finishWithAnswer(
    ctx,
    flow,
    at,
    answerRequest(pod, port, toAppRequest(flow, ctx.state.clock)),
    endpoint,
  );
}

/** A packet for a node's own address that no NAT rule claimed: host-network processes, or nothing. */
export function deliverToNodeHost(ctx: RouteContext, flow: Flow, node: NodeState, port: number): Delivery {
  flow.dstIp = node.ip;
  flow.dstPort = port;
  if (!admitPacket(ctx, flow, undefined, () => enterNode(ctx, flow, node, 'whose own address it is')))
    return timedOut();
  for (const pod of ctx.index.hostNetworkPodsByNode.get(node.name) ?? []) {
    const controller = getIngressController(pod);
    if (controller?.ports.has(port)) return serveIngress(ctx, flow, pod, controller, port);
    const answer = answerRequest(pod, port, toAppRequest(flow, ctx.state.clock));
    if (answer.kind !== 'refused') {
      const endpoint = { pod: podName(pod), node: node.name, ip: node.ip, port };
      return finishWithAnswer(
        ctx,
        flow,
        graphIdOfPod(pod.metadata.namespace, pod.metadata.name),
        answer,
        endpoint,
      );
    }
  }
  const answer = answerNodeRequest(node.role, port, toAppRequest(flow, ctx.state.clock));
  return finishWithAnswer(
    ctx,
    flow,
    graphIdOfNode(node.name),
    answer,
    answer.kind === 'http' ? { node: node.name, ip: node.ip, port } : undefined,
  );
}

/** After kube-proxy's DNAT: the endpoint may be a pod, a node (host network, the API server) or outside. */
export function deliverToBackend(ctx: RouteContext, flow: Flow, backend: Backend): Delivery {
  if (backend.pod && !backend.pod.spec.hostNetwork) return deliverToPod(ctx, flow, backend.pod, backend.port);
  const node = ctx.index.nodesByIp.get(backend.ip);
  if (node) return deliverToNodeHost(ctx, flow, node, backend.port);
  const pod = ctx.index.podsByIp.get(backend.ip);
  if (pod) return deliverToPod(ctx, flow, pod, backend.port);
  if (insideClusterNetworks(ctx.state, backend.ip)) {
    ctx.hop(
      flow.node ? graphIdOfNode(flow.node) : 'cluster',
      'drop',
      srcAddr(flow),
      addr(backend.ip, backend.port),
      `${backend.ip} is in the cluster's own networks but no pod or node has it (an endpoint written by hand); nothing answers, so the client times out`,
    );
    return timedOut();
  }
  // An endpoint written by hand for an address outside the cluster (a Service without a selector).
  flow.dstIp = backend.ip;
  flow.dstPort = backend.port;
  return routeOutside(ctx, flow);
}
