/**
 * The ingress controllers running in the cluster, and which Ingresses each one takes. Shared by the
 * Ingress status (cluster/ingressStatus.ts) and the graph's controller -> Ingress edges; it needs no
 * label matching, so the page can use it without loading the rest of the control plane.
 */
import type { IngressManifest } from '../model/objects.ts';
import { controllerServes, type IngressControllerInfo } from '../model/ingressControllers.ts';
import { controllerOfContainer } from '../model/controllerContainers.ts';
import type { ClusterState, PodState } from '../model/state.ts';

export interface RunningController {
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
      const info = controllerOfContainer(container);
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

/** What an Ingress says about its class, as controllerServes (model/ingressControllers.ts) reads it. */
export interface IngressClassRef {
  className?: string;
  annotation?: string;
  classController?: string;
}

/**
 * The class an Ingress asks for: spec.ingressClassName, or the kubernetes.io/ingress.class annotation.
 * One naming neither gets the single default IngressClass, as the DefaultIngressClass admission plugin
 * writes it (docs/kubernetes-facts.md#ingress-class). One function for the status, the routing and the hints, so they agree.
 */
export function ingressClassOf(ingress: IngressManifest, state: ClusterState): IngressClassRef {
  const annotation = ingress.metadata.annotations['kubernetes.io/ingress.class'];
  let className = ingress.spec.ingressClassName;
  if (className === undefined && annotation === undefined) {
    const defaults = state.ingressClasses.filter((c) => c.manifest.isDefault);
    if (defaults.length === 1) className = defaults[0]?.manifest.metadata.name;
  }
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
