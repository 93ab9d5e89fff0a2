/** The allowed edges drawn for a policy: directions, stubs, merged rules, the limit, and where they go. */
import { describe, expect, it } from 'vitest';
import type { PolicyRuleAllows } from '../../engine/index.ts';
import { borderPoint, LABEL_GAP, placePolicyEdges, STUB } from './policyEdgeGeometry.ts';
import type { Rect } from './policyEdgeGeometry.ts';
import { getPolicyEdgeIds, toPolicyEdges } from './policyEdges.ts';

const A = 'pod/default/a';
const B = 'pod/default/b';
const C = 'pod/default/client';

const rule = (r: Partial<PolicyRuleAllows>): PolicyRuleAllows => ({
  direction: 'Ingress',
  rule: 'spec.ingress[0]',
  pods: [A, B],
  peers: [C],
  blocks: [],
  ports: ['TCP 8080'],
  ...r,
});

describe('toPolicyEdges', () => {
  it('an ingress rule goes peer -> selected pod, an egress rule selected pod -> peer', () => {
    const { edges } = toPolicyEdges([
      rule({}),
      rule({ direction: 'Egress', rule: 'spec.egress[0]', pods: [C], peers: [A], ports: ['UDP 53'] }),
    ]);
    expect(edges.map((e) => [e.id, e.from, e.to, e.ports.join()])).toEqual([
      [`${C}->${A}`, C, A, 'TCP 8080'],
      [`${C}->${B}`, C, B, 'TCP 8080'],
      // The same pair allowed the other way round (C's egress to A): its own edge.
      [`egress:${C}->${A}`, C, A, 'UDP 53'],
    ]);
    expect(edges.map((e) => e.direction)).toEqual(['Ingress', 'Ingress', 'Egress']);
  });

  it('a rule without peers and an ipBlock are stubs at each selected pod; a pod is no peer of itself', () => {
    const { edges } = toPolicyEdges([
      rule({ peers: 'any', ports: [] }),
      rule({ rule: 'spec.ingress[1]', peers: [A], blocks: ['10.0.0.0/8 except 10.1.0.0/16'] }),
    ]);
    expect(edges.map((e) => e.id)).toEqual([
      'any->pod/default/a',
      'any->pod/default/b',
      'ipBlock:10.0.0.0/8 except 10.1.0.0/16->pod/default/a',
      'ipBlock:10.0.0.0/8 except 10.1.0.0/16->pod/default/b',
      'pod/default/a->pod/default/b',
    ]);
    expect(edges[0]).toMatchObject({ from: null, to: A, stub: { kind: 'any' }, ports: [] });
  });

  it('two rules allowing the same pair are one edge with both ports; a rule of every port wins', () => {
    const { edges } = toPolicyEdges([
      rule({ pods: [A] }),
      rule({ pods: [A], rule: 'spec.ingress[1]', ports: ['TCP 9090', 'TCP 8080'] }),
    ]);
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({
      ports: ['TCP 8080', 'TCP 9090'],
      rules: ['spec.ingress[0]', 'spec.ingress[1]'],
    });
    const all = toPolicyEdges([rule({ pods: [A] }), rule({ pods: [A], rule: 'spec.ingress[1]', ports: [] })]);
    expect(all.edges[0]?.ports).toEqual([]);
  });

  it('stops at the limit and counts what it left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => `pod/default/p${i}`);
    const set = toPolicyEdges([rule({ pods: many, peers: many })], 100);
    expect(set.edges).toHaveLength(100);
    expect(set.omitted).toBe(30 * 29 - 100);
  });

  it('the involved ids are the policy, its pods and every end', () => {
    const { edges } = toPolicyEdges([rule({ pods: [A] })]);
    expect([...getPolicyEdgeIds('netpol/default/x', [A, B], edges)].sort()).toEqual(
      ['netpol/default/x', A, B, C].sort(),
    );
  });
});

describe('placePolicyEdges', () => {
  const rects = new Map<string, Rect>([
    [A, { x: 0, y: 200, width: 100, height: 40 }],
    [C, { x: 300, y: 200, width: 100, height: 40 }],
    ['dns', { x: 300, y: 0, width: 100, height: 40 }],
  ]);

  it('leaves and enters a card at its border', () => {
    expect(borderPoint(rects.get(A)!, { x: 350, y: 220 })).toEqual({ x: 100, y: 220 });
    expect(borderPoint(rects.get(A)!, { x: 50, y: 0 })).toEqual({ x: 50, y: 200 });
  });

  it('draws between borders, stubs from the top corner, and a hidden pod at the card that stands for it', () => {
    const coredns = 'pod/kube-system/coredns-1';
    const { edges } = toPolicyEdges([
      rule({ pods: [A] }),
      rule({ rule: 'spec.ingress[1]', pods: [A], peers: 'any', ports: [] }),
      rule({
        direction: 'Egress',
        rule: 'spec.egress[0]',
        pods: [A],
        peers: [coredns, 'pod/kube-system/coredns-2'],
        ports: ['UDP 53'],
      }),
      rule({ pods: [B] }),
    ]);
    const cardOf = (id: string) => (rects.has(id) ? id : id.startsWith('pod/kube-system/') ? 'dns' : null);
    const placed = placePolicyEdges(edges, rects, cardOf);
    expect(placed.map((e) => e.id)).toEqual([
      'pod/default/client->pod/default/a',
      'any->pod/default/a',
      'egress:pod/default/a->dns',
    ]);
    expect(placed[0]).toMatchObject({
      start: { x: 300, y: 220 },
      end: { x: 100, y: 220 },
      label: { x: 200, y: 220 - LABEL_GAP },
      labelAnchor: 'middle',
    });
    expect(placed[1]).toMatchObject({
      end: { x: 14, y: 200 },
      start: { x: 14 - STUB.dx, y: 200 - STUB.dy },
      labelAnchor: 'end',
    });
    expect(placed[2]).toMatchObject({ from: A, to: 'dns', ports: ['UDP 53'] });
  });
});
