/**
 * Which container images are ingress controllers, and which Ingresses each one serves. Lives in the
 * model layer because the control plane (Ingress status), the data plane (routing) and the hints all
 * need the same answer.
 *
 * - ingress-nginx >= 1.0 serves Ingresses whose IngressClass has `spec.controller` equal to its
 *   `--controller-class` (default `k8s.io/ingress-nginx`), or whose `kubernetes.io/ingress.class`
 *   annotation equals `--ingress-class` (default `nginx`); class-less ones only with
 *   `--watch-ingress-without-class=true`. (ingress-nginx docs: multiple-ingress, k8s-122-migration)
 * - Traefik (v2+): `--providers.kubernetesingress.ingressclass=X` serves only annotation X; when empty,
 *   Ingresses with no annotation, an empty one, or `traefik`; IngressClasses with controller
 *   `traefik.io/ingress-controller`. Traefik 1.x (`--kubernetes.ingressclass`) behaved the same. (traefik docs)
 */
import type { Container } from './objects.ts';

export type IngressControllerKind = 'ingress-nginx' | 'traefik';

export interface IngressControllerInfo {
  kind: IngressControllerKind;
  /** The IngressClass `spec.controller` value it answers to. */
  controllerClass: string;
  /** The `kubernetes.io/ingress.class` annotation value it answers to (ingress-nginx default `nginx`). */
  annotationClass?: string;
  /** Whether it serves Ingresses that name no class at all. */
  watchWithoutClass: boolean;
}

const NGINX_IMAGES = [/(^|\/)ingress-nginx\/controller(:|@|$)/, /nginx-ingress-controller(:|@|$)/];
const TRAEFIK_IMAGES = [/(^|\/)traefik(:|@|$)/];

function flagValue(args: string[], names: string[]): string | undefined {
  for (const arg of args) {
    for (const name of names) {
      const prefix = `${name}=`;
      if (arg.toLowerCase().startsWith(prefix.toLowerCase()))
        return arg.slice(prefix.length).replace(/^"|"$/g, '');
    }
  }
  return undefined;
}

export function recognizeIngressController(container: Container): IngressControllerInfo | undefined {
  const args = [...container.command, ...container.args];
  if (NGINX_IMAGES.some((re) => re.test(container.image))) {
    const watchFlag = flagValue(args, ['--watch-ingress-without-class']);
    return {
      kind: 'ingress-nginx',
      controllerClass: flagValue(args, ['--controller-class']) ?? 'k8s.io/ingress-nginx',
      annotationClass: flagValue(args, ['--ingress-class']) ?? 'nginx',
      watchWithoutClass: watchFlag === 'true' || args.includes('--watch-ingress-without-class'),
    };
  }
  if (TRAEFIK_IMAGES.some((re) => re.test(container.image))) {
    const cls = flagValue(args, ['--providers.kubernetesingress.ingressclass', '--kubernetes.ingressclass']);
    return {
      kind: 'traefik',
      controllerClass: 'traefik.io/ingress-controller',
      ...(cls ? { annotationClass: cls } : {}),
      watchWithoutClass: !cls,
    };
  }
  return undefined;
}

/**
 * Does a controller serve this Ingress? `className` is spec.ingressClassName, `annotation` the
 * kubernetes.io/ingress.class annotation, `classController` the spec.controller of the named
 * IngressClass (undefined when that class does not exist).
 */
export function controllerServes(
  info: IngressControllerInfo,
  ingress: { className?: string; annotation?: string; classController?: string },
): boolean {
  if (ingress.annotation !== undefined && ingress.annotation !== '') {
    if (info.kind === 'traefik') return ingress.annotation === (info.annotationClass ?? 'traefik');
    return ingress.annotation === info.annotationClass;
  }
  if (ingress.className !== undefined) {
    return ingress.classController === info.controllerClass;
  }
  return info.watchWithoutClass;
}
