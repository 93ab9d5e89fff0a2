/**
 * Pod readiness as kubelet reports it (the Ready condition the endpoints controller reads):
 * the node is up, the pod is running, no `kubeplay pod unready` override, and every container's
 * readiness probe passes. A container without a probe is ready once started.
 *
 * Probes: an exec probe that tests files (`ls /var/ready`, `cat f`, `test -e f`, `stat f`,
 * `[ -f f ]`, also inside `sh -c "…"`) passes only when those files exist in the pod (`podFile`
 * action, the book's kubia-rc-readinessprobe scenario); every other probe (httpGet, tcpSocket, other
 * commands) is taken to pass.
 * `kubeplay pod unready POD` forces not ready whatever the probe says; `kubeplay pod ready POD` lifts that
 * (the probe decides again). A `readinessOverride: true` in a state forces ready.
 * A down node's pods stay there, not ready, for 5 minutes; then they are evicted (controllers.ts).
 * A new pod is not Ready before `readyAt` (containers starting, probe delays: podStartTiming.ts).
 */
import type { Container, Probe } from '../model/objects.ts';
import type { ClusterState, NodeState, PodState } from '../model/state.ts';

const FILE_TESTING_COMMANDS = new Set(['ls', 'cat', 'test', 'stat', '[', 'head', 'tail']);

/** The files an exec probe requires, or undefined when the probe does not test files. */
export function filesTestedByProbe(probe: Probe): string[] | undefined {
  if (probe.kind !== 'exec') return undefined;
  let words = probe.command;
  const first = words[0]?.replace(/^.*\//, '');
  if (
    (first === 'sh' || first === 'bash' || first === 'ash') &&
    words[1] === '-c' &&
    words[2] !== undefined
  ) {
    words = words[2].split(/\s+/).filter((w) => w !== '');
  }
  const command = words[0]?.replace(/^.*\//, '');
  if (command === undefined || !FILE_TESTING_COMMANDS.has(command)) return undefined;
  const paths = words.slice(1).filter((w) => w.startsWith('/'));
  return paths.length > 0 ? paths : undefined;
}

export function probePasses(probe: Probe | undefined, files: string[]): boolean {
  if (!probe) return true;
  const needed = filesTestedByProbe(probe);
  if (!needed) return true;
  return needed.every((path) => files.includes(path));
}

export function containerReady(container: Container, pod: PodState): boolean {
  return probePasses(container.readinessProbe, pod.files);
}

export function computePodReady(pod: PodState, node: NodeState | undefined, clock?: number): boolean {
  if (pod.status.phase !== 'Running' || !node || !node.up) return false;
  // Containers still starting, or the readiness probe has not run yet (podStartTiming.ts).
  if (clock !== undefined && pod.readyAt !== undefined && clock < pod.readyAt) return false;
  if (pod.readinessOverride !== undefined) return pod.readinessOverride;
  return pod.spec.containers.every((c) => containerReady(c, pod));
}

/** The status without its readySince (the status itself when it has none: the caller copies it anyway). */
function withoutReadySince(status: PodState['status']): Omit<PodState['status'], 'readySince'> {
  if (!('readySince' in status)) return status;
  const { readySince: _was, ...rest } = status;
  void _was;
  return rest;
}

/** Recomputes `status.ready` of every pod, noting when it turned Ready (for minReadySeconds). */
export function updateReadiness(state: ClusterState): void {
  const nodes = new Map(state.nodes.map((n) => [n.name, n]));
  for (const pod of state.pods) {
    const ready = computePodReady(pod, nodes.get(pod.spec.nodeName), state.clock);
    if (ready === pod.status.ready) continue;
    // Replace, never edit: states share unchanged sub-objects (sim/copyState.ts).
    pod.status = ready
      ? { ...withoutReadySince(pod.status), ready, readySince: state.clock }
      : { ...withoutReadySince(pod.status), ready };
  }
}
