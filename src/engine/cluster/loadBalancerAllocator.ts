/**
 * Who gives a LoadBalancer Service its address, decided by what the scenario has, as on a real cluster:
 *
 * - MetalLB, when the scenario has an IPAddressPool (metallb.io/v1beta1). Its controller hands out the
 *   lowest free address of a pool with autoAssign (https://metallb.universe.tf/configuration/), or the one
 *   asked for by the `metallb.io/loadBalancerIPs` annotation or the deprecated `spec.loadBalancerIP`, from
 *   any pool. Messages and events are its own (controller/service.go, internal/allocator/allocator.go in
 *   https://github.com/metallb/metallb): `IPAllocated` "Assigned IP [\"…\"]", `AllocationFailed`
 *   "Failed to allocate IP for \"ns/name\": no available IPs". With no pool at all it does nothing
 *   ("noConfig": a debug log, no event). It serves only Services without `spec.loadBalancerClass`
 *   (internal/k8s/controllers/service_controller.go filterByLoadBalancerClass).
 * - cloud-provider-kind, when the scenario declares it (a kubeplay CloudProviderKind document) and has no
 *   MetalLB pool: one Envoy container per Service on kind's docker network, its address from docker's
 *   IPAM (the next free one after the nodes and other containers) or `spec.loadBalancerIP`
 *   (`docker run --ip`), written with `ipMode: Proxy` and the Service's ports
 *   (pkg/loadbalancer/server.go in https://github.com/kubernetes-sigs/cloud-provider-kind;
 *   docs/load-balancers.md).
 * - Nothing, otherwise: a bare kind or minikube cluster has no load-balancer controller, so the Service
 *   stays `<pending>` (https://kind.sigs.k8s.io/docs/user/loadbalancer/); its node ports still work.
 *
 * A teacher can play the cloud controller with `kubectl patch svc X --subresource=status …`: the
 * address written there is kept, whoever wrote it.
 */
import type { ServiceManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { formatIp, parseCidr, parseIp, parseRange } from './ipv4.ts';

export const METALLB_IPS_ANNOTATION = 'metallb.io/loadBalancerIPs';

export type LoadBalancerImplementation = 'metallb' | 'cloud-provider-kind' | 'none';

export type LoadBalancerIpResult =
  | { ok: true; ip: string }
  /** message: the Warning event's text; undefined when the implementation says nothing (no pool, not its class). */
  | { ok: false; message?: string };

/** Where MetalLB's install puts it and where its controller reads its configuration (https://metallb.universe.tf/installation/). */
export const METALLB_NAMESPACE = 'metallb-system';

/** MetalLB's pools: only those in its own namespace count (it watches nothing else). */
function metallbPools(state: ClusterState) {
  return (state.metallb?.pools ?? []).filter((p) => p.metadata.namespace === METALLB_NAMESPACE);
}

/** MetalLB when a pool is configured (it answers first, from inside the cluster), else cloud-provider-kind when the host runs it. */
export function loadBalancerImplementation(state: ClusterState): LoadBalancerImplementation {
  if (metallbPools(state).length > 0) return 'metallb';
  return state.cloudProviderKind ? 'cloud-provider-kind' : 'none';
}

/** Why no address came, for `kubectl describe` readers and explanations: who would have given one. */
export function pendingReason(state: ClusterState, svc: ServiceManifest): string {
  if (svc.spec.loadBalancerClass)
    return `spec.loadBalancerClass is "${svc.spec.loadBalancerClass}" and no controller in this cluster serves that class`;
  if (loadBalancerImplementation(state) === 'cloud-provider-kind')
    return 'cloud-provider-kind has no free address on the kind network for it';
  if (loadBalancerImplementation(state) === 'none')
    return 'this cluster has no load-balancer implementation (no cloud, no cloud-provider-kind, no MetalLB IPAddressPool), so nothing gives the Service an address';
  return 'MetalLB has no free address for it (see the Service events)';
}

export function usedLoadBalancerIps(state: ClusterState, exceptService?: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const svc of state.services) {
    const key = `${svc.manifest.metadata.namespace}/${svc.manifest.metadata.name}`;
    if (key === exceptService) continue;
    for (const ing of svc.status.loadBalancer.ingress) if (ing.ip) used.set(ing.ip, key);
  }
  return used;
}

interface Pool {
  name: string;
  autoAssign: boolean;
  ranges: { first: number; last: number }[];
}

function poolsOf(state: ClusterState): Pool[] {
  return metallbPools(state).map((p) => ({
    name: p.metadata.name,
    autoAssign: p.autoAssign,
    ranges: p.addresses.flatMap((a) => {
      const r = parseRange(a.trim());
      return r ? [r] : [];
    }),
  }));
}

/** What MetalLB's getDesiredLbIPs reads: the annotation (comma-separated) or spec.loadBalancerIP. */
function desiredIps(svc: ServiceManifest): { ips: string[] } | { error: string } {
  const annotation = svc.metadata.annotations[METALLB_IPS_ANNOTATION] ?? '';
  const field = svc.spec.loadBalancerIP ?? '';
  if (annotation !== '' && field !== '')
    return { error: `service can not have both ${METALLB_IPS_ANNOTATION} and svc.Spec.LoadBalancerIP` };
  if (annotation !== '') {
    const ips = annotation.split(',').map((s) => s.trim());
    if (ips.some((ip) => parseIp(ip) === undefined))
      return { error: `invalid ${METALLB_IPS_ANNOTATION}: "${annotation}"` };
    return { ips };
  }
  if (field !== '') {
    if (parseIp(field) === undefined) return { error: `invalid spec.loadBalancerIP "${field}"` };
    return { ips: [field] };
  }
  return { ips: [] };
}

/** The MetalLB pool (any, autoAssign or not) that holds this address. */
export function metallbPoolOf(state: ClusterState, ip: string): string | undefined {
  const value = parseIp(ip);
  if (value === undefined) return undefined;
  return poolsOf(state).find((p) => p.ranges.some((r) => value >= r.first && value <= r.last))?.name;
}

/** Whether a MetalLB pool (any, autoAssign or not) holds this address. */
export function inMetallbPool(state: ClusterState, ip: string): boolean {
  return metallbPoolOf(state, ip) !== undefined;
}

/**
 * The address for one Service, or why none. `used` maps each address already handed out to the
 * Service (`ns/name`) holding it.
 */
export function allocateLoadBalancerIp(
  state: ClusterState,
  svc: ServiceManifest,
  used: Map<string, string>,
): LoadBalancerIpResult {
  if (svc.spec.loadBalancerClass) return { ok: false };
  const implementation = loadBalancerImplementation(state);
  if (implementation === 'cloud-provider-kind') return cloudProviderKindIp(state, svc, used);
  if (implementation !== 'metallb') return { ok: false };
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const fail = (why: string): LoadBalancerIpResult => ({
    ok: false,
    message: `Failed to allocate IP for "${key}": ${why}`,
  });
  const pools = poolsOf(state);
  const desired = desiredIps(svc);
  if ('error' in desired) return fail(desired.error);
  const [wanted] = desired.ips;
  if (wanted !== undefined) {
    const value = parseIp(wanted) ?? -1;
    if (!pools.some((p) => p.ranges.some((r) => value >= r.first && value <= r.last)))
      return fail(`["${wanted}"] is not allowed in config`);
    const holder = used.get(wanted);
    // no sharing key (metallb.io/allow-shared-ip): checkSharing refuses an address another Service holds
    if (holder !== undefined && holder !== key)
      return fail(`can't change sharing key for "${key}", address also in use by ${holder}`);
    return { ok: true, ip: wanted };
  }
  for (const pool of pools) {
    if (!pool.autoAssign) continue;
    for (const r of pool.ranges)
      for (let v = r.first; v <= r.last; v++) {
        const ip = formatIp(v);
        if (!used.has(ip)) return { ok: true, ip };
      }
  }
  return fail('no available IPs');
}

/**
 * Docker's IPAM on kind's network for cloud-provider-kind's Envoy container: `spec.loadBalancerIP` when
 * it is a free address of the network, else the lowest address after the gateway that no node, client
 * or other load-balancer container holds.
 */
function cloudProviderKindIp(
  state: ClusterState,
  svc: ServiceManifest,
  used: Map<string, string>,
): LoadBalancerIpResult {
  const net = parseCidr(state.settings.nodeSubnet);
  if (!net) return { ok: false };
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const taken = new Set([...state.nodes.map((n) => n.ip), ...state.clients.map((c) => c.ip)]);
  for (const [ip, holder] of used) if (holder !== key) taken.add(ip);
  const wanted = svc.spec.loadBalancerIP;
  if (wanted) {
    const value = parseIp(wanted);
    if (value === undefined || value <= net.base + 1 || value >= net.base + net.size - 1)
      return {
        ok: false,
        message: `Error syncing load balancer: failed to ensure load balancer: ${wanted} is not an address of the kind network ${state.settings.nodeSubnet}`,
      };
    if (taken.has(wanted))
      return {
        ok: false,
        message: `Error syncing load balancer: failed to ensure load balancer: Address already in use: ${wanted}`,
      };
    return { ok: true, ip: wanted };
  }
  for (let v = net.base + 2; v < net.base + net.size - 1; v++) {
    const ip = formatIp(v);
    if (!taken.has(ip)) return { ok: true, ip };
  }
  return {
    ok: false,
    message:
      'Error syncing load balancer: failed to ensure load balancer: no free address on the kind network',
  };
}
