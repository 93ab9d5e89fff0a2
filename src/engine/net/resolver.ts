/**
 * Name resolution as each kind of machine does it (docs/kubernetes-facts.md#dns):
 * - a pod asks the nameserver of its /etc/resolv.conf (kube-dns for ClusterFirst) and walks the
 *   search list with ndots:5; its own hostname is in its /etc/hosts (kubelet writes it);
 * - a node (host network) asks the node's resolver, which knows node names but no cluster names;
 * - an outside client knows only its /etc/hosts (ClientState.hosts): the simulation has no internet.
 * curl's `--resolve HOST:PORT:ADDR` pre-fills curl's own cache and so wins over everything.
 * `nslookup`/`dig` query DNS servers directly and skip /etc/hosts (`useHosts: false`).
 */
import type { ClusterState } from '../model/state.ts';
import type { DnsRecord, DnsRecordType, Rcode } from '../cluster/dnsRecords.ts';
import { queryClusterDns, queryUpstream, reverseName } from '../cluster/dnsRecords.ts';
import type { ResolvConf } from '../cluster/resolvConf.ts';
import {
  getClusterDnsIp,
  getNodeResolvConf,
  getPodResolvConf,
  getSearchCandidates,
} from '../cluster/resolvConf.ts';
import type { GraphId } from '../trace.ts';
import { getBackends, getNetIndex } from './netIndex.ts';
import type { Source } from './source.ts';
import { findSource } from './source.ts';
import { isIPv4 } from './url.ts';

export interface LookupAttempt {
  name: string;
  rcode: Rcode;
}

export interface LookupResult {
  from: GraphId;
  /** The name as asked. */
  name: string;
  type: DnsRecordType;
  /** Who answered: `dns` (a nameserver), `hosts` (/etc/hosts), `resolve` (curl --resolve), `literal` (an IP). */
  source: 'dns' | 'hosts' | 'resolve' | 'literal' | 'none';
  /** The nameserver asked (`10.96.0.10` for ClusterFirst pods), when one was. */
  server?: string;
  /** Its name, when it has one (`kube-dns.kube-system.svc.cluster.local`). */
  serverName?: string;
  /** Each name tried, in order, with its answer code: the search-list walk. */
  tried: LookupAttempt[];
  /** The name that finally answered (fully qualified). */
  answeredName?: string;
  answers: DnsRecord[];
  rcode: Rcode;
  /** The resolv.conf the walk followed (for explaining it). */
  resolvConf?: ResolvConf;
  /** One sentence for errors (unknown source, no nameserver). */
  error?: string;
}

export interface LookupOptions {
  from: GraphId;
  name: string;
  type?: DnsRecordType;
  /** Consult /etc/hosts first, as getaddrinfo (curl, ping) does; nslookup/dig do not. Default false. */
  useHosts?: boolean;
  resolve?: { host: string; port: number; address: string }[];
  /** The port being connected to, for matching `--resolve` entries. */
  port?: number;
}

export function hostsAnswer(source: Source, state: ClusterState, name: string): string | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (source.kind === 'client') {
    for (const entry of source.client.hosts) {
      if (entry.hostnames.some((h) => h.toLowerCase() === lower)) return entry.ip;
    }
    return lower === 'localhost' ? '127.0.0.1' : undefined;
  }
  if (lower === 'localhost') return '127.0.0.1';
  if (source.kind === 'node') return lower === source.node.name.toLowerCase() ? source.node.ip : undefined;
  // kubelet's /etc/hosts: `<podIP> <hostname>.<subdomain>.<ns>.svc.<zone> <hostname>`.
  const pod = source.pod;
  const hostname = (pod.spec.hostname ?? pod.metadata.name).toLowerCase();
  if (lower === hostname) return pod.status.podIP;
  if (pod.spec.subdomain) {
    const fqdn = `${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${state.settings.dnsDomain}`;
    if (lower === fqdn.toLowerCase()) return pod.status.podIP;
  }
  return undefined;
}

export function lookupFromSource(state: ClusterState, source: Source, options: LookupOptions): LookupResult {
  const type = options.type ?? (isIPv4(options.name) ? 'PTR' : 'A');
  const base = { from: source.id, name: options.name, type };
  if (type === 'A' && isIPv4(options.name)) {
    return {
      ...base,
      source: 'literal',
      tried: [],
      answers: [{ name: options.name, type: 'A', ttl: 0, value: options.name }],
      rcode: 'NOERROR',
    };
  }
  const lower = options.name.toLowerCase().replace(/\.$/, '');
  if (type === 'A') {
    const forced = options.resolve?.find(
      (r) => r.host.toLowerCase() === lower && (options.port === undefined || r.port === options.port),
    );
    if (forced) {
      return {
        ...base,
        source: 'resolve',
        tried: [],
        answers: [{ name: lower, type: 'A', ttl: 0, value: forced.address }],
        rcode: 'NOERROR',
      };
    }
    if (options.useHosts) {
      const ip = hostsAnswer(source, state, options.name);
      if (ip)
        return {
          ...base,
          source: 'hosts',
          tried: [],
          answers: [{ name: lower, type: 'A', ttl: 0, value: ip }],
          rcode: 'NOERROR',
        };
    }
  }
  const queryName = type === 'PTR' && isIPv4(options.name) ? `${reverseName(options.name)}.` : options.name;
  if (source.kind === 'client') {
    return {
      ...base,
      source: 'none',
      tried: [{ name: lower, rcode: 'NXDOMAIN' }],
      answers: [],
      rcode: 'NXDOMAIN',
      error: `${source.client.name} is outside the cluster: its DNS does not know cluster names (add the name to its /etc/hosts)`,
    };
  }
  const conf = source.kind === 'pod' ? getPodResolvConf(state, source.pod) : getNodeResolvConf(state);
  const server = conf.nameservers[0];
  if (server === undefined) {
    return {
      ...base,
      source: 'none',
      tried: [],
      answers: [],
      rcode: 'SERVFAIL',
      resolvConf: conf,
      error: 'no nameserver in /etc/resolv.conf (dnsPolicy None without dnsConfig)',
    };
  }
  const clusterDns = server === getClusterDnsIp(state);
  if (clusterDns) {
    const down = clusterDnsUnreachable(state);
    if (down) {
      return {
        ...base,
        source: 'dns',
        server,
        serverName: `kube-dns.kube-system.svc.${state.settings.dnsDomain}`,
        tried: [],
        answers: [],
        rcode: 'SERVFAIL',
        resolvConf: conf,
        error: down,
      };
    }
  }
  const tried: LookupAttempt[] = [];
  let lastRcode: Rcode = 'NXDOMAIN';
  for (const candidate of getSearchCandidates(conf, queryName)) {
    const answer = clusterDns
      ? queryClusterDns(state, candidate, type)
      : queryUpstream(state, candidate, type);
    tried.push({ name: candidate, rcode: answer.rcode });
    if (answer.answers.length > 0) {
      return {
        ...base,
        source: 'dns',
        server,
        ...(clusterDns ? { serverName: `kube-dns.kube-system.svc.${state.settings.dnsDomain}` } : {}),
        tried,
        answeredName: candidate,
        answers: answer.answers,
        rcode: 'NOERROR',
        resolvConf: conf,
      };
    }
    if (answer.rcode !== 'NXDOMAIN') lastRcode = answer.rcode;
  }
  return {
    ...base,
    source: 'dns',
    server,
    ...(clusterDns ? { serverName: `kube-dns.kube-system.svc.${state.settings.dnsDomain}` } : {}),
    tried,
    answers: [],
    rcode: lastRcode,
    resolvConf: conf,
  };
}

/**
 * Whether the cluster DNS can answer at all: the kube-dns Service reaches CoreDNS through kube-proxy
 * like any other, so with no ready CoreDNS endpoint the query is rejected, and with every CoreDNS pod
 * on a node that is down it is lost. Returns why not, or undefined when DNS works. Only applies when
 * the state has a kube-system/kube-dns Service with an Endpoints object.
 */
export function clusterDnsUnreachable(state: ClusterState): string | undefined {
  const index = getNetIndex(state);
  const service = index.servicesByKey.get('kube-system/kube-dns');
  if (!service || !index.endpointsByKey.has('kube-system/kube-dns')) return undefined;
  const port =
    service.manifest.spec.ports.find((p) => p.protocol === 'UDP') ?? service.manifest.spec.ports[0];
  if (!port) return undefined;
  const backends = getBackends(index, service, port);
  if (backends.length === 0) {
    return 'kube-system/kube-dns has no ready endpoints (no CoreDNS pod is ready): the query is refused, no servers could be reached';
  }
  const alive = backends.some(
    (b) => b.nodeName === undefined || index.nodesByName.get(b.nodeName)?.up !== false,
  );
  if (!alive)
    return 'every CoreDNS pod runs on a node that is down: the query times out, no servers could be reached';
  return undefined;
}

/**
 * nslookup/dig from a machine: the search-list walk, which server answered, each name tried with its
 * rcode, and the answers. Never throws.
 * @example lookupName(state, { from: 'pod/default/client', name: 'kubia' })
 */
export function lookupName(state: ClusterState, options: LookupOptions): LookupResult {
  const found = findSource(state, getNetIndex(state), options.from);
  if (!found.ok) {
    return {
      from: options.from,
      name: options.name,
      type: options.type ?? 'A',
      source: 'none',
      tried: [],
      answers: [],
      rcode: 'SERVFAIL',
      error: found.error,
    };
  }
  return lookupFromSource(state, found.source, options);
}

/** The first IPv4 address in a lookup's answers (after any CNAME), if any. */
export function firstAddress(result: LookupResult): string | undefined {
  return result.answers.find((r) => r.type === 'A')?.value;
}
