/**
 * Which pods serve which Ingress, for drawing edges. An engine-facing helper: it only combines the
 * engine's own model functions (recognizeIngressController, controllerServes); the engine owners can
 * adopt it behind engine/index.ts, after which this file should import from there.
 */
import { controllerServes, recognizeIngressController } from '../../engine/model/ingressControllers.ts';
import type { ClusterState, GraphId } from '../../engine/index.ts';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function getIngressControllerPods(state: ClusterState): Record<GraphId, GraphId[]> {
  const controllers = state.pods.flatMap((pod) =>
    pod.spec.containers.flatMap((container) => {
      const info = recognizeIngressController(container);
      return info ? [{ id: `pod/${pod.metadata.namespace}/${pod.metadata.name}`, info }] : [];
    }),
  );
  const result: Record<GraphId, GraphId[]> = {};
  for (const ingress of state.ingresses) {
    const meta = ingress.manifest.metadata;
    const className = ingress.manifest.spec.ingressClassName;
    const classController = className
      ? state.ingressClasses.find((c) => c.manifest.metadata.name === className)?.manifest.controller
      : undefined;
    const annotation = meta.annotations[CLASS_ANNOTATION];
    const query = {
      ...(className !== undefined ? { className } : {}),
      ...(annotation !== undefined ? { annotation } : {}),
      ...(classController !== undefined ? { classController } : {}),
    };
    result[`ing/${meta.namespace}/${meta.name}`] = controllers
      .filter((c) => controllerServes(c.info, query))
      .map((c) => c.id);
  }
  return result;
}
