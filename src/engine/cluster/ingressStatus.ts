/**
 * Ingress status, as the controllers publish it (the ADDRESS column).
 *
 * An Ingress gets an address only when a running, ready ingress controller pod serves it
 * (model/ingressControllers.ts decides "serves" from IngressClass / annotation / flags). The address:
 * - `--publish-status-address=a,b` on the controller: those values (kind's ingress-nginx manifest uses
 *   `localhost`);
 * - else a LoadBalancer Service selecting the controller pods with an address: that address (what
 *   ingress-nginx's `--publish-service` and Traefik's `ingressEndpoint.publishedService` publish, as the
 *   standard cloud manifests and Helm charts configure them);
 * - else the IPs of the nodes running ready controller pods (ingress-nginx's fallback in
 *   internal/ingress/status: node ExternalIP, which kind nodes lack, so InternalIP).
 * Served by no controller: no address. Values are sorted and de-duplicated.
 */
import type { IngressManifest } from '../model/objects.ts';
import {
  controllerServes,
  recognizeIngressController,
  type IngressControllerInfo,
} from '../model/ingressControllers.ts';
import type { ClusterState, PodState } from '../model/state.ts';
import { matchesLabels } from './labels.ts';

interface RunningController {
  info: IngressControllerInfo;
  pod: PodState;
  publishStatusAddress?: string;
}

function flag(args: string[], name: string): string | undefined {
  const prefix = `${name}=`;
  const hit = args.find((a) => a.startsWith(prefix));
  return hit?.slice(prefix.length);
}

export function findIngressControllers(state: ClusterState): RunningController[] {
  const found: RunningController[] = [];
  for (const pod of state.pods) {
    if (pod.status.phase !== 'Running' || !pod.status.ready) continue;
    for (const container of pod.spec.containers) {
      const info = recognizeIngressController(container);
      if (!info) continue;
      const publish = flag([...container.command, ...container.args], '--publish-status-address');
      found.push({ info, pod, ...(publish ? { publishStatusAddress: publish } : {}) });
      break;
    }
  }
  return found;
}

function ingressClassOf(ingress: IngressManifest, state: ClusterState) {
  const annotation = ingress.metadata.annotations['kubernetes.io/ingress.class'];
  const className = ingress.spec.ingressClassName;
  const cls =
    className !== undefined
      ? state.ingressClasses.find((c) => c.manifest.metadata.name === className)
      : undefined;
  return {
    ...(className !== undefined ? { className } : {}),
    ...(annotation !== undefined ? { annotation } : {}),
    ...(cls ? { classController: cls.manifest.controller } : {}),
  };
}

function addressesOf(controller: RunningController, state: ClusterState): string[] {
  if (controller.publishStatusAddress)
    return controller.publishStatusAddress.split(',').filter((a) => a !== '');
  const pod = controller.pod;
  for (const svc of state.services) {
    const m = svc.manifest;
    if (m.metadata.namespace !== pod.metadata.namespace || m.spec.type !== 'LoadBalancer') continue;
    const sel = m.spec.selector;
    if (!sel || Object.keys(sel).length === 0 || !matchesLabels(pod.metadata.labels, sel)) continue;
    const ips = svc.status.loadBalancer.ingress.map((i) => i.ip ?? i.hostname ?? '').filter((a) => a !== '');
    if (ips.length > 0) return ips;
  }
  const node = state.nodes.find((n) => n.name === pod.spec.nodeName);
  return node ? [node.ip] : [];
}

/** Writes status.loadBalancer.ingress of every Ingress. */
export function syncIngressStatus(state: ClusterState): void {
  const controllers = findIngressControllers(state);
  for (const ingress of state.ingresses) {
    const cls = ingressClassOf(ingress.manifest, state);
    const addresses = new Set<string>();
    for (const c of controllers) {
      if (controllerServes(c.info, cls)) for (const a of addressesOf(c, state)) addresses.add(a);
    }
    const sorted = [...addresses].sort();
    ingress.status = {
      loadBalancer: { ingress: sorted.map((a) => (/^[\d.]+$/.test(a) ? { ip: a } : { hostname: a })) },
    };
  }
}
