/**
 * ping from a machine (docs/kubernetes-facts.md#clusterip): ICMP echo is answered by whatever owns the address.
 * - A ClusterIP is virtual in iptables and nftables mode: kube-proxy's rules match only the Service's
 *   protocol and ports, nothing owns the address, so every echo is lost. In IPVS mode kube-proxy binds
 *   every ClusterIP (and LB/external IP) to the dummy interface kube-ipvs0 on each node, so the node
 *   itself answers (kubernetes pkg/proxy/ipvs: "ensure the dummy interface" + netlink address bind).
 * - Pod and node IPs answer while their node is up; pod IPs are not routable from outside the cluster.
 * - An LB or external IP reaches a node that does not own it in iptables mode: no answer.
 * - A name that does not resolve: busybox says `ping: bad address 'NAME'`.
 * Times are deterministic (no randomness is spent): a same-node echo ~0.05 ms, across nodes ~0.3 ms.
 */
import type { ClusterState } from '../model/state.ts';
import type { GraphId } from '../trace.ts';
import { insideClusterNetworks } from './egress.ts';
import { getNetIndex } from './netIndex.ts';
import type { LookupResult } from './resolver.ts';
import { firstAddress, lookupFromSource } from './resolver.ts';
import type { Source } from './source.ts';
import { findSource } from './source.ts';
import { isIPv4 } from './url.ts';

export interface PingReply {
  seq: number;
  ttl: number;
  timeMs: number;
}

export interface PingResult {
  from: GraphId;
  host: string;
  /** The address pinged, once resolved. */
  ip?: string;
  lookup?: LookupResult;
  transmitted: number;
  received: number;
  replies: PingReply[];
  /** Why it was answered or not, in one sentence. */
  note: string;
  /** The error a real ping prints (`ping: bad address 'x'`), when it could not start. */
  error?: string;
}

interface Target {
  answers: boolean;
  /** Same machine (0), same node (1 routing hop), another node (2), outside the cluster (3). */
  distance: 0 | 1 | 2 | 3;
  note: string;
}

function nodeOf(source: Source): string | undefined {
  return source.kind === 'client' ? undefined : source.node?.name;
}

function classify(state: ClusterState, source: Source, ip: string): Target {
  const index = getNetIndex(state);
  const mode = state.settings.kubeProxyMode;
  const here = nodeOf(source);
  if (ip.startsWith('127.') || ip === source.ip)
    return { answers: true, distance: 0, note: `${ip} is the machine itself` };
  const vip =
    index.servicesByClusterIp.get(ip) ??
    index.servicesByLoadBalancerIp.get(ip) ??
    index.servicesByExternalIp.get(ip);
  if (vip) {
    const name = `${vip.manifest.metadata.namespace}/${vip.manifest.metadata.name}`;
    const isClusterIp = index.servicesByClusterIp.has(ip);
    if (mode === 'ipvs' && (here !== undefined || !isClusterIp)) {
      return {
        answers: true,
        distance: 0,
        note: `IPVS mode binds ${ip} (${name}) to kube-ipvs0 on every node, so the node answers the echo itself`,
      };
    }
    if (isClusterIp) {
      return {
        answers: false,
        distance: 0,
        note:
          here === undefined
            ? `${ip} is the ClusterIP of ${name}: not routable from outside the cluster`
            : `${ip} is the ClusterIP of ${name}: virtual, owned by no interface; kube-proxy's ${mode} rules only match its TCP/UDP ports, so ICMP gets no answer`,
      };
    }
    return {
      answers: false,
      distance: 0,
      note: `${ip} belongs to ${name}; kube-proxy (${mode}) only forwards its Service ports, and no interface owns it, so ICMP gets no answer`,
    };
  }
  const node = index.nodesByIp.get(ip);
  if (node) {
    if (!node.up) return { answers: false, distance: 2, note: `${node.name} is down` };
    return { answers: true, distance: here === node.name ? 0 : 1, note: `${ip} is the node ${node.name}` };
  }
  const pod = index.podsByIp.get(ip);
  if (pod) {
    const podNode = index.nodesByName.get(pod.spec.nodeName);
    if (here === undefined)
      return {
        answers: false,
        distance: 2,
        note: `${ip} is a pod IP: the pod network is only routable inside the cluster`,
      };
    if (!podNode?.up)
      return {
        answers: false,
        distance: 2,
        note: `${pod.metadata.name}'s node ${pod.spec.nodeName} is down`,
      };
    return {
      answers: true,
      distance: pod.spec.nodeName === here ? 1 : 2,
      note: `${ip} is pod ${pod.metadata.namespace}/${pod.metadata.name} on ${pod.spec.nodeName}`,
    };
  }
  const outside = index.outsideHostsByIp.get(ip);
  if (outside) {
    return {
      answers: true,
      distance: 3,
      note: `${ip} is ${outside.name}, a server outside the cluster${here === undefined ? '' : `, reached through ${here}'s masquerade`}`,
    };
  }
  if (!insideClusterNetworks(state, ip)) {
    return {
      answers: false,
      distance: 3,
      note: `${ip} is outside the cluster and no outside host is declared there (docs/outside-hosts.md): the simulated world has no internet`,
    };
  }
  return { answers: false, distance: 2, note: `nothing in the simulated network owns ${ip}` };
}

/**
 * @example pingHost(state, { from: 'pod/default/client', host: 'kubia', count: 3 }) // 100% loss
 */
export function pingHost(
  state: ClusterState,
  options: { from: GraphId; host: string; count?: number },
): PingResult {
  const count = Math.max(1, Math.min(options.count ?? 4, 1000));
  const base = {
    from: options.from,
    host: options.host,
    transmitted: 0,
    received: 0,
    replies: [] as PingReply[],
  };
  const found = findSource(state, getNetIndex(state), options.from);
  if (!found.ok) return { ...base, note: found.error, error: found.error };
  const source = found.source;
  if (source.kind !== 'client' && source.node && !source.node.up) {
    return { ...base, transmitted: count, note: `${source.node.name} is down: nothing leaves it` };
  }
  let ip = options.host;
  let lookup: LookupResult | undefined;
  if (!isIPv4(options.host)) {
    lookup = lookupFromSource(state, source, {
      from: source.id,
      name: options.host,
      useHosts: true,
      type: 'A',
    });
    const answer = firstAddress(lookup);
    if (!answer) {
      const error = `ping: bad address '${options.host}'`;
      return { ...base, lookup, note: `${options.host} does not resolve from ${source.id}`, error };
    }
    ip = answer;
  }
  const target = classify(state, source, ip);
  const ttl = 64 - target.distance;
  const rtt = [0.045, 0.08, 0.3, 12.5][target.distance];
  const replies: PingReply[] = [];
  if (target.answers) {
    for (let seq = 0; seq < count; seq++)
      replies.push({ seq, ttl, timeMs: Math.round(((rtt ?? 0.3) + (seq % 3) * 0.011) * 1000) / 1000 });
  }
  return {
    ...base,
    ip,
    ...(lookup ? { lookup } : {}),
    transmitted: count,
    received: replies.length,
    replies,
    note: target.note,
  };
}
