/**
 * Which pods each NetworkPolicy selects, for the graph's policy cards: the same selection the
 * enforcement uses (policyTable.ts), so the card and the packet never disagree. A pod selected by a
 * policy is isolated for that policy's policyTypes
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation).
 */
import type { PolicyType } from '../../model/objects.ts';
import type { ClusterState } from '../../model/state.ts';
import type { GraphId } from '../../trace.ts';
import { getNetIndex } from '../netIndex.ts';
import { getPolicyTable, hasPolicies } from './policyTable.ts';

export interface PolicySelection {
  /** The graph id an explanation's blame uses: `netpol/<namespace>/<name>`. */
  id: GraphId;
  namespace: string;
  name: string;
  /** As defaulted by the API server: `[Ingress]` unless the policy has egress rules or says otherwise. */
  policyTypes: PolicyType[];
  /** Graph ids of the selected pods (`pod/<namespace>/<name>`), host-network pods excluded. */
  pods: GraphId[];
}

/** Every NetworkPolicy of the cluster, in state order, with the pods it selects. */
export function getPolicySelections(state: ClusterState): PolicySelection[] {
  if (!hasPolicies(state)) return [];
  const table = getPolicyTable(state, getNetIndex(state));
  return table.policies.map(({ compiled, selected }) => {
    const { metadata, spec } = compiled.policy.manifest;
    return {
      id: `netpol/${metadata.namespace}/${metadata.name}`,
      namespace: metadata.namespace,
      name: metadata.name,
      policyTypes: [...spec.policyTypes],
      pods: selected.map((p) => `pod/${p.metadata.namespace}/${p.metadata.name}`),
    };
  });
}
