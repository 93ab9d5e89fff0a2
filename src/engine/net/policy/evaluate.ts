/**
 * Is this packet allowed? NetworkPolicy as the dataplane applies it to the first packet of a connection
 * (replies of an allowed connection are always allowed: conntrack), after kube-proxy's DNAT, on pod IPs
 * and container ports, and with the source as it is after any SNAT
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
 * - egress is checked for the sending pod if it is isolated for Egress, ingress for the receiving pod if
 *   it is isolated for Ingress; both must allow;
 * - traffic is allowed when ANY policy selecting the pod for that direction has a rule that allows it
 *   (policies are additive): a rule allows when one of its peers matches (no peers: any) and one of its
 *   ports matches (no ports: any);
 * - a pod can always reach itself, and traffic to and from the node where a pod runs is always allowed.
 */
import { cidrContains, formatIp, parseCidr, parseIp } from '../../cluster/ipv4.ts';
import type { NetworkPolicyPort, PolicyType, Protocol } from '../../model/objects.ts';
import type { ClusterState, PodState } from '../../model/state.ts';
import type { NetIndex } from '../netIndex.ts';
import type { CompiledPeer, CompiledPolicy, CompiledRule, PolicyTable } from './policyTable.ts';
import { getPolicyTable, hasPolicies } from './policyTable.ts';

/** One end of a packet: its address, and the pod behind it when it is a pod-network pod. */
export interface PacketEnd {
  ip: string;
  pod?: PodState | undefined;
}

/** A rule that came closest: it matched one half (peer or port) of the packet but not the other. */
export interface NearMiss {
  policy: string;
  /** `spec.ingress[0]`, `spec.egress[1]` */
  rule: string;
  /** What did not match: the port (the peer did), or the peer (the port did). */
  mismatch: 'port' | 'peer';
  /** The ports the rule lists, as written (`TCP 80`, `TCP http`, `TCP 8000-8080`). */
  ports: string[];
}

export interface PolicyDenial {
  direction: PolicyType;
  /** `ns/name` of the pod whose isolation dropped the packet. */
  pod: string;
  /** `ns/name` of every policy that isolates that pod in that direction (none of them allows the packet). */
  policies: string[];
  nearMiss?: NearMiss;
  port: number;
  protocol: Protocol;
}

function podKey(pod: PodState): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

export function ipInBlock(ip: string, block: NonNullable<CompiledPeer['block']>): boolean {
  const value = parseIp(ip);
  if (value === undefined || !cidrContains(block.cidr, value)) return false;
  return !block.except.some((e) => cidrContains(e, value));
}

function peerMatches(peer: CompiledPeer, other: PacketEnd): boolean {
  if (peer.block) return ipInBlock(other.ip, peer.block);
  return other.pod !== undefined && (peer.pods?.has(other.pod) ?? false);
}

/** A named port means the destination pod's container port of that name (and protocol). */
function portMatches(
  rulePort: NetworkPolicyPort,
  port: number,
  protocol: Protocol,
  target: PodState | undefined,
): boolean {
  if (rulePort.protocol !== protocol) return false;
  if (rulePort.port === undefined) return true;
  if (typeof rulePort.port === 'number') {
    return rulePort.endPort !== undefined
      ? port >= rulePort.port && port <= rulePort.endPort
      : port === rulePort.port;
  }
  const name = rulePort.port;
  return (
    target?.spec.containers.some((c) =>
      c.ports.some((p) => p.name === name && p.protocol === protocol && p.containerPort === port),
    ) ?? false
  );
}

export function describePort(p: NetworkPolicyPort): string {
  if (p.port === undefined) return `${p.protocol} (any port)`;
  return p.endPort !== undefined ? `${p.protocol} ${p.port}-${p.endPort}` : `${p.protocol} ${p.port}`;
}

interface RuleMatch {
  peer: boolean;
  port: boolean;
}

function matchRule(
  rule: CompiledRule,
  other: PacketEnd,
  port: number,
  protocol: Protocol,
  target: PodState | undefined,
): RuleMatch {
  return {
    peer: rule.peers.length === 0 || rule.peers.some((p) => peerMatches(p, other)),
    port: rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, port, protocol, target)),
  };
}

/** Whether any of the policies allows the packet; when none does, the rule that came closest. */
function allowedBy(
  policies: CompiledPolicy[],
  direction: PolicyType,
  other: PacketEnd,
  port: number,
  protocol: Protocol,
  target: PodState | undefined,
): { allowed: true } | { allowed: false; nearMiss?: NearMiss } {
  let nearMiss: NearMiss | undefined;
  const key = direction === 'Ingress' ? 'ingress' : 'egress';
  for (const policy of policies) {
    for (const rule of policy[key]) {
      const match = matchRule(rule, other, port, protocol, target);
      if (match.peer && match.port) return { allowed: true };
      if (match.peer === match.port) continue;
      const mismatch = match.peer ? 'port' : 'peer';
      // A rule that names the right peer but the wrong port is the likelier mistake: prefer it.
      if (!nearMiss || (nearMiss.mismatch === 'peer' && mismatch === 'port')) {
        nearMiss = {
          policy: policy.key,
          rule: `spec.${key}[${rule.index}]`,
          mismatch,
          ports: policy.policy.manifest.spec[key][rule.index]?.ports.map(describePort) ?? [],
        };
      }
    }
  }
  return nearMiss ? { allowed: false, nearMiss } : { allowed: false };
}

/**
 * Whether `ip` is the pod's own node, by any of its addresses: "traffic to and from the node where a
 * Pod is running is always allowed, regardless of the IP address of the Pod or the node"
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/). Besides its InternalIP,
 * the node owns its pod-network gateway (the first address of its podCIDR, on kindnet's ptp veths),
 * which is the source kube-proxy's masquerade gives a packet it sends to a pod on the same node.
 */
function isOwnNode(index: NetIndex, pod: PodState, ip: string): boolean {
  if (ip === pod.status.hostIP) return true;
  const cidr = parseCidr(index.nodesByName.get(pod.spec.nodeName)?.podCIDR ?? '');
  return cidr !== undefined && ip === formatIp(cidr.base + 1);
}

function check(
  table: PolicyTable,
  index: NetIndex,
  src: PacketEnd,
  dst: PacketEnd,
  port: number,
  protocol: Protocol,
): PolicyDenial | undefined {
  if (src.pod !== undefined && src.pod === dst.pod) return undefined;
  const denial = (direction: PolicyType, pod: PodState, policies: CompiledPolicy[], nearMiss?: NearMiss) => {
    const d: PolicyDenial = {
      direction,
      pod: podKey(pod),
      policies: policies.map((p) => p.key),
      port,
      protocol,
    };
    if (nearMiss) d.nearMiss = nearMiss;
    return d;
  };
  const egress = src.pod ? table.byPod.get(src.pod)?.Egress : undefined;
  if (src.pod && egress && !isOwnNode(index, src.pod, dst.ip)) {
    const verdict = allowedBy(egress, 'Egress', dst, port, protocol, dst.pod);
    if (!verdict.allowed) return denial('Egress', src.pod, egress, verdict.nearMiss);
  }
  const ingress = dst.pod ? table.byPod.get(dst.pod)?.Ingress : undefined;
  if (dst.pod && ingress && !isOwnNode(index, dst.pod, src.ip)) {
    const verdict = allowedBy(ingress, 'Ingress', src, port, protocol, dst.pod);
    if (!verdict.allowed) return denial('Ingress', dst.pod, ingress, verdict.nearMiss);
  }
  return undefined;
}

/**
 * The first packet `src` -> `dst`:`port` is dropped by NetworkPolicy (the denial says why), or allowed
 * (undefined). Verdicts are kept per state, keyed by the packet's ends.
 */
export function checkPacket(
  state: ClusterState,
  index: NetIndex,
  src: PacketEnd,
  dst: PacketEnd,
  port: number,
  protocol: Protocol = 'TCP',
): PolicyDenial | undefined {
  if (!hasPolicies(state)) return undefined;
  const table = getPolicyTable(state, index);
  const key = `${src.ip}>${dst.ip}:${port}/${protocol}`;
  if (table.verdicts.has(key)) return table.verdicts.get(key) as PolicyDenial | undefined;
  const verdict = check(table, index, src, dst, port, protocol);
  if (table.verdicts.size < 100_000) table.verdicts.set(key, verdict);
  return verdict;
}

/** The packet end for an address: the pod-network pod that owns it, if one does. */
export function endOf(index: NetIndex, ip: string): PacketEnd {
  const pod = index.podsByIp.get(ip);
  return pod ? { ip, pod } : { ip };
}
