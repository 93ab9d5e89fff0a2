/**
 * Where a request starts: an outside client, a pod, or a node (host network). Parsed from the graph
 * id in RequestSpec.from; never throws (an unknown pod or node is an error value).
 */
import type { ClientState, ClusterState, NodeState, PodState } from '../model/state.ts';
import type { GraphId } from '../trace.ts';
import { graphIdOfClient, graphIdOfNode, graphIdOfPod } from '../trace.ts';
import type { NetIndex } from './netIndex.ts';
import { objectKey } from './netIndex.ts';

export type Source =
  | { kind: 'client'; id: GraphId; ip: string; client: ClientState; isNew: boolean }
  | { kind: 'pod'; id: GraphId; ip: string; pod: PodState; node: NodeState | undefined }
  | { kind: 'node'; id: GraphId; ip: string; node: NodeState };

export type SourceResult = { ok: true; source: Source } | { ok: false; error: string };

/**
 * Outside clients get addresses the way machines outside a kind cluster would: `laptop` is the Docker
 * host (the bridge gateway, 172.18.0.1 in the state), others get TEST-NET-2 addresses in order.
 */
export function newClientIp(state: ClusterState): string {
  const used = new Set(state.clients.map((c) => c.ip));
  for (let n = 10; n < 250; n++) {
    const ip = `198.51.100.${n}`;
    if (!used.has(ip)) return ip;
  }
  return '198.51.100.250';
}

interface SourceCacheEntry {
  result: SourceResult;
  clients?: ClientState[];
  client?: ClientState | undefined;
  clientIp?: string | undefined;
}

const sourceCache = new WeakMap<NetIndex, Map<GraphId, SourceCacheEntry>>();

/**
 * findSource, cached per state. Pods and nodes depend only on the indexed arrays. An outside client
 * also depends on `state.clients` and the --client-ip override, so its entry remembers both and is
 * reused only while they are unchanged. Reusing Source objects matters: per-source caches (DNS, notes)
 * are WeakMaps, and a fresh key per request would make every request pay for a WeakMap entry and GC.
 */
export function findSourceCached(
  state: ClusterState,
  index: NetIndex,
  from: GraphId,
  clientIp?: string,
): SourceResult {
  let cache = sourceCache.get(index);
  if (!cache) {
    cache = new Map();
    sourceCache.set(index, cache);
  }
  const hit = cache.get(from);
  if (from.startsWith('client/')) {
    const name = from.slice('client/'.length) || 'laptop';
    let known: ClientState | undefined;
    for (const c of state.clients) if (c.name === name) known = c;
    if (hit && hit.clients === state.clients && hit.client === known && hit.clientIp === clientIp)
      return hit.result;
    const result = findSource(state, index, from, clientIp);
    cache.set(from, { result, clients: state.clients, client: known, clientIp });
    return result;
  }
  if (hit) return hit.result;
  const result = findSource(state, index, from, clientIp);
  cache.set(from, { result });
  return result;
}

export function findSource(
  state: ClusterState,
  index: NetIndex,
  from: GraphId,
  clientIp?: string,
): SourceResult {
  const [kind, ...rest] = from.split('/');
  if (kind === 'client') {
    const name = rest.join('/') || 'laptop';
    const known = state.clients.find((c) => c.name === name);
    const client: ClientState = known
      ? clientIp
        ? { ...known, ip: clientIp }
        : known
      : { name, ip: clientIp ?? newClientIp(state), hosts: [] };
    return {
      ok: true,
      source: { kind: 'client', id: graphIdOfClient(name), ip: client.ip, client, isNew: !known },
    };
  }
  if (kind === 'pod') {
    const [namespace, name] =
      rest.length >= 2 ? [rest[0] ?? '', rest.slice(1).join('/')] : ['default', rest[0] ?? ''];
    const pod = index.podsByKey.get(objectKey(namespace, name));
    if (!pod) return { ok: false, error: `Error from server (NotFound): pods "${name}" not found` };
    return {
      ok: true,
      source: {
        kind: 'pod',
        id: graphIdOfPod(namespace, name),
        ip: pod.status.podIP,
        pod,
        node: index.nodesByName.get(pod.spec.nodeName),
      },
    };
  }
  if (kind === 'node') {
    const name = rest.join('/');
    const node = index.nodesByName.get(name);
    if (!node) return { ok: false, error: `Error from server (NotFound): nodes "${name}" not found` };
    return { ok: true, source: { kind: 'node', id: graphIdOfNode(name), ip: node.ip, node } };
  }
  return { ok: false, error: `unknown source "${from}": use client/NAME, pod/NS/NAME or node/NAME` };
}

/** The node a source's packets leave from (where its kube-proxy rules run), if inside the cluster. */
export function sourceNode(source: Source): NodeState | undefined {
  return source.kind === 'client' ? undefined : source.node;
}
