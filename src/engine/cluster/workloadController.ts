/**
 * The workload controllers, one reconcile each (kube-controller-manager):
 *
 * - ReplicationController / ReplicaSet: adopt orphan pods the selector matches, release owned pods it
 *   no longer matches (relabelling a pod out makes the controller create a replacement), then create or
 *   delete pods to reach `replicas`. New pods are named `<name>-<5 chars>`; events `SuccessfulCreate`
 *   `Created pod: kubia-65mtj` and `SuccessfulDelete` `Deleted pod: …` on the controller.
 *   Scale-down order follows controller.ActivePodsWithRanks (pkg/controller/controller_utils.go):
 *   unscheduled first, then Pending, then not-ready, then pods doubled up on a node with more of this
 *   controller's pods, then the newest; remaining ties by name.
 * - Deployment: a ReplicaSet `<name>-<pod-template-hash>` carrying label pod-template-hash, owning the
 *   pods `<name>-<hash>-<5>`. A template change rolls out through simulated time (deploymentController.ts).
 * - DaemonSet: one pod per node that its nodeSelector matches, cordoned nodes included, skipping tainted
 *   (control-plane with workers) and down nodes for new pods; pods on nodes that no longer qualify are deleted,
 *   except on down nodes (they stay, not ready).
 */
import type { LabelSelector } from '../model/objects.ts';
import type { PodState, WorkloadState } from '../model/state.ts';
import type { ControlPlane } from './controlPlane.ts';
import { getNamespacePods } from './controlPlane.ts';
import { recordEvent } from './events.ts';
import { matchesLabelSelector, matchesLabels } from './labels.ts';
import { isEmptySelector } from '../model/labelSelector.ts';
import { createPodFromOwnParts, generatePodName } from './podLifecycle.ts';
import { isTerminating, terminatePod } from './termination.ts';
import { computePodTemplateHash } from './podTemplateHash.ts';
import { nodeRejection } from './scheduler.ts';
import { syncDeployment } from './deploymentController.ts';
import { noteOwnerChanged, orphanPodCount, podsOwnedBy, replicaSetsOf } from './ownerIndex.ts';

function refOf(w: WorkloadState): string {
  return `${w.manifest.kind}/${w.manifest.metadata.name}`;
}

function isOwnedBy(pod: PodState, w: WorkloadState): boolean {
  return (
    pod.metadata.namespace === w.manifest.metadata.namespace &&
    pod.ownerRef?.kind === w.manifest.kind &&
    pod.ownerRef.name === w.manifest.metadata.name
  );
}

/** A controller's selector; an empty one claims nothing (the API server refuses it anyway). */
function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  return !isEmptySelector(selector) && matchesLabelSelector(labels, selector);
}

/**
 * Adopts and releases pods (ControllerRefManager.ClaimPods), returning the ones it owns afterwards.
 * With no orphan in the namespace only the controller's own pods can be claimed, so those are read
 * from the owner index (the same pods, in the same order, as the namespace scan would visit).
 */
function claimPods(cp: ControlPlane, w: WorkloadState, nsPods: PodState[]): PodState[] {
  const { kind, metadata } = w.manifest;
  const candidates =
    orphanPodCount(cp, metadata.namespace) === 0
      ? [...podsOwnedBy(cp, metadata.namespace, kind, metadata.name)]
      : nsPods;
  const owned: PodState[] = [];
  for (const pod of candidates) {
    // Cheap ownerRef test first: most pods of a namespace belong to another controller.
    if (pod.ownerRef && !isOwnedBy(pod, w)) continue;
    // A terminating pod is no longer active (controller.FilterActivePods): it keeps its owner but does
    // not count, so the controller replaces it at once (termination.ts).
    if (isTerminating(pod)) continue;
    const matches = selectorMatches(w.manifest.selector, pod.metadata.labels);
    if (pod.ownerRef) {
      if (matches) owned.push(pod);
      else {
        delete pod.ownerRef; // released: it lives on as an orphan
        noteOwnerChanged(cp);
      }
    } else if (matches) {
      pod.ownerRef = { kind: w.manifest.kind, name: w.manifest.metadata.name };
      noteOwnerChanged(cp);
      owned.push(pod);
    }
  }
  return owned;
}

/** DaemonSet pods carry the revision labels the controller adds (controller-revision-hash, pod-template-generation). */
function daemonSetPodLabels(w: WorkloadState): Record<string, string> {
  return {
    ...w.manifest.template.labels,
    'controller-revision-hash': computePodTemplateHash(w.manifest.template),
    'pod-template-generation': '1',
  };
}

function podTemplateFor(w: WorkloadState) {
  return w.manifest.template;
}

/** A new pod of the workload; a DaemonSet's is pinned to `daemonNode` and left to the scheduler. */
function newPodFromTemplate(cp: ControlPlane, w: WorkloadState, daemonNode?: string): PodState {
  const template = podTemplateFor(w);
  const ns = w.manifest.metadata.namespace;
  const name = generatePodName(cp, ns, `${w.manifest.metadata.name}-`);
  w.generation++;
  const pod = createPodFromOwnParts(cp, {
    metadata: {
      name,
      namespace: ns,
      labels: w.manifest.kind === 'DaemonSet' ? daemonSetPodLabels(w) : { ...template.labels },
      annotations: { ...template.annotations },
    },
    spec: {
      ...template.spec,
      containers: template.spec.containers,
      nodeSelector: template.spec.nodeSelector,
    },
    ownerRef: { kind: w.manifest.kind, name: w.manifest.metadata.name },
    ...(daemonNode !== undefined ? { daemonNode } : {}),
  });
  recordEvent(cp.state, {
    reason: 'SuccessfulCreate',
    object: refOf(w),
    namespace: ns,
    message: `Created pod: ${name}`,
  });
  return pod;
}

function phaseRank(p: PodState): number {
  if (p.spec.nodeName === '') return 0;
  return p.status.phase === 'Pending' ? 1 : 2;
}

/** Pods in the order the controller deletes them. */
export function rankPodsForDeletion(pods: PodState[]): PodState[] {
  const perNode = new Map<string, number>();
  for (const p of pods)
    if (p.spec.nodeName !== '') perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  return [...pods].sort((a, b) => {
    const phase = phaseRank(a) - phaseRank(b);
    if (phase !== 0) return phase;
    if (a.status.ready !== b.status.ready) return a.status.ready ? 1 : -1;
    const rank = (perNode.get(b.spec.nodeName) ?? 0) - (perNode.get(a.spec.nodeName) ?? 0);
    if (rank !== 0) return rank;
    const age = b.metadata.creationTimestamp - a.metadata.creationTimestamp;
    if (age !== 0) return age;
    return a.metadata.name < b.metadata.name ? 1 : a.metadata.name > b.metadata.name ? -1 : 0;
  });
}

function syncReplicas(cp: ControlPlane, w: WorkloadState, nsPods: PodState[]): void {
  const owned = claimPods(cp, w, nsPods);
  const want = Math.max(0, w.replicas);
  if (owned.length < want) {
    for (let i = owned.length; i < want; i++) newPodFromTemplate(cp, w);
  } else if (owned.length > want) {
    for (const pod of rankPodsForDeletion(owned).slice(0, owned.length - want)) {
      terminatePod(cp, pod);
      recordEvent(cp.state, {
        reason: 'SuccessfulDelete',
        object: refOf(w),
        namespace: w.manifest.metadata.namespace,
        message: `Deleted pod: ${pod.metadata.name}`,
      });
    }
  }
}

function syncDaemonSet(cp: ControlPlane, w: WorkloadState, nsPods: PodState[]): void {
  const owned = claimPods(cp, w, nsPods);
  const byNode = new Map<string, PodState[]>();
  for (const p of owned) {
    // A daemon pod still Pending (its node full) belongs to the node it is pinned to.
    const node = p.spec.nodeName !== '' ? p.spec.nodeName : (p.daemonNode ?? '');
    const list = byNode.get(node) ?? [];
    list.push(p);
    byNode.set(node, list);
  }
  const selector = w.manifest.template.spec.nodeSelector;
  const wanted = new Set<string>();
  for (const node of cp.state.nodes) {
    // DaemonSet pods tolerate node.kubernetes.io/unschedulable (the controller adds it): cordoning keeps them.
    const fits = nodeRejection({ ...node, unschedulable: false }, selector) === undefined;
    const has = byNode.get(node.name) ?? [];
    if (fits || (!node.up && has.length > 0 && matchesLabels(node.labels, selector))) wanted.add(node.name);
    if (fits && has.length === 0) newPodFromTemplate(cp, w, node.name);
  }
  for (const [nodeName, pods] of byNode) {
    const extra = wanted.has(nodeName) ? pods.slice(1) : pods;
    for (const pod of extra) {
      terminatePod(cp, pod);
      recordEvent(cp.state, {
        reason: 'SuccessfulDelete',
        object: refOf(w),
        namespace: w.manifest.metadata.namespace,
        message: `Deleted pod: ${pod.metadata.name}`,
      });
    }
  }
}

/** Runs every controller once (or one and what it owns): Deployments first (they size their ReplicaSets), then the pod owners. */
export function syncWorkloads(cp: ControlPlane, only?: WorkloadState): void {
  const { state } = cp;
  const targets = only ? [only] : [...state.workloads];
  const syncReplicaSet = (rs: WorkloadState) =>
    syncReplicas(cp, rs, getNamespacePods(cp, rs.manifest.metadata.namespace));
  for (const w of targets) if (w.manifest.kind === 'Deployment') syncDeployment(cp, w, syncReplicaSet);
  const all = only
    ? only.manifest.kind === 'Deployment'
      ? replicaSetsOf(cp, only)
      : [only]
    : [...state.workloads];
  for (const w of all) {
    if (!state.workloads.includes(w)) continue;
    const nsPods = getNamespacePods(cp, w.manifest.metadata.namespace);
    if (w.manifest.kind === 'ReplicationController' || w.manifest.kind === 'ReplicaSet')
      syncReplicas(cp, w, nsPods);
    else if (w.manifest.kind === 'DaemonSet') syncDaemonSet(cp, w, nsPods);
  }
}

/** Deletes a controller with its pods (foreground cascading, what `kubectl delete` does by default). */
export function deleteWorkload(cp: ControlPlane, w: WorkloadState): void {
  const { state } = cp;
  if (w.manifest.kind === 'Deployment') for (const rs of replicaSetsOf(cp, w)) deleteWorkload(cp, rs);
  for (const pod of state.pods.filter((p) => isOwnedBy(p, w))) terminatePod(cp, pod);
  state.workloads = state.workloads.filter((x) => x !== w);
}
