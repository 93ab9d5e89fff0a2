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
 * Traefik is different: it writes status only when told where it is reachable
 * (`providers.kubernetesIngress.ingressEndpoint.ip|hostname|publishedService`, Traefik 1.7's
 * `kubernetes.ingressEndpoint.*`); without it the ADDRESS column stays empty (traefik docs,
 * providers/kubernetes-ingress; traefik/traefik#2173).
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
  /** Traefik's ingressEndpoint settings, when given. */
  traefikEndpoint?: { ip?: string; hostname?: string; publishedService?: string };
}

const TRAEFIK_ENDPOINT_PREFIXES = [
  '--providers.kubernetesingress.ingressendpoint.',
  '--kubernetes.ingressendpoint.',
];

function traefikEndpointOf(args: string[]): RunningController['traefikEndpoint'] {
  const endpoint: NonNullable<RunningController['traefikEndpoint']> = {};
  for (const arg of args) {
    const lower = arg.toLowerCase();
    const prefix = TRAEFIK_ENDPOINT_PREFIXES.find((p) => lower.startsWith(p));
    const eq = arg.indexOf('=');
    if (!prefix || eq < 0) continue;
    const key = lower.slice(prefix.length, eq);
    const value = arg.slice(eq + 1).replace(/^"|"$/g, '');
    if (key === 'ip') endpoint.ip = value;
    else if (key === 'hostname') endpoint.hostname = value;
    else if (key === 'publishedservice') endpoint.publishedService = value;
  }
  return Object.keys(endpoint).length > 0 ? endpoint : undefined;
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
      const args = [...container.command, ...container.args];
      const publish = flag(args, '--publish-status-address');
      const traefikEndpoint = info.kind === 'traefik' ? traefikEndpointOf(args) : undefined;
      found.push({
        info,
        pod,
        ...(publish ? { publishStatusAddress: publish } : {}),
        ...(traefikEndpoint ? { traefikEndpoint } : {}),
      });
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

function loadBalancerAddresses(svc: ClusterState['services'][number]): string[] {
  return svc.status.loadBalancer.ingress.map((i) => i.ip ?? i.hostname ?? '').filter((a) => a !== '');
}

function traefikAddresses(controller: RunningController, state: ClusterState): string[] {
  const endpoint = controller.traefikEndpoint;
  if (!endpoint) return [];
  if (endpoint.ip || endpoint.hostname) return [endpoint.ip ?? endpoint.hostname ?? ''];
  if (!endpoint.publishedService) return [];
  const [namespace, name] = endpoint.publishedService.includes('/')
    ? endpoint.publishedService.split('/')
    : [controller.pod.metadata.namespace, endpoint.publishedService];
  const svc = state.services.find(
    (s) => s.manifest.metadata.namespace === namespace && s.manifest.metadata.name === name,
  );
  return svc ? loadBalancerAddresses(svc) : [];
}

function addressesOf(controller: RunningController, state: ClusterState): string[] {
  if (controller.info.kind === 'traefik') return traefikAddresses(controller, state);
  if (controller.publishStatusAddress)
    return controller.publishStatusAddress.split(',').filter((a) => a !== '');
  const pod = controller.pod;
  for (const svc of state.services) {
    const m = svc.manifest;
    if (m.metadata.namespace !== pod.metadata.namespace || m.spec.type !== 'LoadBalancer') continue;
    const sel = m.spec.selector;
    if (!sel || Object.keys(sel).length === 0 || !matchesLabels(pod.metadata.labels, sel)) continue;
    const ips = loadBalancerAddresses(svc);
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

/**
 * Which controller pods serve each Ingress (`ing/<ns>/<name>` -> `pod/<ns>/<name>`s), by the same rule
 * as the status above: running, ready controllers whose class settings take the Ingress.
 */
export function getIngressControllerPods(state: ClusterState): Record<string, string[]> {
  const controllers = findIngressControllers(state);
  const result: Record<string, string[]> = {};
  for (const ingress of state.ingresses) {
    const meta = ingress.manifest.metadata;
    const cls = ingressClassOf(ingress.manifest, state);
    result[`ing/${meta.namespace}/${meta.name}`] = controllers
      .filter((c) => controllerServes(c.info, cls))
      .map((c) => `pod/${c.pod.metadata.namespace}/${c.pod.metadata.name}`);
  }
  return result;
}
