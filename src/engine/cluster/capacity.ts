/**
 * The playground's cluster-wide limits (src/engine/limits.ts), checked before a change allocates
 * anything: a workload whose replicas would take the cluster past MAX_PODS, a Node past MAX_NODES or a
 * Service past MAX_SERVICES is refused like an invalid object, and the rest of the cluster goes on.
 */
import type { ClusterState } from '../model/state.ts';
import type { WorkloadManifest } from '../model/objects.ts';
import { MAX_NODES, MAX_PODS, MAX_SERVICES } from '../limits.ts';

/** Pods the workload (kind, namespace, name) has now, its ReplicaSets' pods included for a Deployment. */
function podsOf(
  state: ClusterState,
  kind: WorkloadManifest['kind'],
  namespace: string,
  name: string,
): number {
  const owners = new Set<string>([`${kind}/${name}`]);
  if (kind === 'Deployment') {
    for (const w of state.workloads) {
      const m = w.manifest;
      if (m.metadata.namespace === namespace && w.ownerRef?.kind === kind && w.ownerRef.name === name)
        owners.add(`${m.kind}/${m.metadata.name}`);
    }
  }
  let n = 0;
  for (const p of state.pods) {
    if (
      p.metadata.namespace === namespace &&
      p.ownerRef &&
      owners.has(`${p.ownerRef.kind}/${p.ownerRef.name}`)
    )
      n++;
  }
  return n;
}

/** Pods the cluster would hold if this workload had `replicas` (its current pods replaced). */
export function podsAfterScale(
  state: ClusterState,
  kind: WorkloadManifest['kind'],
  namespace: string,
  name: string,
  replicas: number,
): number {
  // A DaemonSet runs one pod a node, at most MAX_NODES: never the cause of a pod flood.
  if (kind === 'DaemonSet') return 0;
  return state.pods.length - podsOf(state, kind, namespace, name) + replicas;
}

export function exceedsPodLimit(
  state: ClusterState,
  kind: WorkloadManifest['kind'],
  namespace: string,
  name: string,
  replicas: number,
): boolean {
  // Counting the workload's own pods walks every pod: only needed when the cluster is near the limit
  // (every workload applied while building a 1,000-pod cluster would otherwise walk them all).
  if (state.pods.length + replicas <= MAX_PODS) return false;
  return podsAfterScale(state, kind, namespace, name, replicas) > MAX_PODS;
}

/** A new bare Pod would take the cluster past MAX_PODS. */
export function podLimitReached(state: ClusterState): boolean {
  return state.pods.length >= MAX_PODS;
}

export function nodeLimitReached(state: ClusterState): boolean {
  return state.nodes.length >= MAX_NODES;
}

export function serviceLimitReached(state: ClusterState): boolean {
  return state.services.length >= MAX_SERVICES;
}
