/**
 * MetalLB in layer 2 mode: no box stands in front of the nodes. For each LoadBalancer address, the
 * speakers (a DaemonSet, one per node) elect one node, which answers ARP for the address; every packet to
 * it goes to that node, addressed to the LB IP itself, and kube-proxy's rules there for the LB IP take it
 * on (https://metallb.universe.tf/concepts/layer2/). If that node fails, memberlist notices and the next
 * node in the order takes the address over.
 *
 * The election, from speaker/layer2_controller.go in https://github.com/metallb/metallb (ShouldAnnounce):
 * - nobody announces while the Service has no endpoint that can serve (ready, or serving);
 * - only an L2Advertisement in metallb-system covering the address's pool (no `ipAddressPools` = every
 *   pool) makes it announced at all;
 * - candidates are the nodes with a live speaker, minus those labelled
 *   `node.kubernetes.io/exclude-from-external-load-balancers` (kind's control-plane is) and, with
 *   `externalTrafficPolicy: Local`, minus those without a serving endpoint of the Service;
 * - they are ordered by sha256(node name + "#" + address) and the first announces.
 * What is and is not modelled: docs/load-balancers.md, "Where the traffic goes: MetalLB's layer 2 mode".
 */
import { METALLB_NAMESPACE, metallbPoolOf } from './loadBalancerAllocator.ts';
import type { NodeState, ServiceState } from '../model/state.ts';
import type { ClusterState } from '../model/state.ts';
import { recordEvent } from './events.ts';
import { findPod } from './lookup.ts';
import { EXCLUDE_FROM_LOAD_BALANCERS } from './topology.ts';
import { graphIdOfLoadBalancer } from '../trace.ts';
import type { GraphId } from '../trace.ts';
import { sha256, toHex } from '../sha256.ts';

export type Layer2Announcement =
  | {
      announced: true;
      node: NodeState;
      /** How many nodes stood in the election. */
      candidates: number;
      /** Nodes earlier in the order that are down: the address moved away from them. */
      tookOverFrom: string[];
      /** externalTrafficPolicy Local: only nodes with a serving endpoint stood. */
      localOnly: boolean;
    }
  | { announced: false; why: string };

/** Every node's place in one address's order, computed once per nodes array and address. */
const orders = new WeakMap<NodeState[], Map<string, NodeState[]>>();

function electionOrder(nodes: NodeState[], ip: string): NodeState[] {
  let byIp = orders.get(nodes);
  if (!byIp) {
    byIp = new Map();
    orders.set(nodes, byIp);
  }
  let order = byIp.get(ip);
  if (!order) {
    const keyed = nodes.map((node) => ({ node, hash: toHex(sha256(`${node.name}#${ip}`)) }));
    keyed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    order = keyed.map((k) => k.node);
    byIp.set(ip, order);
  }
  return order;
}

/** The nodes holding an endpoint of the Service that can serve (MetalLB's EndpointCanServe). */
function nodesWithServingEndpoint(state: ClusterState, service: ServiceState): Set<string> {
  const { namespace, name } = service.manifest.metadata;
  const nodes = new Set<string>();
  for (const slice of state.endpointSlices) {
    if (slice.metadata.namespace !== namespace) continue;
    if (slice.metadata.labels['kubernetes.io/service-name'] !== name) continue;
    for (const endpoint of slice.endpoints) {
      const { ready, serving } = endpoint.conditions;
      if (ready === false && serving !== true) continue;
      const ref = endpoint.targetRef;
      const nodeName =
        endpoint.nodeName ??
        (ref?.kind === 'Pod' ? findPod(state, ref.namespace, ref.name)?.spec.nodeName : undefined);
      nodes.add(nodeName ?? '');
    }
  }
  return nodes;
}

function advertised(state: ClusterState, ip: string): boolean {
  const pool = metallbPoolOf(state, ip);
  if (pool === undefined) return false;
  return (state.metallb?.l2 ?? []).some(
    (l2) =>
      l2.metadata.namespace === METALLB_NAMESPACE &&
      (l2.ipAddressPools.length === 0 || l2.ipAddressPools.includes(pool)),
  );
}

/** Which node answers for the Service's MetalLB address, or why none does. */
export function layer2Announcement(state: ClusterState, service: ServiceState): Layer2Announcement {
  const ip = service.status.loadBalancer.ingress[0]?.ip;
  const key = `${service.manifest.metadata.namespace}/${service.manifest.metadata.name}`;
  if (ip === undefined) return { announced: false, why: `${key} has no address yet` };
  const serving = nodesWithServingEndpoint(state, service);
  if (serving.size === 0)
    return {
      announced: false,
      why: `no endpoint of ${key} can serve, so no MetalLB speaker announces ${ip} (nobody answers ARP for it)`,
    };
  if (!advertised(state, ip))
    return {
      announced: false,
      why: `no L2Advertisement in ${METALLB_NAMESPACE} covers the pool of ${ip}, so MetalLB assigned the address but no speaker announces it (nobody answers ARP for it)`,
    };
  const localOnly = service.manifest.spec.externalTrafficPolicy === 'Local';
  const stands = (n: NodeState) =>
    !(EXCLUDE_FROM_LOAD_BALANCERS in n.labels) && (!localOnly || serving.has(n.name));
  const order = electionOrder(state.nodes, ip).filter(stands);
  const live = order.filter((n) => n.up);
  const node = live[0];
  if (node === undefined)
    return {
      announced: false,
      why:
        order.length === 0
          ? `no node may announce ${ip}: ${localOnly ? `with externalTrafficPolicy Local only nodes with an endpoint of ${key} stand, and those` : 'every node'} carry the label ${EXCLUDE_FROM_LOAD_BALANCERS}, which MetalLB's speakers respect (kind puts it on its control-plane)`
          : `every node that could announce ${ip} is down, so nobody answers ARP for it`,
    };
  return {
    announced: true,
    node,
    candidates: live.length,
    tookOverFrom: order.slice(0, order.indexOf(node)).map((n) => n.name),
    localOnly,
  };
}

interface Remembered {
  nodes: ClusterState['nodes'];
  endpointSlices: ClusterState['endpointSlices'];
  pods: ClusterState['pods'];
  metallb: ClusterState['metallb'];
  announcement: Layer2Announcement;
}
const remembered = new WeakMap<ServiceState, Remembered>();

/** layer2Announcement, kept per Service while the arrays it reads stay the same (routing asks per request). */
export function layer2AnnouncementOf(state: ClusterState, service: ServiceState): Layer2Announcement {
  const hit = remembered.get(service);
  if (
    hit &&
    hit.nodes === state.nodes &&
    hit.endpointSlices === state.endpointSlices &&
    hit.pods === state.pods &&
    hit.metallb === state.metallb
  )
    return hit.announcement;
  const announcement = layer2Announcement(state, service);
  const { nodes, endpointSlices, pods, metallb } = state;
  remembered.set(service, { nodes, endpointSlices, pods, metallb, announcement });
  return announcement;
}

/**
 * For the graph: each MetalLB-served load balancer (`lb/<ns>/<name>`) and the node that answers for its
 * address, or null when none does. Load balancers not listed stand in front of every node.
 */
export function getLayer2Announcers(state: ClusterState): Record<GraphId, string | null> {
  const out: Record<GraphId, string | null> = {};
  for (const service of state.services) {
    if (service.loadBalancerBy !== 'metallb') continue;
    const announcement = layer2AnnouncementOf(state, service);
    const { namespace, name } = service.manifest.metadata;
    out[graphIdOfLoadBalancer(namespace, name)] = announcement.announced ? announcement.node.name : null;
  }
  return out;
}

/** The message of the newest `nodeAssigned` event about this Service, if any. */
function lastAssignment(state: ClusterState, object: string, namespace: string): string | undefined {
  for (let i = state.events.length - 1; i >= 0; i--) {
    const e = state.events[i];
    if (e && e.reason === 'nodeAssigned' && e.object === object && e.namespace === namespace)
      return e.message;
  }
  return undefined;
}

/**
 * The speaker that wins an address says so on the Service (speaker/main.go:
 * `nodeAssigned` "announcing from node %q with protocol %q"), once per change of node.
 */
export function recordLayer2Announcements(state: ClusterState): void {
  for (const service of state.services) {
    if (service.loadBalancerBy !== 'metallb') continue;
    const announcement = layer2Announcement(state, service);
    if (!announcement.announced) continue;
    const { namespace, name } = service.manifest.metadata;
    const object = `Service/${name}`;
    const message = `announcing from node "${announcement.node.name}" with protocol "layer2"`;
    if (lastAssignment(state, object, namespace) === message) continue;
    recordEvent(state, { reason: 'nodeAssigned', object, namespace, message });
  }
}
