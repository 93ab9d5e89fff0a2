/**
 * A connection that reached a pod and was refused: nothing in the pod listens on that port. Through a
 * Service that is the targetPort (Kubernetes never checks a numeric targetPort against the container's
 * ports: kubernetes.io/docs/concepts/services-networking/service/#defining-a-service), so blame it and
 * offer the container's port.
 */
import type { ServicePort } from '../model/objects.ts';
import type { ClusterState, PodState, ServiceState } from '../model/state.ts';
import { getListeningPorts } from '../net/apps.ts';
import { declaredPorts, targetPortUndeclaredMessage } from '../lint/serviceHints.ts';
import { graphIdOfPod, graphIdOfService } from '../trace.ts';
import { blameAt, fixAt } from './blame.ts';
import { podOrigin } from './podOrigin.ts';
import type { Explanation } from './types.ts';

/** The port number a Service port's targetPort means for `pod` (a name is looked up in its containers). */
function targetNumber(port: ServicePort, pod: PodState): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  for (const c of pod.spec.containers)
    for (const cp of c.ports)
      if (cp.name === port.targetPort && cp.protocol === port.protocol) return cp.containerPort;
  return undefined;
}

/** The port the pod really serves on: a declared containerPort something listens on, else any listener. */
function servedPort(pod: PodState): number | undefined {
  const listening = getListeningPorts(pod);
  const declared = pod.spec.containers.flatMap((c) => c.ports).filter((p) => p.protocol === 'TCP');
  return (
    declared.find((p) => listening.includes(p.containerPort))?.containerPort ??
    listening[0] ??
    declared[0]?.containerPort
  );
}

export function explainNotListening(
  state: ClusterState,
  pod: PodState,
  port: number,
  service: ServiceState | undefined,
): Explanation {
  const name = pod.metadata.name;
  const listening = getListeningPorts(pod);
  const listens = listening.length > 0 ? `it listens on ${listening.join(', ')}` : 'it listens on no port';
  const declares = declaredPorts(pod.spec.containers);
  const served = servedPort(pod);
  const svcPort = service?.manifest.spec.ports.find((p) => targetNumber(p, pod) === port);
  if (service && svcPort) {
    const m = service.manifest;
    const i = m.spec.ports.indexOf(svcPort);
    const path = `spec.ports[${i}].targetPort`;
    const fix =
      served !== undefined && served !== port && typeof svcPort.targetPort === 'number'
        ? fixAt(m.source, path, served, `set targetPort to ${served}`)
        : undefined;
    return {
      kind: 'targetport-not-listening',
      summary: `Service "${m.metadata.name}" forwards port ${svcPort.port} to targetPort ${String(svcPort.targetPort)} of pod ${name}, but nothing in the pod listens on ${port} (${listens}; it declares ${declares}), so the pod refuses the connection.`,
      detail:
        typeof svcPort.targetPort === 'number'
          ? targetPortUndeclaredMessage(svcPort.targetPort, pod)
          : undefined,
      blame: blameAt(graphIdOfService(m.metadata.namespace, m.metadata.name), m.source, path),
      ...(fix ? { fix } : {}),
    };
  }
  const origin = podOrigin(state, pod);
  return {
    kind: 'port-not-listening',
    summary: `nothing in pod ${name} listens on port ${port} (${listens}; it declares ${declares}), so its kernel refuses the connection.`,
    blame: blameAt(
      graphIdOfPod(pod.metadata.namespace, name),
      origin.source,
      `${origin.specPath}.containers[0].ports`,
    ),
  };
}
