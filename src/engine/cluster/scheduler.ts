/**
 * A small kube-scheduler. Filters in the default plugin order (NodeUnschedulable, TaintToleration,
 * NodeAffinity/nodeSelector); the first filter a node fails is its reason, and a pod no node fits gets
 * the FitError text: `0/3 nodes are available: <n> <reason>, …` with the reasons sorted as strings,
 * then the preemption part (pkg/scheduler/framework/types.go FitError.Error).
 *
 * Scoring is reduced to spreading: the node with the fewest pods wins, ties go to the node listed
 * first (the real scheduler breaks ties at random; a fixed order keeps scenarios easy to narrate).
 * Pods do not carry tolerations in this model, so the control-plane's NoSchedule taint keeps user pods
 * off it unless `nodeName` says otherwise (nodeName bypasses the scheduler, as in Kubernetes).
 * NodeResourcesFit is reduced to its pod count: a node holds at most MAX_PODS_PER_NODE pods.
 *
 * DaemonSet pods go through this scheduler too, pinned to their node by the required node affinity the
 * DaemonSet controller writes (`matchFields: metadata.name In [node]`,
 * https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled):
 * NodeAffinity's PreFilter narrows the nodes to that one, every other node is counted as
 * `node(s) didn't satisfy plugin(s) [NodeAffinity]` (pkg/scheduler/schedule_one.go,
 * SetAbsentNodesStatus), and the pinned node still runs the filters, its pod limit included.
 */
import type { PodSpec } from '../model/objects.ts';
import type { NodeState } from '../model/state.ts';
import { matchesLabels } from './labels.ts';

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/**
 * The pods a node allocates: the kubelet's `--max-pods`, 110 unless set
 * (https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/), which kind leaves as is.
 * Every pod bound to the node counts, system pods and terminating ones included, until it is deleted.
 */
export const MAX_PODS_PER_NODE = 110;

/** NodeResourcesFit's reason when the pod would be one too many (noderesources/fit.go). */
export const TOO_MANY_PODS = 'Too many pods';

export type ScheduleResult = { ok: true; node: NodeState } | { ok: false; message: string };

/** The reason of the nodes a PreFilter left out: UnschedulableAndUnresolvable (schedule_one.go). */
export const NOT_NODE_AFFINITY_TARGET = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

/**
 * A DaemonSet pod's target node (its required node affinity on metadata.name) and the tolerations the
 * controller adds: `node.kubernetes.io/unschedulable:NoSchedule` among them, so a cordoned node keeps
 * its daemon pod (pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations).
 */
export interface DaemonPlacement {
  node: string;
}

/**
 * Why a node cannot take the pod, in the scheduler's words; undefined when it can. `hostPorts` are the
 * pod's `protocol/port` host ports, `usedHostPorts` those already taken on each node (NodePorts filter),
 * `podCount` the pods bound to the node now (NodeResourcesFit).
 */
export function nodeRejection(
  node: NodeState,
  nodeSelector: Record<string, string>,
  hostPorts: string[] = [],
  usedHostPorts?: Map<string, Set<string>>,
  podCount = 0,
): string | undefined {
  if (node.unschedulable) return 'node(s) were unschedulable';
  // A loop, not find(): this runs for every node and every pod scheduled (50,000 times at 1,000 pods).
  for (const taint of node.taints ?? [])
    if (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute')
      return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  if (!node.up) return `node(s) had untolerated taint {${UNREACHABLE_TAINT}: }`;
  if (!matchesLabels(node.labels, nodeSelector)) return "node(s) didn't match Pod's node affinity/selector";
  const used = usedHostPorts?.get(node.name);
  if (used && hostPorts.some((p) => used.has(p)))
    return "node(s) didn't have free ports for the requested pod ports";
  if (podCount + 1 > MAX_PODS_PER_NODE) return TOO_MANY_PODS;
  return undefined;
}

/** `TCP/80`-style keys of the host ports a pod spec asks for. */
export function hostPortsOf(spec: PodSpec): string[] {
  const ports: string[] = [];
  for (const c of spec.containers)
    for (const p of c.ports) if (p.hostPort) ports.push(`${p.protocol}/${p.hostPort}`);
  return ports;
}

/** Picks a node for a pod. `podCounts` holds how many pods each node runs now. */
export function schedulePod(
  nodes: NodeState[],
  nodeSelector: Record<string, string>,
  podCounts: Map<string, number>,
  hostPorts: string[] = [],
  usedHostPorts?: Map<string, Set<string>>,
  daemon?: DaemonPlacement,
): ScheduleResult {
  let best: NodeState | undefined;
  let bestCount = Infinity;
  const reasons = new Map<string, number>();
  for (const candidate of nodes) {
    if (daemon && candidate.name !== daemon.node) {
      reasons.set(NOT_NODE_AFFINITY_TARGET, (reasons.get(NOT_NODE_AFFINITY_TARGET) ?? 0) + 1);
      continue;
    }
    const node = daemon ? { ...candidate, unschedulable: false } : candidate;
    const count = podCounts.get(node.name) ?? 0;
    const reason = nodeRejection(node, nodeSelector, hostPorts, usedHostPorts, count);
    if (reason !== undefined) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    if (count < bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  if (best) return { ok: true, node: best };
  return { ok: false, message: formatFitError(nodes.length, reasons) };
}

/**
 * Filters that fail with UnschedulableAndUnresolvable (taints, node affinity, cordon) make preemption
 * pointless; a host-port clash or a full node is merely Unschedulable, so preemption looks for victims
 * and, with every pod at the same priority, finds none (pkg/scheduler/framework/preemption).
 */
const PREEMPTION_MIGHT_HELP = new Set([
  "node(s) didn't have free ports for the requested pod ports",
  TOO_MANY_PODS,
]);

export function formatFitError(total: number, reasons: Map<string, number>): string {
  const parts = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort();
  const head = `0/${total} nodes are available`;
  const detail = parts.length > 0 ? `: ${parts.join(', ')}.` : '.';
  let hopeless = 0;
  let noVictims = 0;
  for (const [reason, n] of reasons) {
    if (PREEMPTION_MIGHT_HELP.has(reason)) noVictims += n;
    else hopeless += n;
  }
  const preemption = [
    ...(hopeless > 0 ? [`${hopeless} Preemption is not helpful for scheduling`] : []),
    ...(noVictims > 0 ? [`${noVictims} No preemption victims found for incoming pod`] : []),
  ].sort();
  return `${head}${detail} preemption: 0/${total} nodes are available: ${preemption.join(', ')}.`;
}
