/**
 * A reload after live edits: the replay of (yaml, seed, actions) builds the right objects, but a pod
 * an edit created (replicas raised, a pod deleted and replaced) got its name and address from one
 * sequence drawn in another order. The page kept the ledger of what the cluster on screen held
 * (allocationLedger.ts); here the rebuilt cluster takes those names, uids, nodes and addresses back,
 * as a real cluster keeps its pods across a browser reload (docs/editing.md).
 *
 * Only what fits is taken: a pod takes a ledger name of the same namespace and controller that no
 * rebuilt pod holds; an address only when the node exists and no other object holds it; a Service only
 * its own entry. Whatever does not fit keeps what the replay gave it, so a stale or foreign ledger
 * costs nothing but the restoration. The state is a fresh copy (copyStateForWrite); nested objects are
 * replaced, never edited.
 */
import type { ClusterState, PodState } from '../model/state.ts';
import type { EnvVar } from '../model/objects.ts';
import { syncEndpoints } from '../cluster/endpointsController.ts';
import { syncIngressStatus } from '../cluster/ingressStatus.ts';
import { computePodReady } from '../cluster/readiness.ts';
import { cidrContains, parseCidr, parseIp } from '../cluster/ipv4.ts';
import type { AllocationLedger, PodAllocation, ServiceAllocation } from './allocationLedger.ts';
import { ownerKey } from './allocationLedger.ts';

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

/** Rebuilt controller pods whose name the ledger does not know take the ledger's unclaimed names. */
function restorePodNames(state: ClusterState, ledger: AllocationLedger): Map<string, string> {
  const known = new Set(ledger.pods.map((p) => keyOf(p.namespace, p.name)));
  const live = new Set(state.pods.map((p) => keyOf(p.metadata.namespace, p.metadata.name)));
  const unclaimed = new Map<string, PodAllocation[]>();
  for (const alloc of ledger.pods) {
    if (alloc.owner === undefined || live.has(keyOf(alloc.namespace, alloc.name))) continue;
    const group = `${alloc.namespace}|${alloc.owner}`;
    unclaimed.set(group, [...(unclaimed.get(group) ?? []), alloc]);
  }
  const renames = new Map<string, string>();
  state.pods = state.pods.map((pod) => {
    const owner = ownerKey(pod.ownerRef);
    const leaving = pod.metadata.deletionTimestamp !== undefined;
    if (owner === undefined || leaving || known.has(keyOf(pod.metadata.namespace, pod.metadata.name)))
      return pod;
    const alloc = unclaimed.get(`${pod.metadata.namespace}|${owner}`)?.shift();
    if (!alloc) return pod;
    renames.set(pod.metadata.name, alloc.name);
    return { ...pod, metadata: { ...pod.metadata, name: alloc.name } };
  });
  return renames;
}

/** uid, node and IP of every pod the ledger knows, where the node is there and the address free. */
function restorePodAddresses(state: ClusterState, ledger: AllocationLedger): Map<string, [string, string]> {
  const byKey = new Map(ledger.pods.map((p) => [keyOf(p.namespace, p.name), p]));
  const allocOf = (pod: PodState) => byKey.get(keyOf(pod.metadata.namespace, pod.metadata.name));
  const movable = (pod: PodState) => {
    const alloc = allocOf(pod);
    return alloc !== undefined && alloc.ip !== '' && pod.status.phase === 'Running' && !pod.spec.hostNetwork;
  };
  // Addresses of the pods that keep theirs are taken first; the others may then claim theirs back.
  const taken = new Set(
    state.pods
      .filter((p) => p.status.podIP !== '' && !p.spec.hostNetwork && !movable(p))
      .map((p) => p.status.podIP),
  );
  const moves = new Map<string, [string, string]>();
  state.pods = state.pods.map((pod) => {
    const alloc = allocOf(pod);
    if (!alloc) return pod;
    let next: PodState =
      alloc.uid === pod.metadata.uid ? pod : { ...pod, metadata: { ...pod.metadata, uid: alloc.uid } };
    if (!movable(pod)) return next;
    const node = state.nodes.find((n) => n.name === alloc.node);
    const cidr = node ? parseCidr(node.podCIDR) : undefined;
    const ip = parseIp(alloc.ip);
    // A node that is down now still holds the pods it ran before it went down (they are evicted only
    // after their toleration): the pod goes back there, not ready, as the page showed it.
    const fits = cidr !== undefined && ip !== undefined && cidrContains(cidr, ip);
    if (!node || !fits || taken.has(alloc.ip)) {
      taken.add(pod.status.podIP);
      return next;
    }
    taken.add(alloc.ip);
    if (node.name === pod.spec.nodeName && alloc.ip === pod.status.podIP) return next;
    if (node.name !== pod.spec.nodeName) moves.set(pod.metadata.name, [pod.spec.nodeName, node.name]);
    next = {
      ...next,
      spec: { ...next.spec, nodeName: node.name },
      status: { ...next.status, podIP: alloc.ip, hostIP: node.ip },
    };
    // Readiness is kubelet's on the node the pod now runs on, not what the replay's node said: a pod the
    // replay put on a node that is down was not ready there, and is ready (probe permitting) back on its
    // own, healthy node; the Endpoints synced below follow (docs/editing.md).
    const ready = computePodReady(next, node, state.clock);
    return ready === next.status.ready ? next : { ...next, status: { ...next.status, ready } };
  });
  return moves;
}

const realIp = (ip: string | undefined) => ip !== undefined && ip !== '' && ip !== 'None';

/** ClusterIPs, node ports and LoadBalancer addresses back to the ledger's, where no other Service holds them. */
function restoreServices(state: ClusterState, ledger: AllocationLedger): Map<string, string> {
  const byKey = new Map<string, ServiceAllocation>(
    ledger.services.map((s) => [keyOf(s.namespace, s.name), s]),
  );
  const allocOf = (ns: string, name: string) => byKey.get(keyOf(ns, name));
  const ips = new Set<string>();
  const ports = new Set<number>();
  const lbs = new Set<string>();
  for (const svc of state.services) {
    const { metadata, spec } = svc.manifest;
    const alloc = allocOf(metadata.namespace, metadata.name);
    if (realIp(spec.clusterIP) && !(alloc && realIp(alloc.clusterIP))) ips.add(spec.clusterIP ?? '');
    for (const p of spec.ports) {
      const wanted = alloc?.nodePorts.some((n) => n.port === p.port && n.protocol === p.protocol);
      if (p.nodePort !== undefined && !wanted) ports.add(p.nodePort);
    }
    if (spec.healthCheckNodePort !== undefined) ports.add(spec.healthCheckNodePort);
    const lb = svc.status.loadBalancer.ingress[0]?.ip;
    if (lb !== undefined && alloc?.loadBalancerIP === undefined) lbs.add(lb);
  }
  const changedIps = new Map<string, string>();
  state.services = state.services.map((svc) => {
    const { metadata, spec } = svc.manifest;
    const alloc = allocOf(metadata.namespace, metadata.name);
    if (!alloc) return svc;
    let clusterIP = spec.clusterIP;
    if (realIp(clusterIP) && realIp(alloc.clusterIP)) {
      if (!ips.has(alloc.clusterIP)) {
        if (alloc.clusterIP !== clusterIP) changedIps.set(clusterIP ?? '', alloc.clusterIP);
        clusterIP = alloc.clusterIP;
      }
      ips.add(clusterIP ?? '');
    }
    const servicePorts = spec.ports.map((p) => {
      const want = alloc.nodePorts.find((n) => n.port === p.port && n.protocol === p.protocol)?.nodePort;
      const nodePort = p.nodePort !== undefined && want !== undefined && !ports.has(want) ? want : p.nodePort;
      if (nodePort !== undefined) ports.add(nodePort);
      return nodePort === p.nodePort ? p : { ...p, nodePort };
    });
    const lb = svc.status.loadBalancer.ingress[0]?.ip;
    const lbIp =
      lb !== undefined && alloc.loadBalancerIP !== undefined && !lbs.has(alloc.loadBalancerIP)
        ? alloc.loadBalancerIP
        : lb;
    if (lbIp !== undefined) lbs.add(lbIp);
    const same =
      clusterIP === spec.clusterIP && servicePorts.every((p, i) => p === spec.ports[i]) && lbIp === lb;
    if (same) return svc;
    return {
      ...svc,
      manifest: {
        ...svc.manifest,
        spec: { ...spec, ...(clusterIP !== undefined ? { clusterIP } : {}), ports: servicePorts },
      },
      status: lbIp === lb ? svc.status : { loadBalancer: { ingress: [{ ip: lbIp ?? '' }] } },
    };
  });
  return changedIps;
}

/** The service links pods took when they started name the ClusterIPs of then: they follow the restored ones. */
function followClusterIps(state: ClusterState, changed: Map<string, string>): void {
  if (changed.size === 0) return;
  const rewritten = new Map<EnvVar[], EnvVar[]>();
  const rewrite = (env: EnvVar[]): EnvVar[] => {
    let out = rewritten.get(env);
    if (!out) {
      out = env.map((v) => {
        const value = v.value.replace(/\d+\.\d+\.\d+\.\d+/g, (ip) => changed.get(ip) ?? ip);
        return value === v.value ? v : { ...v, value };
      });
      rewritten.set(env, out);
    }
    return out;
  };
  state.pods = state.pods.map((pod) => ({ ...pod, serviceEnv: rewrite(pod.serviceEnv) }));
}

/** Events about a renamed or moved pod tell of the name and node it has now. */
function followPodNames(
  state: ClusterState,
  renames: Map<string, string>,
  moves: Map<string, [string, string]>,
): void {
  if (renames.size === 0 && moves.size === 0) return;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = renames.size > 0 ? new RegExp([...renames.keys()].map(escape).join('|'), 'g') : null;
  const rename = (text: string) => (names ? text.replace(names, (n) => renames.get(n) ?? n) : text);
  state.events = state.events.map((event) => {
    let message = rename(event.message);
    const object = rename(event.object);
    const move = event.reason === 'Scheduled' ? moves.get(object.replace(/^Pod\//, '')) : undefined;
    if (move) message = message.replace(` to ${move[0]}`, ` to ${move[1]}`);
    return message === event.message && object === event.object ? event : { ...event, object, message };
  });
}

/**
 * Replaying `kubectl delete pod NAME` where NAME was a pod an edit created finds no such pod in the
 * replay; the live page had it, so the NotFound is the replay's, not the student's.
 */
function dropReplayedPodNotFound(state: ClusterState): void {
  state.diagnostics = state.diagnostics.filter(
    (d) => !(d.file === 'actions' && d.code === 'not-found' && d.message.includes('pods "')),
  );
}

/** The rebuilt cluster (a fresh copy, changed in place) with the ledger's allocations back. */
export function restoreAllocations(state: ClusterState, ledger: AllocationLedger): ClusterState {
  const renames = restorePodNames(state, ledger);
  const moves = restorePodAddresses(state, ledger);
  followClusterIps(state, restoreServices(state, ledger));
  followPodNames(state, renames, moves);
  dropReplayedPodNotFound(state);
  // The allocators go on where the live page's were, so the next edit draws what it would have drawn.
  state.rng = ledger.rng;
  const nodes = new Set(state.nodes.map((n) => n.name));
  state.ipamLastReserved = Object.fromEntries(
    Object.entries({ ...state.ipamLastReserved, ...ledger.ipamLastReserved }).filter(([n]) => nodes.has(n)),
  );
  syncEndpoints(state);
  syncIngressStatus(state);
  return state;
}
