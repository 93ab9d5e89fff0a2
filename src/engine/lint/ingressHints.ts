/**
 * Ingress hints: a backend naming a Service that does not exist or a port it lacks (the controller that
 * serves the Ingress then answers an error of its own: lint/ingressErrorAnswer.ts), and an Ingress that no running controller serves (it is then only a stored rule: no
 * address, nothing routes it). Who serves what is model/ingressControllers.ts, shared with the data plane.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { IngressBackend, IngressManifest, ServiceManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { controllerServes } from '../model/ingressControllers.ts';
import { controllerOfContainer } from '../model/controllerContainers.ts';
import type { IngressControllerInfo } from '../model/ingressControllers.ts';
import { hintAt } from './locate.ts';
import { ingressErrorAnswer, runningControllerPods } from './ingressErrorAnswer.ts';
import { ingressClassOf } from '../cluster/runningIngressControllers.ts';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

function isBeta(ing: IngressManifest): boolean {
  return ing.apiVersion !== 'networking.k8s.io/v1';
}

/** The backend's paths as the user wrote them (beta: serviceName/servicePort). */
function backendPaths(ing: IngressManifest, base: string): { name: string; port: string } {
  return isBeta(ing)
    ? { name: `${base}.serviceName`, port: `${base}.servicePort` }
    : { name: `${base}.service.name`, port: '' };
}

/** A backend naming a Service that does not exist (hint and explanation share the wording). */
export function ingressServiceMissingMessage(
  name: string,
  namespace: string,
  answer: string | undefined,
): string {
  const gets = answer
    ? `requests routed here get ${answer}`
    : 'once a controller serves this Ingress, requests routed here get its error answer (ingress-nginx 503, Traefik 404)';
  return `the backend Service "${name}" does not exist in namespace "${namespace}" (an Ingress only reaches Services of its own namespace); ${gets}. Create the Service or fix the name.`;
}

/** A backend port the Service lacks, by number or by name. */
export function ingressServicePortMessage(
  svc: ServiceManifest,
  port: { number?: number; name?: string },
): string {
  const listed =
    svc.spec.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
  const name = svc.metadata.name;
  return port.number !== undefined
    ? `Service "${name}" has no port ${port.number} (its ports: ${listed}). Use one of the Service's ports here, not the container's.`
    : `Service "${name}" has no port named "${port.name}" (its ports: ${listed}). Use a port name or number the Service declares.`;
}

function backendHints(
  ing: IngressManifest,
  backend: IngressBackend,
  base: string,
  services: Map<string, ServiceManifest>,
  ingressNginxServes: boolean,
  errorAnswer: string | undefined,
): Diagnostic[] {
  const source = ing.source;
  const ref = backend.service;
  if (!source || !ref || ref.name === '') return [];
  const paths = backendPaths(ing, base);
  const ns = ing.metadata.namespace;
  const svc = services.get(`${ns}/${ref.name}`);
  if (!svc) {
    return [
      hintAt(
        source,
        paths.name,
        'warning',
        ingressServiceMissingMessage(ref.name, ns, errorAnswer),
        'hint-ingress-service-missing',
      ),
    ];
  }
  const ports = svc.spec.ports;
  const affinityHint = affinityBypassed(ing, svc, paths.name, ingressNginxServes);
  if (affinityHint) return [affinityHint];
  if (ref.port.number !== undefined && !ports.some((p) => p.port === ref.port.number)) {
    const path = paths.port || `${base}.service.port.number`;
    return [
      hintAt(source, path, 'warning', ingressServicePortMessage(svc, ref.port), 'hint-ingress-service-port'),
    ];
  }
  if (ref.port.name !== undefined && !ports.some((p) => p.name === ref.port.name)) {
    const path = paths.port || `${base}.service.port.name`;
    return [
      hintAt(source, path, 'warning', ingressServicePortMessage(svc, ref.port), 'hint-ingress-service-port'),
    ];
  }
  return [];
}

const SERVICE_UPSTREAM = 'nginx.ingress.kubernetes.io/service-upstream';

/**
 * ingress-nginx balances over the pod endpoints itself, so the Service's ClientIP affinity (a
 * kube-proxy feature) never applies to its traffic unless service-upstream sends it to the cluster IP
 * (docs/kubernetes-facts.md#session-affinity; ingress-nginx annotations doc).
 */
function affinityBypassed(
  ing: IngressManifest,
  svc: ServiceManifest,
  path: string,
  ingressNginxServes: boolean,
): Diagnostic | undefined {
  if (!ing.source || !ingressNginxServes || svc.spec.sessionAffinity !== 'ClientIP') return undefined;
  if (ing.metadata.annotations[SERVICE_UPSTREAM] === 'true') return undefined;
  return hintAt(
    ing.source,
    path,
    'info',
    `Service "${svc.metadata.name}" has sessionAffinity: ClientIP, but ingress-nginx sends requests straight to the pods, so that affinity does not apply here. Use ingress-nginx's cookie affinity (nginx.ingress.kubernetes.io/affinity: cookie) or the ${SERVICE_UPSTREAM}: "true" annotation.`,
    'hint-ingress-affinity-bypassed',
  );
}

export function runningControllers(state: ClusterState): IngressControllerInfo[] {
  const out: IngressControllerInfo[] = [];
  for (const pod of state.pods) {
    if (pod.status.phase !== 'Running') continue;
    for (const c of pod.spec.containers) {
      const info = controllerOfContainer(c);
      if (info) {
        out.push(info);
        break;
      }
    }
  }
  return out;
}

function describeController(info: IngressControllerInfo, state: ClusterState): string {
  const classes = state.ingressClasses
    .filter((c) => c.manifest.controller === info.controllerClass)
    .map((c) => c.manifest.metadata.name);
  const parts: string[] = [];
  if (classes.length > 0) parts.push(`ingressClassName ${classes.map((c) => `"${c}"`).join(' or ')}`);
  if (info.annotationClass !== undefined)
    parts.push(`annotation ${CLASS_ANNOTATION}: "${info.annotationClass}"`);
  if (info.watchWithoutClass) parts.push('Ingresses with no class');
  return `${info.kind} serves ${parts.join(', ') || `IngressClasses whose controller is ${info.controllerClass}`}`;
}

export interface UnservedIngress {
  /** The field that decides the class, as written (or metadata.name when none is). */
  path: string;
  message: string;
  code: 'hint-ingress-no-controller' | 'hint-ingress-unserved';
}

function classHint(
  ing: IngressManifest,
  state: ClusterState,
  controllers: IngressControllerInfo[],
): Diagnostic[] {
  const source = ing.source;
  if (!source) return [];
  const unserved = unservedIngress(ing, state, controllers);
  return unserved ? [hintAt(source, unserved.path, 'warning', unserved.message, unserved.code)] : [];
}

/** Why no running controller serves this Ingress, or undefined when one does (hint and explanation share it). */
export function unservedIngress(
  ing: IngressManifest,
  state: ClusterState,
  controllers: IngressControllerInfo[] = runningControllers(state),
): UnservedIngress | undefined {
  const cls = ingressClassOf(ing, state);
  if (controllers.some((c) => controllerServes(c, cls))) return undefined;
  const path =
    cls.annotation !== undefined && cls.annotation !== ''
      ? `metadata.annotations.${CLASS_ANNOTATION}`
      : cls.className !== undefined && (!ing.source || ing.source.positions['spec.ingressClassName'])
        ? 'spec.ingressClassName'
        : 'metadata.name';
  if (controllers.length === 0) {
    return {
      path,
      message:
        'no ingress controller runs in this cluster, so this Ingress is only a stored rule: nothing listens for it and it gets no address. Deploy a controller (ingress-nginx or Traefik) that serves its class.',
      code: 'hint-ingress-no-controller',
    };
  }
  let why: string;
  if (cls.className !== undefined && cls.classController === undefined && !cls.annotation) {
    why = `IngressClass "${cls.className}" does not exist`;
  } else if (cls.annotation) {
    why = `its class annotation is "${cls.annotation}"`;
  } else if (cls.className !== undefined) {
    why = `IngressClass "${cls.className}" names controller ${cls.classController}`;
  } else {
    why =
      'it names no class, and controllers ignore class-less Ingresses unless told otherwise (ingress-nginx: --watch-ingress-without-class=true)';
  }
  return {
    path,
    message: `no running ingress controller serves this Ingress: ${why}. Here ${controllers.map((c) => describeController(c, state)).join('; ')}. Set spec.ingressClassName to a class one of them serves.`,
    code: 'hint-ingress-unserved',
  };
}

export function getIngressHints(state: ClusterState, services: Map<string, ServiceManifest>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const controllers = runningControllers(state);
  const controllerPods = runningControllerPods(state);
  for (const { manifest: ing } of state.ingresses) {
    if (!ing.source) continue;
    const beta = isBeta(ing);
    const cls = ingressClassOf(ing, state);
    const nginx = controllers.some((c) => c.kind === 'ingress-nginx' && controllerServes(c, cls));
    const base = beta ? 'spec.backend' : 'spec.defaultBackend';
    const answer = ingressErrorAnswer(ing, state, controllerPods);
    if (ing.spec.defaultBackend)
      out.push(...backendHints(ing, ing.spec.defaultBackend, base, services, nginx, answer));
    ing.spec.rules.forEach((rule, i) =>
      rule.paths.forEach((p, j) =>
        out.push(
          ...backendHints(
            ing,
            p.backend,
            `spec.rules[${i}].http.paths[${j}].backend`,
            services,
            nginx,
            answer,
          ),
        ),
      ),
    );
    out.push(...classHint(ing, state, controllers));
  }
  return out;
}
