/**
 * NetworkPolicy compiled per pod, once per cluster state (memoized on the net index, which is rebuilt
 * whenever pods, namespaces or policies change): which pods each policy selects, which pods each rule's
 * selector peers name, and its ipBlocks parsed. A packet then only looks its two ends up here.
 *
 * The semantics are those of https://kubernetes.io/docs/concepts/services-networking/network-policies/:
 * a pod is isolated for a direction only when some policy with that policyType selects it; a selector
 * peer with only podSelector names pods of the policy's own namespace, with only namespaceSelector every
 * pod of the matching namespaces, with both the matching pods of the matching namespaces (AND).
 */
import type { Cidr } from '../../cluster/ipv4.ts';
import { parseCidr } from '../../cluster/ipv4.ts';
import { matchesLabelSelector } from '../../model/labelSelector.ts';
import type { NetworkPolicyPeer, NetworkPolicyPort, PolicyType } from '../../model/objects.ts';
import type { ClusterState, NetworkPolicyState, PodState } from '../../model/state.ts';
import type { NetIndex } from '../netIndex.ts';
import { memoize } from '../netIndex.ts';

/** Every namespace carries this label, set by the API server (since 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface CompiledPeer {
  /** Set for a selector peer: the pods it names (pod-network pods only). */
  pods?: ReadonlySet<PodState>;
  block?: { cidr: Cidr; except: Cidr[] };
}

export interface CompiledRule {
  /** Position in spec.ingress or spec.egress. */
  index: number;
  /** Empty: every peer. */
  peers: CompiledPeer[];
  /** Empty: every port. */
  ports: NetworkPolicyPort[];
}

export interface CompiledPolicy {
  /** `ns/name` */
  key: string;
  policy: NetworkPolicyState;
  ingress: CompiledRule[];
  egress: CompiledRule[];
}

/** The policies that isolate one pod, per direction (absent: not isolated that way). */
export interface PodPolicies {
  Ingress?: CompiledPolicy[];
  Egress?: CompiledPolicy[];
}

export interface PolicyTable {
  /** Only pods some policy selects appear here. */
  byPod: Map<PodState, PodPolicies>;
  /** Every compiled policy, in state order, with the pods it selects (for kubectl and the graph). */
  policies: { compiled: CompiledPolicy; selected: PodState[] }[];
  /** Verdicts already worked out, keyed by the packet's ends (see evaluate.ts). */
  verdicts: Map<string, unknown>;
}

/** A namespace's labels as the API server holds them: those written plus kubernetes.io/metadata.name. */
export function namespaceLabels(state: ClusterState): Map<string, Record<string, string>> {
  const map = new Map<string, Record<string, string>>();
  for (const ns of state.namespaces) map.set(ns.name, { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name });
  return map;
}

function onPodNetwork(pod: PodState): boolean {
  return !pod.spec.hostNetwork && pod.status.podIP !== '';
}

function compilePeer(
  peer: NetworkPolicyPeer,
  policyNamespace: string,
  pods: readonly PodState[],
  namespaces: Map<string, Record<string, string>>,
): CompiledPeer {
  if (peer.ipBlock) {
    const cidr = parseCidr(peer.ipBlock.cidr);
    const except = peer.ipBlock.except.map(parseCidr).filter((c): c is Cidr => c !== undefined);
    return cidr ? { block: { cidr, except } } : { pods: new Set() };
  }
  const set = new Set<PodState>();
  for (const pod of pods) {
    if (!onPodNetwork(pod)) continue;
    const ns = pod.metadata.namespace;
    const inNamespace = peer.namespaceSelector
      ? matchesLabelSelector(namespaces.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns }, peer.namespaceSelector)
      : ns === policyNamespace;
    if (!inNamespace) continue;
    if (peer.podSelector && !matchesLabelSelector(pod.metadata.labels, peer.podSelector)) continue;
    set.add(pod);
  }
  return { pods: set };
}

function compilePolicy(
  policy: NetworkPolicyState,
  pods: readonly PodState[],
  namespaces: Map<string, Record<string, string>>,
): CompiledPolicy {
  const { metadata, spec } = policy.manifest;
  const rules = (list: typeof spec.ingress): CompiledRule[] =>
    list.map((rule, index) => ({
      index,
      peers: rule.peers.map((p) => compilePeer(p, metadata.namespace, pods, namespaces)),
      ports: rule.ports,
    }));
  return {
    key: `${metadata.namespace}/${metadata.name}`,
    policy,
    ingress: rules(spec.ingress),
    egress: rules(spec.egress),
  };
}

function buildTable(state: ClusterState): PolicyTable {
  const table: PolicyTable = { byPod: new Map(), policies: [], verdicts: new Map() };
  const policies = state.networkPolicies ?? [];
  if (policies.length === 0) return table;
  const namespaces = namespaceLabels(state);
  const podsByNamespace = new Map<string, PodState[]>();
  for (const pod of state.pods) {
    const list = podsByNamespace.get(pod.metadata.namespace) ?? [];
    list.push(pod);
    podsByNamespace.set(pod.metadata.namespace, list);
  }
  for (const policy of policies) {
    const compiled = compilePolicy(policy, state.pods, namespaces);
    const { metadata, spec } = policy.manifest;
    const selected: PodState[] = [];
    for (const pod of podsByNamespace.get(metadata.namespace) ?? []) {
      // Host-network pods are outside NetworkPolicy: it acts on the pod network only.
      if (pod.spec.hostNetwork || !matchesLabelSelector(pod.metadata.labels, spec.podSelector)) continue;
      selected.push(pod);
      let entry = table.byPod.get(pod);
      if (!entry) {
        entry = {};
        table.byPod.set(pod, entry);
      }
      for (const type of spec.policyTypes) addPolicy(entry, type, compiled);
    }
    table.policies.push({ compiled, selected });
  }
  return table;
}

function addPolicy(entry: PodPolicies, type: PolicyType, compiled: CompiledPolicy): void {
  const list = entry[type] ?? [];
  list.push(compiled);
  entry[type] = list;
}

/** The table for this state, compiled on first use and kept with the net index. */
export function getPolicyTable(state: ClusterState, index: NetIndex): PolicyTable {
  return memoize(index, 'networkPolicy', () => buildTable(state));
}

/** Whether any NetworkPolicy exists: the common case of none costs one check per packet. */
export function hasPolicies(state: ClusterState): boolean {
  return (state.networkPolicies?.length ?? 0) > 0;
}
