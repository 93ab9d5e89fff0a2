/**
 * What one NetworkPolicy lets through, rule by rule, for the graph to draw as allowed edges when the
 * policy is selected: for each ingress rule the peers that may connect to the selected pods, for each
 * egress rule the peers the selected pods may reach, and the ports. Read from the same compiled table
 * the packets are checked against (policyTable.ts), so an edge drawn is a connection the data plane
 * lets through (https://kubernetes.io/docs/concepts/services-networking/network-policies/: a rule
 * allows when one of its peers and one of its ports match; no peers means any source or destination).
 */
import type { PolicyType } from '../../model/objects.ts';
import type { ClusterState } from '../../model/state.ts';
import type { GraphId } from '../../trace.ts';
import { getNetIndex } from '../netIndex.ts';
import { describePort, ipInBlock } from './evaluate.ts';
import { getPolicyTable, hasPolicies } from './policyTable.ts';

export interface PolicyRuleAllows {
  direction: PolicyType;
  /** `spec.ingress[0]`, `spec.egress[1]`: the rule's path in the policy. */
  rule: string;
  /** The selected pods: the edge's target for Ingress, its source for Egress. */
  pods: GraphId[];
  /**
   * The pods on the other end (those a selector names, and those whose IP an ipBlock holds), or 'any'
   * when the rule names no peer (every address).
   */
  peers: GraphId[] | 'any';
  /** ipBlock peers as written: `192.168.0.0/16 except 192.168.1.0/24`. */
  blocks: string[];
  /** The ports as written (`TCP 8080`, `TCP http`, `UDP 53`), or empty for every port. */
  ports: string[];
}

const podId = (p: { metadata: { namespace: string; name: string } }): GraphId =>
  `pod/${p.metadata.namespace}/${p.metadata.name}`;

/**
 * The rules of the policy `netpol/<namespace>/<name>` with what each allows; empty for an unknown id,
 * and for a direction the policy isolates without any rule (a default deny: nothing is allowed).
 */
export function getPolicyAllows(state: ClusterState, policyId: GraphId): PolicyRuleAllows[] {
  if (!hasPolicies(state)) return [];
  const entry = getPolicyTable(state, getNetIndex(state)).policies.find(
    ({ compiled }) => `netpol/${compiled.key}` === policyId,
  );
  if (!entry) return [];
  const { compiled, selected } = entry;
  const pods = selected.map(podId);
  const out: PolicyRuleAllows[] = [];
  for (const direction of compiled.policy.manifest.spec.policyTypes) {
    const key = direction === 'Ingress' ? 'ingress' : 'egress';
    for (const rule of compiled[key]) {
      const written = compiled.policy.manifest.spec[key][rule.index];
      const peerPods = new Set<GraphId>();
      for (const peer of rule.peers) {
        for (const p of peer.pods ?? []) peerPods.add(podId(p));
        const block = peer.block;
        if (block)
          for (const p of state.pods)
            if (!p.spec.hostNetwork && p.status.podIP !== '' && ipInBlock(p.status.podIP, block))
              peerPods.add(podId(p));
      }
      out.push({
        direction,
        rule: `spec.${key}[${rule.index}]`,
        pods,
        peers: rule.peers.length === 0 ? 'any' : [...peerPods],
        blocks: (written?.peers ?? []).flatMap((p) =>
          p.ipBlock
            ? [
                p.ipBlock.except.length > 0
                  ? `${p.ipBlock.cidr} except ${p.ipBlock.except.join(', ')}`
                  : p.ipBlock.cidr,
              ]
            : [],
        ),
        ports: rule.ports.map(describePort),
      });
    }
  }
  return out;
}
