/**
 * Service ClusterIP allocation, as kube-apiserver's ipallocator does it
 * (pkg/registry/core/service/ipallocator, KEP-3070 "reserved service IP ranges", GA in 1.26):
 *
 * - the usable addresses are the range minus network and broadcast (10.96.0.1 … 10.96.255.254);
 * - the range is split at offset `min(max(16, size/16), 256)`; dynamic allocation picks a RANDOM free
 *   address of the upper band first, and the lower band only when the upper one is full;
 * - a requested address must be in the range and free, else HTTP 422:
 *   `spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated`
 *   (pkg/registry/core/service/storage/alloc.go; ipallocator ErrAllocated / ErrNotInRange).
 */
import type { ClusterState } from '../model/state.ts';
import type { Rng } from '../rng.ts';
import { formatIp, parseCidr, parseIp } from './ipv4.ts';

export type ClusterIpResult = { ok: true; ip: string } | { ok: false; message: string; code: string };

export function usedClusterIps(state: ClusterState): Set<string> {
  const used = new Set<string>();
  for (const svc of state.services) {
    const ip = svc.manifest.spec.clusterIP;
    if (ip !== undefined && ip !== 'None' && ip !== '') used.add(ip);
  }
  return used;
}

/** kube's calculateRangeOffset for service IPs. */
export function clusterIpBandOffset(rangeSize: number): number {
  const min = 16;
  const max = 256;
  if (rangeSize < min) return 0;
  return Math.max(min, Math.min(max, Math.floor(rangeSize / 16)));
}

/** The address `index` places after the network address (index 1 = 10.96.0.1, 10 = 10.96.0.10). */
export function serviceIpAt(serviceSubnet: string, index: number): string {
  const cidr = parseCidr(serviceSubnet);
  return formatIp((cidr?.base ?? 0) + index);
}

export function allocateClusterIp(
  state: ClusterState,
  rng: Rng,
  requested: string | undefined,
  used: Set<string> = usedClusterIps(state),
): ClusterIpResult {
  const cidr = parseCidr(state.settings.serviceSubnet);
  if (!cidr)
    return {
      ok: false,
      message: 'failed to allocate a serviceIP: range is full',
      code: 'svc-clusterip-full',
    };
  // Usable: base+1 … base+size-2 (no network, no broadcast).
  const first = cidr.base + 1;
  const count = Math.max(0, cidr.size - 2);
  if (requested !== undefined) {
    const value = parseIp(requested);
    const invalid = (reason: string): ClusterIpResult => ({
      ok: false,
      message: `Invalid value: []string{"${requested}"}: failed to allocate IP ${requested}: ${reason}`,
      code: reason.startsWith('provided IP is already') ? 'svc-clusterip-allocated' : 'svc-clusterip-range',
    });
    if (value === undefined || value < first || value >= first + count) {
      return invalid(`provided IP ${requested} is not in the valid range`);
    }
    if (used.has(requested)) return invalid('provided IP is already allocated');
    return { ok: true, ip: formatIp(value) };
  }
  const offset = clusterIpBandOffset(cidr.size);
  const pick = (from: number, to: number): string | undefined => {
    const n = to - from;
    if (n <= 0) return undefined;
    // Random start, then scan forward with wrap-around: the bitmap allocator's random scan strategy.
    const start = rng.index(n);
    for (let i = 0; i < n; i++) {
      const ip = formatIp(first + from + ((start + i) % n));
      if (!used.has(ip)) return ip;
    }
    return undefined;
  };
  const ip = pick(offset, count) ?? pick(0, Math.min(offset, count));
  if (ip === undefined) {
    return {
      ok: false,
      message: 'Internal error: failed to allocate a serviceIP: range is full',
      code: 'svc-clusterip-full',
    };
  }
  return { ok: true, ip };
}
