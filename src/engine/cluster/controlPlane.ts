/**
 * The working context of one reconcile step: the state being built (mutated in place, never shared
 * with a previous Simulation: applyAction clones once per action) and the rng cursor. Call
 * `finishStep` to write the rng back into the state.
 */
import type { EnvVar } from '../model/objects.ts';
import type { ClusterState, PodState } from '../model/state.ts';
import { Rng } from '../rng.ts';
import type { PodOwnerIndex, ReplicaSetIndex } from './ownerIndex.ts';

export interface ControlPlane {
  state: ClusterState;
  rng: Rng;
  /**
   * Service-env snapshots by `namespace|enableServiceLinks`, valid until a Service changes. Pods started
   * between two Service changes share one array (plain data still; structuredClone keeps the sharing),
   * which keeps 1,000 pods x 200 Services cheap. Call `servicesChanged` after any Service edit.
   */
  serviceEnvCache: Map<string, EnvVar[]>;
  /** Pod IPs in use per node, filled lazily by the pod IPAM and kept in step by createPod/deletePod. */
  nodeIps?: Map<string, Set<string>>;
  /** Pods per namespace and bound pods per node, built lazily and kept in step by podLifecycle.ts. */
  podsByNamespace?: Map<string, PodState[]>;
  podCounts?: Map<string, number>;
  /** Pods by owner and ReplicaSets by Deployment (ownerIndex.ts), built lazily. */
  podOwners?: PodOwnerIndex;
  replicaSets?: ReplicaSetIndex;
  /** `namespace/name` of every pod, for generateName's uniqueness check. */
  podNames?: Set<string>;
  /**
   * ClusterIPs and node ports held by Services, kept by serviceRegistry.ts while Services are only
   * created (the 200-Service bench); dropped on update or delete and rebuilt on demand.
   */
  allocated?: { ips: Set<string>; ports: Set<number> };
}

export function getNamespacePods(cp: ControlPlane, namespace: string): PodState[] {
  if (!cp.podsByNamespace) {
    const map = new Map<string, PodState[]>();
    for (const pod of cp.state.pods) {
      const list = map.get(pod.metadata.namespace);
      if (list) list.push(pod);
      else map.set(pod.metadata.namespace, [pod]);
    }
    cp.podsByNamespace = map;
  }
  let list = cp.podsByNamespace.get(namespace);
  if (!list) cp.podsByNamespace.set(namespace, (list = []));
  return list;
}

export function getPodCounts(cp: ControlPlane): Map<string, number> {
  if (!cp.podCounts) {
    const counts = new Map<string, number>();
    for (const pod of cp.state.pods) {
      if (pod.spec.nodeName !== '') counts.set(pod.spec.nodeName, (counts.get(pod.spec.nodeName) ?? 0) + 1);
    }
    cp.podCounts = counts;
  }
  return cp.podCounts;
}

export function getPodNames(cp: ControlPlane): Set<string> {
  cp.podNames ??= new Set(cp.state.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
  return cp.podNames;
}

export function openControlPlane(state: ClusterState): ControlPlane {
  return { state, rng: new Rng(state.rng), serviceEnvCache: new Map() };
}

export function servicesChanged(cp: ControlPlane): void {
  cp.serviceEnvCache.clear();
}

export function closeControlPlane(cp: ControlPlane): ClusterState {
  cp.state.rng = cp.rng.state;
  return cp.state;
}
