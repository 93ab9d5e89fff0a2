/**
 * What the controller that serves an Ingress answers when the matched backend cannot be used (its
 * Service is missing, lacks the port, or has no endpoints): ingress-nginx 503 Service Temporarily
 * Unavailable; Traefik drops the route and answers 404 page not found, or 503 "no available server"
 * with allowEmptyServices (the same rule as net/ingress/routeDecision.ts; docs/kubernetes-facts.md#traefik).
 * The hints and explanations name the controller that actually serves the Ingress, never a fixed one.
 */
import type { IngressManifest } from '../model/objects.ts';
import type { ClusterState, PodState } from '../model/state.ts';
import { controllerServes } from '../model/ingressControllers.ts';
import { ingressClassOf } from '../cluster/runningIngressControllers.ts';
import { getIngressController } from '../net/ingress/controllerRuntime.ts';
import { podRunsIngressController } from '../model/controllerContainers.ts';

/** "404 page not found from Traefik", for one controller pod. */
export function controllerErrorAnswer(pod: PodState): string | undefined {
  const runtime = getIngressController(pod);
  if (!runtime) return undefined;
  if (runtime.info.kind === 'ingress-nginx') return '503 Service Temporarily Unavailable from ingress-nginx';
  return runtime.allowEmptyServices
    ? '503 Service Unavailable ("no available server") from Traefik'
    : '404 page not found from Traefik (it drops a route whose Service it cannot use)';
}

/** The running pods that are ingress controllers, in pod order. */
export function runningControllerPods(state: ClusterState): PodState[] {
  // podRunsIngressController first: the same answer, remembered per container, so the controller's
  // runtime (remembered per pod object, new after each edit) is only worked out for controller pods.
  return state.pods.filter(
    (pod) => pod.status.phase === 'Running' && podRunsIngressController(pod) && getIngressController(pod),
  );
}

/**
 * The answers of every running controller that serves this Ingress, joined with "or"; undefined when
 * none serves it (the class hint says so separately). `controllerPods` (runningControllerPods) lets a
 * caller asking for every Ingress look the controllers up once.
 */
export function ingressErrorAnswer(
  ing: IngressManifest,
  state: ClusterState,
  controllerPods: PodState[] = runningControllerPods(state),
): string | undefined {
  const cls = ingressClassOf(ing, state);
  const answers = new Set<string>();
  for (const pod of controllerPods) {
    const runtime = getIngressController(pod);
    if (!runtime || !controllerServes(runtime.info, cls)) continue;
    const answer = controllerErrorAnswer(pod);
    if (answer) answers.add(answer);
  }
  return answers.size > 0 ? [...answers].join(' or ') : undefined;
}
