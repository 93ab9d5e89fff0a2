/**
 * A pod's /etc/resolv.conf as kubelet writes it (docs/kubernetes-facts.md#dns, "DNS for Services and Pods"):
 * dnsPolicy ClusterFirst (the default) -> `nameserver <kube-dns ClusterIP>`,
 * `search <ns>.svc.<zone> svc.<zone> <zone>`, `options ndots:5`; Default -> the node's own file;
 * a hostNetwork pod with ClusterFirst falls back to Default (only ClusterFirstWithHostNet keeps the
 * cluster DNS); None -> only what dnsConfig says (not modelled: empty).
 */
import type { ClusterState, PodState } from '../model/state.ts';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  ndots: number;
}

/** kubelet's --cluster-dns: the kube-dns Service's ClusterIP, conventionally the 10th address of the range. */
export function getClusterDnsIp(state: ClusterState): string {
  const service = state.services.find(
    (s) => s.manifest.metadata.namespace === 'kube-system' && s.manifest.metadata.name === 'kube-dns',
  );
  const ip = service?.manifest.spec.clusterIP;
  if (ip && ip !== 'None') return ip;
  return nthAddress(state.settings.serviceSubnet, 10);
}

function nthAddress(cidr: string, n: number): string {
  const base = (cidr.split('/')[0] ?? '10.96.0.0').split('.').map(Number);
  let value =
    (((base[0] ?? 0) << 24) | ((base[1] ?? 0) << 16) | ((base[2] ?? 0) << 8) | (base[3] ?? 0)) >>> 0;
  value = (value + n) >>> 0;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** A kind node's resolv.conf: Docker's DNS behind the network gateway; no cluster search domains. */
export function getNodeResolvConf(state: ClusterState): ResolvConf {
  return { nameservers: [nthAddress(state.settings.nodeSubnet, 1)], searches: [], ndots: 1 };
}

export function getPodResolvConf(state: ClusterState, pod: PodState): ResolvConf {
  const zone = state.settings.dnsDomain;
  const policy = pod.spec.dnsPolicy;
  const useCluster =
    policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork);
  if (policy === 'None') return { nameservers: [], searches: [], ndots: 1 };
  if (!useCluster) return getNodeResolvConf(state);
  const node = getNodeResolvConf(state);
  return {
    nameservers: [getClusterDnsIp(state)],
    searches: [`${pod.metadata.namespace}.svc.${zone}`, `svc.${zone}`, zone, ...node.searches],
    ndots: 5,
  };
}

export function formatResolvConf(conf: ResolvConf): string {
  const lines: string[] = [];
  if (conf.searches.length > 0) lines.push(`search ${conf.searches.join(' ')}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  if (conf.ndots !== 1) lines.push(`options ndots:${conf.ndots}`);
  return lines.join('\n') + '\n';
}

/**
 * The names a stub resolver tries, in order (glibc res_search): a trailing dot means absolute only;
 * fewer dots than ndots -> each search suffix first, then the name as given; otherwise the name first.
 */
export function getSearchCandidates(conf: ResolvConf, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const withSuffixes = conf.searches.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...withSuffixes] : [...withSuffixes, name];
}
