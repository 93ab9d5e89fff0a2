/**
 * When a new pod becomes Ready and available, in simulated seconds (docs/rollouts.md#timing):
 *
 * - its containers start the second after the pod is created: kind nodes have the image already
 *   (`Container image … already present on machine`), and kubelet still needs the sandbox and the
 *   container started, so a real pod is Ready about a second later, never in the same instant;
 * - a container without a readiness probe is Ready once started
 *   (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes);
 * - with a readiness probe, kubelet's prober worker ticks every periodSeconds (default 10) from the
 *   container's start and skips ticks before initialDelaySeconds (default 0), so the first probe that can
 *   pass runs at the first tick at or after initialDelaySeconds
 *   (pkg/kubelet/prober/worker.go in https://github.com/kubernetes/kubernetes, doProbe;
 *   https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes);
 *   the pod is Ready when its slowest container is;
 * - a pod is available once it has been Ready for minReadySeconds (IsPodAvailable in
 *   pkg/api/v1/pod/util.go; https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#min-ready-seconds).
 *
 * The pods of a freshly loaded scenario count as started long ago (sim/reconcile.ts settles them).
 */
import type { Container } from '../model/objects.ts';
import type { PodState } from '../model/state.ts';

/** Seconds from creation to running containers. */
export const CONTAINER_START_SECONDS = 1;
const DEFAULT_PERIOD_SECONDS = 10;

/** Seconds after the container starts at which its readiness probe first counts. */
export function firstReadinessProbeAfter(container: Container): number {
  const probe = container.readinessProbe;
  if (!probe) return 0;
  const delay = Math.max(0, probe.initialDelaySeconds ?? 0);
  const period = Math.max(1, probe.periodSeconds ?? DEFAULT_PERIOD_SECONDS);
  return Math.ceil(delay / period) * period;
}

/** The simulation time before which kubelet cannot report a pod started at `createdAt` Ready. */
export function readyAtFor(containers: Container[], createdAt: number): number {
  const slowest = containers.reduce((most, c) => Math.max(most, firstReadinessProbeAfter(c)), 0);
  return createdAt + CONTAINER_START_SECONDS + slowest;
}

/** IsPodAvailable: Ready, and for at least minReadySeconds (a pod Ready since the load counts as long ago). */
export function isPodAvailable(pod: PodState, minReadySeconds: number, clock: number): boolean {
  if (!pod.status.ready) return false;
  if (minReadySeconds <= 0 || pod.status.readySince === undefined) return true;
  return clock - pod.status.readySince >= minReadySeconds;
}
