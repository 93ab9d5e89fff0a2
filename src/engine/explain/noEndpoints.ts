/**
 * A Service with no ready endpoints (kube-proxy's REJECT "<svc> has no endpoints", ingress-nginx's 503):
 * the selector matches no pod, the pods it matches are not ready (a node down, a readiness probe
 * failing), or a named targetPort that none of them declares. The static hints (lint/serviceHints.ts)
 * word the same mistakes the same way.
 */
import type { ServicePort } from '../model/objects.ts';
import type { ClusterState, PodState, ServiceState } from '../model/state.ts';
import { matchesLabels } from '../model/labelSelector.ts';
import { filesTestedByProbe, containerReady } from '../cluster/readiness.ts';
import { formatLabels } from '../lint/locate.ts';
import { selectorNoPodsMessage, targetPortNameUnknownMessage } from '../lint/serviceHints.ts';
import { graphIdOfNode, graphIdOfPod, graphIdOfService } from '../trace.ts';
import { blameAt, fixAt } from './blame.ts';
import { podOrigin } from './podOrigin.ts';
import type { Explanation } from './types.ts';

/** Labels that controllers add to pods; a selector should not copy them. */
const CONTROLLER_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
]);

function ownLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!CONTROLLER_LABELS.has(k)) out[k] = v;
  return out;
}

/**
 * The selector that would select `pods`: the selector's own keys with the pods' values when the pods
 * carry every key (the likely typo is a value), otherwise the pods' labels.
 */
export function matchingSelector(
  selector: Record<string, string>,
  pods: PodState[],
): Record<string, string> | undefined {
  let best: PodState | undefined;
  let bestShared = -1;
  for (const pod of pods) {
    const shared = Object.keys(selector).filter((k) => k in pod.metadata.labels).length;
    if (shared > bestShared) {
      best = pod;
      bestShared = shared;
    }
  }
  if (!best) return undefined;
  const labels = best.metadata.labels;
  if (Object.keys(selector).every((k) => k in labels)) {
    const out: Record<string, string> = {};
    for (const k of Object.keys(selector)) out[k] = labels[k] ?? '';
    return out;
  }
  const own = ownLabels(labels);
  return Object.keys(own).length > 0 ? own : undefined;
}

function selectorNoPods(
  state: ClusterState,
  svc: ServiceState,
  selector: Record<string, string>,
  outcome: string,
): Explanation {
  const m = svc.manifest;
  const ns = m.metadata.namespace;
  const inNamespace = state.pods.filter((p) => p.metadata.namespace === ns);
  const wanted = matchingSelector(selector, inNamespace);
  const fix = wanted
    ? fixAt(m.source, 'spec.selector', wanted, `set the selector to ${formatLabels(wanted)}`)
    : undefined;
  const seen = [...new Set(inNamespace.map((p) => formatLabels(ownLabels(p.metadata.labels))))].slice(0, 3);
  return {
    kind: 'selector-no-pods',
    summary: `Service "${m.metadata.name}" selects ${formatLabels(selector)}, but no pod in namespace "${ns}" has these labels${seen.length > 0 ? ` (the pods have ${seen.join('; ')})` : ''}, so it has no endpoints and ${outcome}.`,
    detail: selectorNoPodsMessage(state, m, selector, inNamespace),
    blame: blameAt(graphIdOfService(ns, m.metadata.name), m.source, 'spec.selector'),
    ...(fix ? { fix } : {}),
  };
}

/** Why one pod is not ready, and the field to blame. */
function notReady(state: ClusterState, pod: PodState): Explanation {
  const podId = graphIdOfPod(pod.metadata.namespace, pod.metadata.name);
  const name = pod.metadata.name;
  const node = state.nodes.find((n) => n.name === pod.spec.nodeName);
  if (node && !node.up) {
    return {
      kind: 'node-down',
      summary: `pod ${name} runs on ${node.name}, which is down, so the pod is not ready and is no endpoint (after 5 minutes it is evicted and recreated elsewhere).`,
      detail: `kubeplay node up ${node.name} brings it back.`,
      blame: { object: graphIdOfNode(node.name) },
    };
  }
  if (pod.status.phase !== 'Running') {
    return {
      kind: 'pod-not-running',
      summary: `pod ${name} is ${pod.status.phase}: it has not started, so it is not ready and is no endpoint.`,
      blame: { object: podId },
    };
  }
  if (pod.readinessOverride === false) {
    return {
      kind: 'pod-not-ready',
      summary: `pod ${name} is marked not ready (kubeplay pod unready ${name}), so it is no endpoint.`,
      detail: `kubeplay pod ready ${name} lets its readiness probe decide again.`,
      blame: { object: podId },
    };
  }
  const origin = podOrigin(state, pod);
  const index = pod.spec.containers.findIndex((c) => !containerReady(c, pod));
  const container = pod.spec.containers[index];
  const probe = container?.readinessProbe;
  if (!container || !probe) {
    return {
      kind: 'pod-not-ready',
      summary: `pod ${name} is not ready, so it is no endpoint.`,
      blame: { object: podId },
    };
  }
  const files = filesTestedByProbe(probe) ?? [];
  const missing = files.filter((f) => !pod.files.includes(f));
  const runs = probe.kind === 'exec' ? probe.command.join(' ') : probe.kind;
  return {
    kind: 'pod-not-ready',
    summary: `Readiness probe failed: container "${container.name}" of pod ${name} runs "${runs}", and ${missing.join(', ')} does not exist in the pod, so the pod is not ready and is no endpoint.`,
    detail: `kubelet runs the readiness probe periodically; the pod becomes an endpoint once it passes (kubectl exec ${name} -- touch ${missing[0] ?? '/var/ready'} makes this one pass). It is defined in ${origin.label}.`,
    blame: blameAt(podId, origin.source, `${origin.specPath}.containers[${index}].readinessProbe`),
  };
}

function targetPortName(
  outcome: string,
  svc: ServiceState,
  port: ServicePort,
  ready: PodState[],
): Explanation | undefined {
  if (typeof port.targetPort !== 'string') return undefined;
  const name = port.targetPort;
  const declares = (p: PodState) =>
    p.spec.containers.some((c) => c.ports.some((cp) => cp.name === name && cp.protocol === port.protocol));
  if (ready.some(declares)) return undefined;
  const example = ready[0];
  if (!example) return undefined;
  const m = svc.manifest;
  const i = m.spec.ports.indexOf(port);
  const path = `spec.ports[${i}].targetPort`;
  const declared = example.spec.containers
    .flatMap((c) => c.ports)
    .find((cp) => cp.protocol === port.protocol);
  const fix = declared
    ? fixAt(
        m.source,
        path,
        declared.name ?? declared.containerPort,
        `set targetPort to ${declared.name ?? declared.containerPort}`,
      )
    : undefined;
  return {
    kind: 'targetport-name-unknown',
    summary: `Service "${m.metadata.name}" sends port ${port.port} to the container port named "${name}", but its pods declare no port with that name, so the port has no endpoints and ${outcome}.`,
    detail: targetPortNameUnknownMessage(port, name, ready.length, example),
    blame: blameAt(graphIdOfService(m.metadata.namespace, m.metadata.name), m.source, path),
    ...(fix ? { fix } : {}),
  };
}

/** `outcome`: what the client gets when there is no endpoint (kube-proxy refuses; a proxy answers 503). */
export function explainNoEndpoints(
  state: ClusterState,
  svc: ServiceState,
  port: ServicePort | undefined,
  outcome = 'the connection is refused',
): Explanation {
  const m = svc.manifest;
  const ns = m.metadata.namespace;
  const id = graphIdOfService(ns, m.metadata.name);
  const selector = m.spec.selector;
  if (!selector || Object.keys(selector).length === 0) {
    return {
      kind: 'no-endpoints',
      summary: `Service "${m.metadata.name}" has no selector, and no EndpointSlice labelled kubernetes.io/service-name=${m.metadata.name} lists a ready address, so it has no endpoints and ${outcome}.`,
      // kube-proxy reads EndpointSlices; the mirroring controller makes one from an Endpoints object of
      // the Service's name (docs/kubernetes-facts.md#endpointslices)
      detail: `Without a selector the endpoints are written by hand: an Endpoints object named "${m.metadata.name}" in namespace "${ns}" (mirrored into an EndpointSlice), or an EndpointSlice labelled kubernetes.io/service-name: ${m.metadata.name}.`,
      blame: blameAt(id, m.source, selector ? 'spec.selector' : 'metadata.name'),
    };
  }
  const selected = state.pods.filter(
    (p) => p.metadata.namespace === ns && matchesLabels(p.metadata.labels, selector),
  );
  if (selected.length === 0) return selectorNoPods(state, svc, selector, outcome);
  const ready = selected.filter((p) => p.status.ready);
  if (ready.length === 0 && !m.spec.publishNotReadyAddresses) {
    const first = notReady(state, selected[0] as PodState);
    const count = selected.length === 1 ? 'its only pod is' : `none of its ${selected.length} pods is`;
    return {
      ...first,
      summary: `Service "${m.metadata.name}" has no ready endpoints: ${count} ready. ${first.summary}`,
    };
  }
  const ports = port ? [port] : m.spec.ports;
  for (const p of ports) {
    const named = targetPortName(outcome, svc, p, ready.length > 0 ? ready : selected);
    if (named) return named;
  }
  return {
    kind: 'no-endpoints',
    summary: `Service "${m.metadata.name}" has no ready endpoints, so ${outcome}.`,
    blame: blameAt(id, m.source, 'spec.selector'),
  };
}
