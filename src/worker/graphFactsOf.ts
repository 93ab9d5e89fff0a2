/** The graph's facts of one cluster, on the engine side of the boundary (graphFacts.ts says why). */
import { getIngressControllerPods, getLayer2Announcers, getPolicySelections } from '../engine/index.ts';
import type { ClusterState } from '../engine/index.ts';
import type { GraphFacts } from './graphFacts.ts';

export function graphFactsOf(state: ClusterState): GraphFacts {
  return {
    policies: getPolicySelections(state),
    ingressControllers: getIngressControllerPods(state),
    announcers: getLayer2Announcers(state),
  };
}
