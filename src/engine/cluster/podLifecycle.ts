/**
 * Pods coming and going: creation (name, uid, scheduling, IP, the service-env snapshot kubelet takes
 * when the containers start), start of pods waiting for a node, deletion, and the events each step
 * writes (`Scheduled`, `FailedScheduling`, `Pulled`, `Created`, `Started`, `Killing`).
 */
import type { ObjectMeta, PodSpec } from '../model/objects.ts';
import type { ClusterState, NodeState, OwnerRef, PodState } from '../model/state.ts';
import type { SourceRef } from '../model/diagnostic.ts';
import type { ControlPlane } from './controlPlane.ts';
import { getNamespacePods, getPodCounts, getPodNames } from './controlPlane.ts';
import { snapshotServiceEnv } from './envVars.ts';
import { notePodCreated, notePodDeleted } from './ownerIndex.ts';
import { recordEvent } from './events.ts';
import { allocatePodIp, podIpsOnNode } from './podIpam.ts';
import { readyAtFor } from './podStartTiming.ts';
import { hostPortsOf, schedulePod } from './scheduler.ts';

export interface NewPod {
  metadata: ObjectMeta;
  spec: PodSpec;
  ownerRef?: OwnerRef;
  source?: SourceRef;
  /** The node a DaemonSet pod is pinned to (PodState.daemonNode). */
  daemonNode?: string;
}

/** `00` … `ff`: a byte's two hex digits. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_DIGIT = '0123456789abcdef';

function hexByte(n: number): string {
  return HEX_BYTE[n & 255] ?? '00';
}

/**
 * A UUID-shaped uid from the seeded rng: four 32-bit draws as 32 hex digits, with the version digit
 * (the 13th) forced to 4. Written straight from the draws: one uid per pod made toString/padStart/slice
 * garbage.
 */
export function newUid(cp: ControlPlane): string {
  const a = Math.floor(cp.rng.next() * 0x100000000);
  const b = Math.floor(cp.rng.next() * 0x100000000);
  const c = Math.floor(cp.rng.next() * 0x100000000);
  const d = Math.floor(cp.rng.next() * 0x100000000);
  return (
    `${hexByte(a >>> 24)}${hexByte(a >>> 16)}${hexByte(a >>> 8)}${hexByte(a)}-` +
    `${hexByte(b >>> 24)}${hexByte(b >>> 16)}-4${HEX_DIGIT[(b >>> 8) & 15] ?? '0'}${hexByte(b)}-` +
    `${hexByte(c >>> 24)}${hexByte(c >>> 16)}-${hexByte(c >>> 8)}${hexByte(c)}` +
    `${hexByte(d >>> 24)}${hexByte(d >>> 16)}${hexByte(d >>> 8)}${hexByte(d)}`
  );
}

/** `<base><5 random chars>`, retried until unique in the namespace (the apiserver's generateName). */
export function generatePodName(cp: ControlPlane, namespace: string, base: string): string {
  for (;;) {
    const name = `${base}${cp.rng.suffix(5)}`;
    if (!getPodNames(cp).has(`${namespace}/${name}`)) return name;
  }
}

/** Adds a pod and tries to run it at once. */
export function createPod(cp: ControlPlane, input: NewPod): PodState {
  const metadata = { ...input.metadata, uid: newUid(cp), creationTimestamp: cp.state.clock };
  return addPod(cp, metadata, { ...input.spec }, input);
}

/**
 * createPod for a caller that made `input.metadata` and `input.spec` for this pod alone and keeps
 * neither (the workload controllers, a thousand pods at a scenario's load): they become the pod's own
 * objects instead of being copied. The fields come out in createPod's order (uid and
 * creationTimestamp last in the metadata, nodeName where createPod puts it).
 */
export function createPodFromOwnParts(cp: ControlPlane, input: NewPod): PodState {
  const metadata = input.metadata as PodState['metadata'];
  metadata.uid = newUid(cp);
  metadata.creationTimestamp = cp.state.clock;
  return addPod(cp, metadata, input.spec, input);
}

/** The pod made of `metadata` and `spec`, objects of its own, added to the state and started. */
function addPod(cp: ControlPlane, metadata: PodState['metadata'], ownSpec: PodSpec, input: NewPod): PodState {
  const { state } = cp;
  const spec = ownSpec as PodState['spec'];
  spec.nodeName = ownSpec.nodeName ?? '';
  const pod: PodState = {
    metadata,
    spec,
    ...(input.ownerRef ? { ownerRef: input.ownerRef } : {}),
    ...(input.daemonNode !== undefined ? { daemonNode: input.daemonNode } : {}),
    status: { phase: 'Pending', podIP: '', hostIP: '', ready: false },
    serviceEnv: [],
    files: [],
    ...(input.source ? { source: input.source } : {}),
  };
  state.pods.push(pod);
  getNamespacePods(cp, pod.metadata.namespace).push(pod);
  getPodNames(cp).add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  notePodCreated(cp, pod);
  if (pod.spec.nodeName !== '') bump(getPodCounts(cp), pod.spec.nodeName, 1);
  // The spec was made just above and no state shares it yet: binding may write into it.
  advancePod(cp, pod, true);
  return pod;
}

function bump(counts: Map<string, number>, node: string, by: number): void {
  counts.set(node, (counts.get(node) ?? 0) + by);
}

/**
 * Moves a Pending pod on: binds it to a node (scheduler, unless nodeName is set) and, when that node is
 * up, gives it an IP and starts it. Returns whether the pod is now Running. `ownSpec`: the pod's spec
 * object was made in this step and nothing else holds it (createPod), so binding sets its nodeName in
 * place; otherwise the spec may be shared with an earlier state and is replaced (sim/copyState.ts).
 */
export function advancePod(cp: ControlPlane, pod: PodState, ownSpec = false): boolean {
  const { state } = cp;
  if (pod.status.phase === 'Running') return true;
  const ref = `Pod/${pod.metadata.name}`;
  if (pod.spec.nodeName === '') {
    const counts = getPodCounts(cp);
    const hostPorts = hostPortsOf(pod.spec);
    const result = schedulePod(
      state.nodes,
      pod.spec.nodeSelector,
      counts,
      hostPorts,
      hostPorts.length > 0 ? usedHostPortsByNode(state) : undefined,
      pod.daemonNode !== undefined ? { node: pod.daemonNode } : undefined,
    );
    if (!result.ok) {
      const last = lastEventFor(state, pod);
      if (!last || last.reason !== 'FailedScheduling' || last.message !== result.message) {
        recordEvent(state, {
          type: 'Warning',
          reason: 'FailedScheduling',
          object: ref,
          namespace: pod.metadata.namespace,
          message: result.message,
        });
      }
      return false;
    }
    if (ownSpec) pod.spec.nodeName = result.node.name;
    else pod.spec = { ...pod.spec, nodeName: result.node.name };
    bump(counts, result.node.name, 1);
    recordEvent(state, {
      reason: 'Scheduled',
      object: ref,
      namespace: pod.metadata.namespace,
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${result.node.name}`,
    });
  }
  const node = state.nodes.find((n) => n.name === pod.spec.nodeName);
  if (!node || !node.up) return false;
  return startPod(cp, pod, node);
}

/** Host ports held by the pods bound to each node (only computed for pods that ask for one). */
function usedHostPortsByNode(state: ClusterState): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const pod of state.pods) {
    if (pod.spec.nodeName === '') continue;
    for (const key of hostPortsOf(pod.spec)) {
      let set = used.get(pod.spec.nodeName);
      if (!set) used.set(pod.spec.nodeName, (set = new Set()));
      set.add(key);
    }
  }
  return used;
}

function lastEventFor(state: ClusterState, pod: PodState) {
  const ref = `Pod/${pod.metadata.name}`;
  for (let i = state.events.length - 1; i >= 0; i--) {
    const e = state.events[i];
    if (e && e.object === ref && e.namespace === pod.metadata.namespace) return e;
  }
  return undefined;
}

function startPod(cp: ControlPlane, pod: PodState, node: NodeState): boolean {
  const { state } = cp;
  let ip = node.ip;
  if (!pod.spec.hostNetwork) {
    const used = (cp.nodeIps ??= new Map()).get(node.name) ?? podIpsOnNode(state, node.name);
    cp.nodeIps.set(node.name, used);
    const allocated = allocatePodIp(state, node, used);
    if (allocated === undefined) {
      recordEvent(state, {
        type: 'Warning',
        reason: 'FailedCreatePodSandBox',
        object: `Pod/${pod.metadata.name}`,
        namespace: pod.metadata.namespace,
        message: `Failed to create pod sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node.podCIDR}`,
      });
      return false;
    }
    ip = allocated;
  }
  pod.status = { phase: 'Running', podIP: ip, hostIP: node.ip, ready: false };
  // Ready no sooner than its containers can be (podStartTiming.ts); a loaded scenario settles this away.
  pod.readyAt = readyAtFor(pod.spec.containers, state.clock);
  const cacheKey = `${pod.metadata.namespace}|${pod.spec.enableServiceLinks}`;
  let env = cp.serviceEnvCache.get(cacheKey);
  if (!env) {
    env = snapshotServiceEnv(state, pod.metadata.namespace, pod.spec.enableServiceLinks);
    cp.serviceEnvCache.set(cacheKey, env);
  }
  pod.serviceEnv = env;
  const object = `Pod/${pod.metadata.name}`;
  const namespace = pod.metadata.namespace;
  for (const c of pod.spec.containers) {
    const image = `Container image "${c.image}" already present on machine`;
    recordEvent(state, { reason: 'Pulled', object, namespace, message: image });
    recordEvent(state, { reason: 'Created', object, namespace, message: `Created container ${c.name}` });
    recordEvent(state, { reason: 'Started', object, namespace, message: `Started container ${c.name}` });
  }
  return true;
}

/**
 * Removes a pod at once (kubelet stops its containers: `Killing`). A graceful deletion goes through
 * termination.ts, which writes `Killing` when it starts and removes the pod `silent`ly at the end.
 */
export function deletePod(cp: ControlPlane, pod: PodState, options: { silent?: boolean } = {}): void {
  const { state } = cp;
  const i = state.pods.indexOf(pod);
  if (i === -1) return;
  state.pods.splice(i, 1);
  const nsPods = getNamespacePods(cp, pod.metadata.namespace);
  const j = nsPods.indexOf(pod);
  if (j !== -1) nsPods.splice(j, 1);
  getPodNames(cp).delete(`${pod.metadata.namespace}/${pod.metadata.name}`);
  notePodDeleted(cp, pod);
  if (pod.spec.nodeName !== '') bump(getPodCounts(cp), pod.spec.nodeName, -1);
  if (pod.status.podIP !== '' && !pod.spec.hostNetwork)
    cp.nodeIps?.get(pod.spec.nodeName)?.delete(pod.status.podIP);
  if (pod.status.phase === 'Running' && !options.silent) {
    for (const c of pod.spec.containers) {
      recordEvent(state, {
        reason: 'Killing',
        object: `Pod/${pod.metadata.name}`,
        namespace: pod.metadata.namespace,
        message: `Stopping container ${c.name}`,
      });
    }
  }
}
