/**
 * Which ingress controller a container runs, remembered per container. The hints ask it of every
 * running pod's containers after each edit; the pods are new objects then (sim/copyState.ts) but their
 * containers are not (the state is never edited in place, and a controller's pods share their template's
 * containers), so at 1,000 pods the question is answered for about 200 containers once, not for 1,000
 * pods per keystroke (docs/performance.md#a-keystroke-at-1000-pods).
 */
import type { Container } from './objects.ts';
import type { PodState } from './state.ts';
import { recognizeIngressController, type IngressControllerInfo } from './ingressControllers.ts';

const recognized = new WeakMap<Container, IngressControllerInfo | null>();

/** recognizeIngressController, once per container object (the answer depends only on its fields). */
export function controllerOfContainer(container: Container): IngressControllerInfo | undefined {
  let info = recognized.get(container);
  if (info === undefined) {
    info = recognizeIngressController(container) ?? null;
    recognized.set(container, info);
  }
  return info ?? undefined;
}

/** The first of the pod's containers that is an ingress controller, as getIngressController finds it. */
export function podRunsIngressController(pod: PodState): boolean {
  return pod.spec.containers.some((c) => controllerOfContainer(c) !== undefined);
}
