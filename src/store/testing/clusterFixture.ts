/**
 * The course's cluster for UI and store unit tests: the real kubia scenario (src/scenarios/kubia.yaml:
 * three nodes, RC kubia with three pods, ClusterIP, NodePort and LoadBalancer Services, Traefik and an
 * Ingress) as the engine builds it, with one kubia pod made not ready (a podReady action, as
 * `kubeplay pod-ready` takes), so views show a not-ready endpoint beside ready ones.
 */
import { applyAction, createSimulation } from '../../engine/index.ts';
import type { ClusterState, PodState } from '../../engine/index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';

/**
 * The seed fixes the names: kubia-qxjsk (kind-worker, 10.244.1.2) and kubia-b6wgn (kind-worker2,
 * 10.244.2.2) are ready; kubia-w446j (kind-worker, 10.244.1.3) is not.
 */
export const NOT_READY_POD = 'kubia-w446j';

/** `edit` changes the scenario's YAML first (a test that needs a slightly different cluster). */
export function createKubiaFixture(edit: (yaml: string) => string = (yaml) => yaml): ClusterState {
  const text = edit(SCENARIO_TEXTS['kubia'] ?? '');
  const sim = createSimulation({ files: [{ file: 'kubia.yaml', text }], seed: 1 });
  return applyAction(sim, { type: 'podReady', namespace: 'default', name: NOT_READY_POD, ready: false })
    .state;
}

/** The scenario without Traefik's Deployment and Service (the Ingress stays, with no controller). */
export function withoutTraefik(yaml: string): string {
  return yaml
    .split(/^---\n/m)
    .filter((doc) => !/^\s*name: traefik-ingress-(controller|service)$/m.test(doc))
    .join('---\n');
}

export function podNamed(state: ClusterState, name: string, namespace = 'default'): PodState {
  const pod = state.pods.find((p) => p.metadata.name === name && p.metadata.namespace === namespace);
  if (!pod) throw new Error(`no pod ${namespace}/${name}`);
  return pod;
}
