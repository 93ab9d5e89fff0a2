/**
 * Pods by the controller that owns them and ReplicaSets by their Deployment, for one control-plane
 * step. The workload controllers ask "which pods does this controller own" (and the deployment
 * controller "which ReplicaSets are mine") several times per workload per pass; answering each by a
 * scan of the namespace's pods (or of every workload) made the 1,000-pod build and every edit's
 * controller pass quadratic (docs/performance.md#reconcile-at-1000-pods).
 *
 * Each answer equals the scan it replaces, in the same order: the pod index is built lazily from
 * `state.pods`, kept in step by podLifecycle.ts (createPod appends, deletePod removes, as they do for
 * the namespace lists) and dropped whenever an ownerRef changes (claimPods adopting or releasing a
 * pod), to be built again from the state on the next look-up. The ReplicaSet index is rebuilt when
 * `state.workloads` is another array and extended when it has grown (workloads are only pushed, or
 * filtered into a new array, and a workload's kind, namespace, name and ownerRef never change).
 */
import type { ClusterState, OwnerRef, PodState, WorkloadState } from '../model/state.ts';

export interface PodOwnerIndex {
  /**
   * Pods by namespace, then `kind/name` of their ownerRef, in `state.pods` order (the namespace apart:
   * its string is the pod's own, hashed once, and the owner's key is one string per owner object).
   */
  byOwner: Map<string, Map<string, PodState[]>>;
  /** How many pods of each namespace have no ownerRef (a controller may adopt them). */
  orphans: Map<string, number>;
}

export interface ReplicaSetIndex {
  workloads: WorkloadState[];
  /** How many of `workloads` are indexed (the array only grows). */
  length: number;
  byDeployment: Map<string, WorkloadState[]>;
}

/** What a control plane step carries for these look-ups (a part of ControlPlane). */
export interface OwnerIndexHolder {
  state: ClusterState;
  podOwners?: PodOwnerIndex;
  replicaSets?: ReplicaSetIndex;
}

const NONE: readonly PodState[] = Object.freeze([]);

function ownerKey(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

/** `kind/name` of an ownerRef, made once per ownerRef object (pods keep theirs across copies). */
const ownerRefKeys = new WeakMap<OwnerRef, string>();

function ownerRefKey(ref: OwnerRef): string {
  let key = ownerRefKeys.get(ref);
  if (key === undefined) ownerRefKeys.set(ref, (key = `${ref.kind}/${ref.name}`));
  return key;
}

function getPodOwners(cp: OwnerIndexHolder): PodOwnerIndex {
  if (cp.podOwners) return cp.podOwners;
  const index: PodOwnerIndex = { byOwner: new Map(), orphans: new Map() };
  for (const pod of cp.state.pods) addPod(index, pod);
  cp.podOwners = index;
  return index;
}

function addPod(index: PodOwnerIndex, pod: PodState): void {
  const ns = pod.metadata.namespace;
  if (!pod.ownerRef) {
    index.orphans.set(ns, (index.orphans.get(ns) ?? 0) + 1);
    return;
  }
  const key = ownerRefKey(pod.ownerRef);
  let owners = index.byOwner.get(ns);
  if (!owners) index.byOwner.set(ns, (owners = new Map()));
  const list = owners.get(key);
  if (list) list.push(pod);
  else owners.set(key, [pod]);
}

/** The pods whose ownerRef names this controller, in `state.pods` order (do not modify the list). */
export function podsOwnedBy(
  cp: OwnerIndexHolder,
  namespace: string,
  kind: string,
  name: string,
): readonly PodState[] {
  return getPodOwners(cp).byOwner.get(namespace)?.get(`${kind}/${name}`) ?? NONE;
}

/** How many pods of the namespace have no owner. */
export function orphanPodCount(cp: OwnerIndexHolder, namespace: string): number {
  return getPodOwners(cp).orphans.get(namespace) ?? 0;
}

/** createPod: a new pod, appended as `state.pods` appends it. */
export function notePodCreated(cp: OwnerIndexHolder, pod: PodState): void {
  if (cp.podOwners) addPod(cp.podOwners, pod);
}

/** deletePod: a pod gone from `state.pods`. */
export function notePodDeleted(cp: OwnerIndexHolder, pod: PodState): void {
  const index = cp.podOwners;
  if (!index) return;
  const ns = pod.metadata.namespace;
  if (!pod.ownerRef) {
    index.orphans.set(ns, (index.orphans.get(ns) ?? 1) - 1);
    return;
  }
  const list = index.byOwner.get(ns)?.get(ownerRefKey(pod.ownerRef));
  const at = list ? list.indexOf(pod) : -1;
  if (list && at !== -1) list.splice(at, 1);
}

/** A pod was adopted or released: its place among its new owner's pods follows `state.pods`, so rebuild. */
export function noteOwnerChanged(cp: OwnerIndexHolder): void {
  cp.podOwners = undefined;
}

/** The ReplicaSets a Deployment owns, in `state.workloads` order (a new array each call). */
export function replicaSetsOf(cp: OwnerIndexHolder, d: WorkloadState): WorkloadState[] {
  const { workloads } = cp.state;
  let index = cp.replicaSets;
  if (!index || index.workloads !== workloads) {
    index = { workloads, length: 0, byDeployment: new Map() };
    cp.replicaSets = index;
  }
  // The same array can only have grown (pushes): index what was added since.
  for (; index.length < workloads.length; index.length++) {
    const w = workloads[index.length];
    if (w?.manifest.kind !== 'ReplicaSet' || w.ownerRef?.kind !== 'Deployment') continue;
    const key = ownerKey(w.manifest.metadata.namespace, 'Deployment', w.ownerRef.name);
    const list = index.byDeployment.get(key);
    if (list) list.push(w);
    else index.byDeployment.set(key, [w]);
  }
  const list = index.byDeployment.get(
    ownerKey(d.manifest.metadata.namespace, 'Deployment', d.manifest.metadata.name),
  );
  return list ? [...list] : [];
}
