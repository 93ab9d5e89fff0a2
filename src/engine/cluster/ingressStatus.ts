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
import { controllerServes } from '../model/ingressControllers.ts';
import type { ClusterState } from '../model/state.ts';
import { findIngressControllers, ingressClassOf } from './runningIngressControllers.ts';
import type { RunningController } from './runningIngressControllers.ts';
import { matchesLabels } from './labels.ts';
import { sameJson } from './sameJson.ts';

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
    const status = {
      loadBalancer: { ingress: sorted.map((a) => (/^[\d.]+$/.test(a) ? { ip: a } : { hostname: a })) },
    };
    // An unchanged status keeps its object, so an edit elsewhere leaves this Ingress as it was for the
    // page (worker/structuralDelta.ts sends what changed by identity).
    if (!sameJson(ingress.status, status)) ingress.status = status;
  }
}
