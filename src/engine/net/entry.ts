/**
 * Where a packet goes, decided by its destination address (the first match wins):
 * ClusterIP (kube-proxy on the node it leaves from; unroutable from outside), load-balancer IP (the
 * LB outside, or kube-proxy on the source node for traffic from inside), external IP, a node's own
 * address (node ports on every node, CNI host ports, host-network processes), a pod IP (the pod
 * network, only inside the cluster), an address outside every cluster network (out through the node's
 * masquerade to a declared outside host, egress.ts), anything else (no route: timeout).
 */
import type { ServicePort } from '../model/objects.ts';
import type { NodeState, ServiceState } from '../model/state.ts';
import { graphIdOfNode, graphIdOfService } from '../trace.ts';
import { answerRequest } from './apps.ts';
import { finishWithAnswer } from './answer.ts';
import { deliverToNodeHost, deliverToPod, enterNode } from './deliver.ts';
import { getBackends } from './netIndex.ts';
import { layer2AnnouncementOf } from '../cluster/metallbSpeaker.ts';
import type { Delivery, Flow } from './flow.ts';
import { dstAddr, refused, srcAddr, timedOut, toAppRequest } from './flow.ts';
import { balanceToNode, loadBalancerId } from './loadBalancer.ts';
import { insideClusterNetworks, routeOutside } from './egress.ts';
import { pendingLoadBalancerNote, sourceRangeRefusal } from './loadBalancerAccess.ts';
import { addr } from './routeContext.ts';
import type { RouteContext } from './routeContext.ts';
import { proxyClusterIp, proxyExternal, serviceKey } from './serviceProxy.ts';

function findPort(service: ServiceState, port: number): ServicePort | undefined {
  for (const p of service.manifest.spec.ports) if (p.port === port && p.protocol === 'TCP') return p;
  return undefined;
}

function drop(ctx: RouteContext, flow: Flow, at: string, note: string): Delivery {
  ctx.hop(at, 'drop', srcAddr(flow), dstAddr(flow), note);
  return timedOut();
}

/** A Service port no rule matches: iptables/nftables let it fall through (lost); IPVS owns the VIP and resets. */
function noSuchServicePort(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  node: NodeState,
  what: string,
): Delivery {
  if (ctx.state.settings.kubeProxyMode === 'ipvs' && what === 'ClusterIP') {
    ctx.hop(
      graphIdOfNode(node.name),
      'reject',
      srcAddr(flow),
      dstAddr(flow),
      `${serviceKey(service)} has no port ${flow.dstPort}; IPVS binds the ClusterIP to kube-ipvs0 on ${node.name}, so the kernel answers with a reset`,
    );
    return { ...refused(), service: serviceKey(service) };
  }
  return {
    ...drop(
      ctx,
      flow,
      graphIdOfNode(node.name),
      `${serviceKey(service)} has no port ${flow.dstPort}: no kube-proxy rule matches ${what} ${flow.dstIp}:${flow.dstPort}, so the packet is routed nowhere and the client times out`,
    ),
    service: serviceKey(service),
  };
}

/**
 * kube-proxy's health check server on healthCheckNodePort (pkg/proxy/healthcheck/service_health.go):
 * 200 when this node has a local ready endpoint of the Service, 503 otherwise, with a small JSON body.
 * Cloud load balancers probe it to take nodes without endpoints out of rotation.
 */
function answerHealthCheck(ctx: RouteContext, flow: Flow, service: ServiceState, node: NodeState): Delivery {
  let local = 0;
  for (const port of service.manifest.spec.ports) {
    local = Math.max(
      local,
      getBackends(ctx.index, service, port).filter((b) => b.nodeName === node.name).length,
    );
  }
  const status = local > 0 ? 200 : 503;
  const { namespace, name } = service.manifest.metadata;
  const body = `{\n\t"service": {\n\t\t"namespace": "${namespace}",\n\t\t"name": "${name}"\n\t},\n\t"localEndpoints": ${local},\n\t"serviceProxyHealthy": true\n}`;
  return finishWithAnswer(
    ctx,
    flow,
    graphIdOfNode(node.name),
    { kind: 'http', status, body, app: `kube-proxy health check for ${namespace}/${name}` },
    { node: node.name, ip: node.ip, port: flow.dstPort },
  );
}

/**
 * Loopback never leaves the machine: in a pod it reaches the pod's own containers (they share one
 * network namespace); on a node, the node's own processes and, in iptables mode, node ports too
 * (kube-proxy's --iptables-localhost-nodeports, on by default, sets route_localnet); an outside
 * client runs nothing the simulation knows, so its kernel refuses.
 */
function routeLoopback(ctx: RouteContext, flow: Flow): Delivery {
  const source = flow.source;
  if (source.kind === 'pod') {
    const pod = source.pod;
    if (pod.spec.hostNetwork) {
      const node = ctx.index.nodesByName.get(pod.spec.nodeName);
      if (node) return deliverToNodeHost(ctx, flow, node, flow.dstPort);
    }
    const answer = answerRequest(pod, flow.dstPort, toAppRequest(flow, ctx.state.clock));
    const endpoint = {
      pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
      node: pod.spec.nodeName,
      ip: flow.dstIp,
      port: flow.dstPort,
    };
    return finishWithAnswer(ctx, flow, source.id, answer, answer.kind === 'refused' ? undefined : endpoint);
  }
  if (source.kind === 'node') {
    const nodePort = ctx.index.nodePorts.get(flow.dstPort);
    if (nodePort && ctx.state.settings.kubeProxyMode === 'iptables') {
      return proxyExternal(ctx, flow, nodePort.service, nodePort.port, source.node);
    }
    return deliverToNodeHost(ctx, flow, source.node, flow.dstPort);
  }
  ctx.hop(
    source.id,
    'reject',
    srcAddr(flow),
    dstAddr(flow),
    `nothing on ${source.id} listens on port ${flow.dstPort}: connection refused`,
  );
  return refused();
}

function sourceNodeOf(ctx: RouteContext, flow: Flow): NodeState | undefined {
  return flow.node === undefined ? undefined : ctx.index.nodesByName.get(flow.node);
}

/**
 * From outside to a MetalLB address (layer 2 mode, cluster/metallbSpeaker.ts): the packet goes to the
 * node that answers ARP for it, still addressed to the LB IP, and kube-proxy's rules for the LB IP on
 * that node take over.
 */
function enterAnnouncingNode(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
  port: ServicePort | undefined,
): Delivery {
  const announcement = layer2AnnouncementOf(ctx.state, service);
  if (!announcement.announced)
    return drop(ctx, flow, loadBalancerId(service), `${announcement.why}; the client times out`);
  const { node, candidates, tookOverFrom, localOnly } = announcement;
  const elected =
    candidates === 1
      ? `the only ${tookOverFrom.length > 0 ? 'remaining ' : ''}node that may${localOnly ? ' (externalTrafficPolicy Local: it has an endpoint)' : ''}`
      : `elected among ${candidates} ${localOnly ? 'nodes with an endpoint (externalTrafficPolicy Local)' : 'nodes'}`;
  const moved =
    tookOverFrom.length === 0
      ? ''
      : `; ${tookOverFrom.join(', ')}, first in line, ${tookOverFrom.length === 1 ? 'is' : 'are'} down, so the address moved`;
  ctx.hop(
    graphIdOfNode(node.name),
    'route',
    srcAddr(flow),
    dstAddr(flow),
    `MetalLB's speaker on ${node.name} answers ARP for ${flow.dstIp} (layer 2 mode, ${elected}${moved}): every packet to this address goes to ${node.name}, its destination unchanged, where kube-proxy has rules for the load-balancer IP`,
    undefined,
    { service: serviceKey(service), node: node.name, address: flow.dstIp },
  );
  flow.node = node.name;
  if (!port) return noSuchServicePort(ctx, flow, service, node, 'load-balancer IP');
  return proxyExternal(ctx, flow, service, port, node);
}

export function routeToAddress(ctx: RouteContext, flow: Flow): Delivery {
  const { index } = ctx;
  const dst = flow.dstIp;
  const here = sourceNodeOf(ctx, flow);
  const outside = here === undefined;
  const sourceId = flow.source.id;

  if (dst.startsWith('127.')) return routeLoopback(ctx, flow);

  const clusterIpService = index.servicesByClusterIp.get(dst);
  if (clusterIpService) {
    if (outside) {
      return drop(
        ctx,
        flow,
        sourceId,
        `${dst} is the ClusterIP of ${serviceKey(clusterIpService)}: a virtual address only kube-proxy rules on cluster nodes know, so ${flow.source.id} has no route to it and times out`,
      );
    }
    const port = findPort(clusterIpService, flow.dstPort);
    if (!port) return noSuchServicePort(ctx, flow, clusterIpService, here, 'ClusterIP');
    return proxyClusterIp(ctx, flow, clusterIpService, port, here);
  }

  const lbService = index.servicesByLoadBalancerIp.get(dst);
  if (lbService) {
    const port = findPort(lbService, flow.dstPort);
    const refusal = sourceRangeRefusal(lbService, flow.srcIp);
    if (refusal)
      return drop(ctx, flow, outside ? loadBalancerId(lbService) : graphIdOfNode(here.name), refusal);
    const proxied = lbService.loadBalancerBy === 'cloud-provider-kind';
    if (!outside && !proxied) {
      // kube-proxy also has rules for the LB IP, so traffic from inside never leaves the node.
      if (!port) return noSuchServicePort(ctx, flow, lbService, here, 'load-balancer IP');
      return proxyExternal(ctx, flow, lbService, port, here);
    }
    if (lbService.loadBalancerBy === 'metallb') return enterAnnouncingNode(ctx, flow, lbService, port);
    const lbId = loadBalancerId(lbService);
    if (!port)
      return drop(
        ctx,
        flow,
        lbId,
        `the load balancer of ${serviceKey(lbService)} has no listener on port ${flow.dstPort}`,
      );
    const picked = balanceToNode(ctx, flow, lbService);
    if (!picked)
      return drop(
        ctx,
        flow,
        lbId,
        proxied
          ? `cloud-provider-kind's Envoy for ${serviceKey(lbService)} has no healthy node to send to (nodes labelled node.kubernetes.io/exclude-from-external-load-balancers, as kind's control-plane is, are not backends)`
          : `every node behind the load balancer of ${serviceKey(lbService)} is down`,
      );
    const { node } = picked;
    if (port.nodePort !== undefined) {
      flow.dstIp = node.ip;
      flow.dstPort = port.nodePort;
    }
    // ipMode Proxy: Envoy opens its own connection to the node, so the node sees Envoy's address
    if (proxied) flow.srcIp = dst;
    ctx.hop(
      lbId,
      'balance',
      srcAddr(flow),
      dstAddr(flow),
      `${picked.note}${port.nodePort !== undefined ? ` and forwards to its node port ${port.nodePort}` : ''}`,
      undefined,
      picked.facts,
    );
    flow.node = node.name;
    return proxyExternal(ctx, flow, lbService, port, node);
  }

  const externalIpService = index.servicesByExternalIp.get(dst);
  if (externalIpService) {
    const port = findPort(externalIpService, flow.dstPort);
    if (!outside) {
      if (!port) return noSuchServicePort(ctx, flow, externalIpService, here, 'external IP');
      return proxyExternal(ctx, flow, externalIpService, port, here);
    }
    // The cluster admin routes an external IP to some node; the first node that is up stands in for that route.
    const node =
      ctx.state.nodes.find((n) => n.up && n.role !== 'control-plane') ?? ctx.state.nodes.find((n) => n.up);
    const svcId = graphIdOfService(
      externalIpService.manifest.metadata.namespace,
      externalIpService.manifest.metadata.name,
    );
    if (!node) return drop(ctx, flow, svcId, `no node is up to receive external IP ${dst}`);
    if (!port) return noSuchServicePort(ctx, flow, externalIpService, node, 'external IP');
    ctx.hop(
      graphIdOfNode(node.name),
      'route',
      srcAddr(flow),
      dstAddr(flow),
      `the network routes external IP ${dst} to ${node.name} (routing external IPs is the cluster admin's job); kube-proxy there has rules for it`,
    );
    flow.node = node.name;
    return proxyExternal(ctx, flow, externalIpService, port, node);
  }

  const node = index.nodesByIp.get(dst);
  if (node) {
    if (!enterNode(ctx, flow, node, `whose address the client dialled`)) return timedOut();
    const nodePort = index.nodePorts.get(flow.dstPort);
    if (nodePort) return proxyExternal(ctx, flow, nodePort.service, nodePort.port, node);
    const health = index.healthCheckPorts.get(flow.dstPort);
    if (health) return answerHealthCheck(ctx, flow, health, node);
    const hostPort = index.hostPorts.get(`${node.name}|${flow.dstPort}`);
    if (hostPort && !hostPort.pod.spec.hostNetwork) {
      const { pod, containerPort } = hostPort;
      ctx.hop(
        graphIdOfNode(node.name),
        'dnat',
        srcAddr(flow),
        addr(pod.status.podIP, containerPort),
        `the CNI portmap rule on ${node.name} forwards host port ${flow.dstPort} to ${pod.metadata.name} port ${containerPort}`,
        'CNI-HOSTPORT-DNAT',
      );
      return deliverToPod(ctx, flow, pod, containerPort);
    }
    return deliverToNodeHost(ctx, flow, node, flow.dstPort);
  }

  const pod = index.podsByIp.get(dst);
  if (pod) {
    if (outside) {
      return drop(
        ctx,
        flow,
        sourceId,
        `${dst} is a pod IP: the pod network is only routable inside the cluster, so ${flow.source.id} has no route to it and times out`,
      );
    }
    return deliverToPod(ctx, flow, pod, flow.dstPort);
  }
  if (!insideClusterNetworks(ctx.state, dst)) return routeOutside(ctx, flow);
  const pending = pendingLoadBalancerNote(ctx.state);
  return drop(
    ctx,
    flow,
    outside ? sourceId : graphIdOfNode(flow.node ?? ''),
    `nothing in the simulated network owns ${dst}: no route, so the client times out${pending ? `. ${pending}` : ''}`,
  );
}
