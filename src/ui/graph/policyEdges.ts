/**
 * The allowed edges of one NetworkPolicy, for the graph to draw on demand: the engine's rule-by-rule
 * answer (getPolicyAllows, fetched through the Worker as the inspector's facts) turned into lines.
 * Nothing here decides what a policy allows; it only says where each allowed connection is drawn:
 * - an Ingress rule: peer pod -> selected pod; an Egress rule: selected pod -> peer pod;
 * - a rule with no peer (every address) or an ipBlock: a short labelled stub into (Ingress) or out of
 *   (Egress) each selected pod, since the block is written as addresses, not as cards;
 * - the same pair allowed by several rules is one edge, its ports listed once each.
 */
import type { GraphId, PolicyRuleAllows, PolicyType } from '../../engine/index.ts';

/** The far end of a stub: every address (a rule without peers) or an ipBlock as written. */
export type StubEnd = { kind: 'any' } | { kind: 'block'; block: string };

export interface PolicyEdge {
  /**
   * Stable across rebuilds: `<from>-><to>` (a stub end as `any` or `ipBlock:<cidr>`), prefixed `egress:`
   * for an Egress rule (the same pair may be allowed by both an Ingress and an Egress rule).
   */
  id: string;
  direction: PolicyType;
  /** Graph ids; for a stub, the end that is not a pod is null and `stub` says what it stands for. */
  from: GraphId | null;
  to: GraphId | null;
  stub?: StubEnd;
  /** The ports as written (`TCP 8080`, `UDP 53`); empty when some rule allows every port. */
  ports: string[];
  /** The rules that allow it (`spec.ingress[0]`). */
  rules: string[];
}

export interface PolicyEdgeSet {
  edges: PolicyEdge[];
  /** Edges left out past the limit (a policy over hundreds of pods would bury the graph). */
  omitted: number;
}

/** More than this many lines is no longer a picture of the policy: the inspector lists the rules. */
export const MAX_POLICY_EDGES = 240;

export const stubKey = (stub: StubEnd): string => (stub.kind === 'any' ? 'any' : `ipBlock:${stub.block}`);

export const edgeId = (direction: PolicyType, from: string, to: string): string =>
  `${direction === 'Egress' ? 'egress:' : ''}${from}->${to}`;

export function toPolicyEdges(rules: readonly PolicyRuleAllows[], limit = MAX_POLICY_EDGES): PolicyEdgeSet {
  const byId = new Map<string, PolicyEdge>();
  let omitted = 0;
  const add = (edge: Omit<PolicyEdge, 'id' | 'ports' | 'rules'>, rule: PolicyRuleAllows) => {
    const id = edgeId(edge.direction, edge.from ?? stubKey(edge.stub!), edge.to ?? stubKey(edge.stub!));
    let found = byId.get(id);
    if (!found) {
      if (byId.size >= limit) {
        omitted += 1;
        return;
      }
      found = { id, ...edge, ports: [...rule.ports], rules: [] };
      byId.set(id, found);
    } else if (found.ports.length > 0) {
      // One rule allowing every port makes the edge every port; otherwise the union as written.
      found.ports =
        rule.ports.length === 0
          ? []
          : [...found.ports, ...rule.ports.filter((p) => !found!.ports.includes(p))];
    }
    found.rules.push(rule.rule);
  };
  for (const rule of rules) {
    const ingress = rule.direction === 'Ingress';
    const stubs: StubEnd[] =
      rule.peers === 'any' ? [{ kind: 'any' }] : rule.blocks.map((block) => ({ kind: 'block', block }));
    for (const pod of rule.pods) {
      for (const stub of stubs)
        add(
          ingress
            ? { direction: 'Ingress', from: null, to: pod, stub }
            : { direction: 'Egress', from: pod, to: null, stub },
          rule,
        );
      if (rule.peers === 'any') continue;
      for (const peer of rule.peers) {
        // A pod reaching itself is not a line to draw.
        if (peer === pod) continue;
        add(
          ingress
            ? { direction: 'Ingress', from: peer, to: pod }
            : { direction: 'Egress', from: pod, to: peer },
          rule,
        );
      }
    }
  }
  return { edges: [...byId.values()], omitted };
}

/** Every graph id the drawing involves (the policy, the pods it selects, every edge's ends): the rest dims. */
export function getPolicyEdgeIds(
  policyId: GraphId,
  selected: readonly GraphId[],
  edges: readonly { from: GraphId | null; to: GraphId | null }[],
): Set<GraphId> {
  const ids = new Set<GraphId>([policyId, ...selected]);
  for (const e of edges) {
    if (e.from) ids.add(e.from);
    if (e.to) ids.add(e.to);
  }
  return ids;
}
