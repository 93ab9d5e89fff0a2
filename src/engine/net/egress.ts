/**
 * Leaving the cluster: a packet for an address that is neither a pod, a node nor a Service goes out
 * through the node's default route. On kind, kindnetd masquerades traffic "leaving the nodes that is
 * headed out of the cluster" (https://github.com/kubernetes-sigs/kind/tree/main/images/kindnetd), so
 * the outside server sees the node's IP, not the pod's (the ip-masq-agent behaviour,
 * https://kubernetes.io/docs/tasks/administer-cluster/ip-masq-agent/). Outside, only the servers the
 * scenario declares answer (docs/outside-hosts.md); any other address times out, as in a cluster
 * without internet access.
 */
import { cidrContains, parseCidr, parseIp } from '../cluster/ipv4.ts';
import type { ClusterState, OutsideHostState } from '../model/state.ts';
import { graphIdOfNode, graphIdOfOutsideHost } from '../trace.ts';
import { recordAnswer } from './answer.ts';
import type { Delivery, Flow } from './flow.ts';
import { dstAddr, refused, srcAddr, timedOut } from './flow.ts';
import type { RouteContext } from './routeContext.ts';

/** The rule named on the masquerade hop. */
export const EGRESS_MASQUERADE_RULE = 'kindnetd MASQUERADE (destination outside the pod network)';

/** The text every "no outside host here" drop carries (explain/outside.ts recognises it). */
export const NO_OUTSIDE_HOST = 'no outside host is declared at';

/** Masquerade on the node the packet is on (when its source is still a pod IP), then out of the cluster. */
function leaveCluster(ctx: RouteContext, flow: Flow): void {
  if (flow.node === undefined) return;
  const node = ctx.index.nodesByName.get(flow.node);
  if (!node) return;
  const before = srcAddr(flow);
  if (flow.srcIp !== node.ip) {
    flow.srcIp = node.ip;
    ctx.hop(
      graphIdOfNode(node.name),
      'snat',
      srcAddr(flow),
      dstAddr(flow),
      `${flow.dstIp} is outside the cluster, so ${node.name} masquerades the packet as it leaves: its source ${before} becomes the node's own address ${node.ip}`,
      EGRESS_MASQUERADE_RULE,
      { node: node.name },
    );
  }
}

function answerAsOutsideHost(ctx: RouteContext, flow: Flow, host: OutsideHostState): Delivery {
  const at = graphIdOfOutsideHost(host.name);
  const port = host.ports.find((p) => p.port === flow.dstPort);
  const via = flow.node === undefined ? 'the network' : `${flow.node}'s default route`;
  ctx.hop(
    at,
    'route',
    srcAddr(flow),
    dstAddr(flow),
    `${via} carries the packet out of the cluster to ${host.name} (${host.address}), a server outside it`,
  );
  if (!port) {
    ctx.hop(
      at,
      'reject',
      srcAddr(flow),
      dstAddr(flow),
      `nothing on ${host.name} (${host.address}) listens on port ${flow.dstPort}: connection refused`,
    );
    return refused();
  }
  return recordAnswer(
    ctx,
    at,
    srcAddr(flow),
    dstAddr(flow),
    flow.method,
    flow.path,
    { kind: 'http', status: 200, body: port.body, app: `${host.name} (outside the cluster)` },
    { ip: host.address, port: flow.dstPort },
  );
}

/**
 * The packet's destination is outside every cluster network: out through the node's masquerade to a
 * declared outside host, or lost.
 */
export function routeOutside(ctx: RouteContext, flow: Flow): Delivery {
  leaveCluster(ctx, flow);
  const host = ctx.index.outsideHostsByIp.get(flow.dstIp);
  if (host) return answerAsOutsideHost(ctx, flow, host);
  const at = flow.node !== undefined ? graphIdOfNode(flow.node) : flow.source.id;
  const leaves = flow.node !== undefined ? 'leaves the cluster, but' : 'goes out, but';
  ctx.hop(
    at,
    'drop',
    srcAddr(flow),
    dstAddr(flow),
    `the packet for ${flow.dstIp} ${leaves} ${NO_OUTSIDE_HOST} ${flow.dstIp}: the simulated world has no internet, so nothing answers and the client times out`,
  );
  return timedOut();
}

/** Whether an address lies in the pod, Service or node network (where the cluster's own routes win). */
export function insideClusterNetworks(state: ClusterState, ip: string): boolean {
  const value = parseIp(ip);
  if (value === undefined) return false;
  const { podSubnet, serviceSubnet, nodeSubnet } = state.settings;
  return [podSubnet, serviceSubnet, nodeSubnet].some((text) => {
    const cidr = parseCidr(text);
    return cidr !== undefined && cidrContains(cidr, value);
  });
}
