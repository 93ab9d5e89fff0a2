/**
 * Two things a LoadBalancer Service's address decides before any node sees the packet:
 *
 * - `spec.loadBalancerSourceRanges`: only clients inside these CIDRs get through; the cloud's firewall
 *   (and kube-proxy's KUBE-FW chain for traffic from inside) drops the rest
 *   (https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/).
 * - a Service still `<pending>` has no address at all: a request to an address nobody owns is explained
 *   by naming the pending Services and who would have given them one.
 */
import { cidrContains, parseCidr, parseIp } from '../cluster/ipv4.ts';
import { loadBalancerImplementation, pendingReason } from '../cluster/loadBalancerAllocator.ts';
import type { ClusterState, ServiceState } from '../model/state.ts';

/** Why the source may not reach this LB address, or undefined when it may. */
export function sourceRangeRefusal(service: ServiceState, srcIp: string): string | undefined {
  const ranges = service.manifest.spec.loadBalancerSourceRanges ?? [];
  if (ranges.length === 0) return undefined;
  const src = parseIp(srcIp);
  const allowed = ranges.some((r) => {
    const cidr = parseCidr(r.trim());
    return cidr !== undefined && src !== undefined && cidrContains(cidr, src);
  });
  if (allowed) return undefined;
  const { namespace, name } = service.manifest.metadata;
  return `${srcIp} is outside spec.loadBalancerSourceRanges of ${namespace}/${name} (${ranges.join(', ')}): the load balancer's firewall drops the packet and the client times out`;
}

/** The explanation added when nothing owns the address and some LoadBalancer Service waits for one. */
export function pendingLoadBalancerNote(state: ClusterState): string | undefined {
  const pending = state.services.filter(
    (s) => s.manifest.spec.type === 'LoadBalancer' && s.status.loadBalancer.ingress.length === 0,
  );
  const first = pending[0];
  if (!first) return undefined;
  const names = pending.map((s) => `${s.manifest.metadata.namespace}/${s.manifest.metadata.name}`).join(', ');
  if (loadBalancerImplementation(state) === 'none' && !first.manifest.spec.loadBalancerClass)
    return `EXTERNAL-IP is <pending> for ${names}: nothing in this cluster implements LoadBalancer Services — declare a MetalLB IPAddressPool or play the cloud controller with kubectl patch --subresource=status`;
  return `EXTERNAL-IP is <pending> for ${names}: ${pendingReason(state, first.manifest)}`;
}
