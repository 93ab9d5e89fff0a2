/**
 * LoadBalancer addresses as MetalLB (L2 mode, an IPAddressPool such as 172.18.255.200-172.18.255.250
 * on kind's docker network, the kind docs' recipe) hands them out: the lowest free address of the pool,
 * or `spec.loadBalancerIP` when it is in the pool and free. An address outside the pool or taken
 * leaves the Service `<pending>` with a Warning event `AllocationFailed`, as MetalLB does.
 */
import type { ClusterState } from '../model/state.ts';
import { formatIp, parseIp, parseRange } from './ipv4.ts';

export type LoadBalancerIpResult = { ok: true; ip: string } | { ok: false; message: string };

export function usedLoadBalancerIps(state: ClusterState, exceptService?: string): Set<string> {
  const used = new Set<string>();
  for (const svc of state.services) {
    const key = `${svc.manifest.metadata.namespace}/${svc.manifest.metadata.name}`;
    if (key === exceptService) continue;
    for (const ing of svc.status.loadBalancer.ingress) if (ing.ip) used.add(ing.ip);
  }
  return used;
}

export function allocateLoadBalancerIp(
  state: ClusterState,
  requested: string | undefined,
  used: Set<string>,
): LoadBalancerIpResult {
  const pool = parseRange(state.settings.loadBalancerPool);
  if (!pool) return { ok: false, message: 'no available IPs' };
  if (requested !== undefined && requested !== '') {
    const value = parseIp(requested);
    if (value === undefined || value < pool.first || value > pool.last) {
      return {
        ok: false,
        message: `Failed to allocate IP for "${requested}": ["${requested}" is not allowed in config]`,
      };
    }
    if (used.has(requested)) {
      return {
        ok: false,
        message: `Failed to allocate IP for "${requested}": ["${requested}" is already in use]`,
      };
    }
    return { ok: true, ip: formatIp(value) };
  }
  for (let v = pool.first; v <= pool.last; v++) {
    const ip = formatIp(v);
    if (!used.has(ip)) return { ok: true, ip };
  }
  return { ok: false, message: 'Failed to allocate IP: no available IPs' };
}
