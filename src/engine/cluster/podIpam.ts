/**
 * Pod IPs as kind's CNI gives them: kindnet configures the `ptp` plugin with `host-local` IPAM over the
 * node's podCIDR. host-local's range runs from network+1 to broadcast-1, skips the gateway (network+1,
 * the node side), so the first pod on a node gets `.2` (on kind the CoreDNS pods are 10.244.0.2 and .3).
 * It continues after the last address it reserved and wraps around, so a recreated pod gets the next
 * address, not the one just freed (containernetworking/plugins plugins/ipam/host-local/backend/allocator).
 * hostNetwork pods use their node's IP.
 */
import type { ClusterState, NodeState } from '../model/state.ts';
import { formatIp, parseCidr, type Cidr } from './ipv4.ts';

/** IPs held by pods on a node, for one allocation pass. */
export function podIpsOnNode(state: ClusterState, nodeName: string): Set<string> {
  const used = new Set<string>();
  for (const pod of state.pods) {
    if (pod.spec.nodeName === nodeName && pod.status.podIP !== '' && !pod.spec.hostNetwork)
      used.add(pod.status.podIP);
  }
  return used;
}

const cidrCache = new Map<string, Cidr | undefined>();
/** Sets of used IPs whose node range was found full, with their size then. */
const exhaustedAt = new WeakMap<Set<string>, number>();

/** The next free address of the node's pod CIDR, or undefined when the range is exhausted. */
export function allocatePodIp(state: ClusterState, node: NodeState, used: Set<string>): string | undefined {
  let cidr = cidrCache.get(node.podCIDR);
  if (!cidrCache.has(node.podCIDR)) cidrCache.set(node.podCIDR, (cidr = parseCidr(node.podCIDR)));
  if (!cidr) return undefined;
  // Offsets 2 … size-2: .1 is the gateway, the last address the broadcast.
  const firstOffset = 2;
  const lastOffset = cidr.size - 2;
  const count = lastOffset - firstOffset + 1;
  if (count <= 0) return undefined;
  // A node past ~250 pods has every address taken: each further pod would try all of them again (seconds
  // for a few thousand pods). Only this function adds to `used` (in range), so while the set is at least
  // as large as when the range was found full, it still is.
  const fullAt = exhaustedAt.get(used);
  if (fullAt !== undefined && used.size >= fullAt) return undefined;
  const memory = (state.ipamLastReserved ??= {});
  const last = memory[node.name] ?? firstOffset - 1;
  for (let i = 1; i <= count; i++) {
    const offset = firstOffset + ((last - firstOffset + i + count) % count);
    const ip = formatIp(cidr.base + offset);
    if (!used.has(ip)) {
      memory[node.name] = offset;
      used.add(ip);
      return ip;
    }
  }
  exhaustedAt.set(used, used.size);
  return undefined;
}
