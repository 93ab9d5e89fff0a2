/**
 * Hops carry their decisions as data (Hop.facts) beside the engineer's note, so the UI can word a plain
 * sentence in the reader's language. Both request paths (the general one and the cached ClusterIP plan)
 * must attach the same facts.
 */
import { describe, it, expect } from 'vitest';
import type { ClusterState } from '../model/state.ts';
import type { Hop, Trace } from '../trace.ts';
import { iptablesOdds } from './kubeProxy.ts';
import { routeRequest } from './request.ts';
import type { RequestSpec } from './request.ts';
import { clusterIpOf, kubiaPods, makeState } from './testing/fixtures.ts';
import type { ServiceFixture } from './testing/fixtures.ts';
import { readHops } from '../readHops.ts';

const kubiaSvc: ServiceFixture = {
  name: 'kubia',
  selector: { app: 'kubia' },
  ports: [{ name: 'http', port: 80, targetPort: 'http' }],
};

function many(state: ClusterState, spec: RequestSpec, n: number): Trace[] {
  const traces: Trace[] = [];
  let current = state;
  for (let i = 0; i < n; i++) {
    const r = routeRequest(current, spec);
    traces.push(r.trace);
    current = r.state;
  }
  return traces;
}

const dnatOf = (t: Trace): Hop => readHops(t).find((h) => h.kind === 'dnat')!;

describe('hop facts', () => {
  const state = makeState({ pods: kubiaPods(), services: [kubiaSvc] });

  it('the dnat hop names the Service, the pod chosen, its place among 3, the rule probability and the chain', () => {
    const traces = many(state, { from: 'pod/default/client', url: 'http://kubia' }, 40);
    const byIndex = new Map(traces.map((t) => [dnatOf(t).facts?.index, dnatOf(t).facts]));
    expect([...byIndex.keys()].sort()).toEqual([1, 2, 3]);
    for (const [index, facts] of byIndex) {
      expect(facts).toMatchObject({
        service: 'default/kubia',
        pick: 'random',
        of: 3,
        index,
        node: 'kind-worker',
        chain: expect.stringMatching(/^KUBE-SVC-[A-Z2-7]{16}$/) as unknown as string,
      });
      // kube-proxy writes 1/(n-i) for rule i: 1/3, then 1/2, then the last rule always matches.
      expect(facts?.probability).toBeCloseTo([1 / 3, 1 / 2, 1][(index ?? 1) - 1]!, 10);
      expect(facts?.pod).toMatch(/^default\/kubia-[abc]$/);
      expect(facts?.chosen).toMatch(/^10\.244\.\d+\.\d+:8080$/);
    }
  });

  it('the details note for 3 endpoints says why: 1/3, then 1/2 of the rest, then the last with probability 1', () => {
    const traces = many(state, { from: 'pod/default/client', url: 'http://kubia' }, 40);
    const note = dnatOf(traces.find((t) => dnatOf(t).facts?.index === 2)!).note;
    expect(note).toContain('picked endpoint 2 of 3');
    expect(note).toContain('(iptables rule probability 0.5000000000)');
    expect(note).toMatch(/KUBE-SVC-[A-Z2-7]{16} \(Service default\/kubia:http\)/);
    expect(note).toContain(
      'tries endpoint 1 with probability 1/3, then 2 with 1/2 of the rest, then 3 with all that is left (probability 1), so each endpoint gets 1/3',
    );
  });

  it('long endpoint lists name the first two rules and the last', () => {
    expect(iptablesOdds(1)).toBe('has one endpoint rule, which always matches');
    expect(iptablesOdds(10)).toBe(
      'tries endpoint 1 with probability 1/10, then 2 with 1/9 of the rest, then …, then 10 with all that is left (probability 1), so each endpoint gets 1/10',
    );
  });

  it('nftables: one numgen draw, no per-rule probability', () => {
    const s = makeState({ pods: kubiaPods(), services: [kubiaSvc], mode: 'nftables' });
    const facts = dnatOf(many(s, { from: 'pod/default/client', url: 'http://kubia' }, 1)[0]!).facts;
    expect(facts).toMatchObject({
      pick: 'random',
      of: 3,
      chain: expect.stringMatching(/^service-/) as unknown as string,
    });
    expect(facts?.probability).toBeUndefined();
  });

  it('IPVS: round robin facts', () => {
    const s = makeState({ pods: kubiaPods(), services: [kubiaSvc], mode: 'ipvs' });
    const facts = many(s, { from: 'pod/default/client', url: 'http://kubia' }, 3).map((t) => dnatOf(t).facts);
    expect(facts.map((f) => f?.index)).toEqual([1, 2, 3]);
    expect(facts[0]).toMatchObject({ pick: 'round-robin', of: 3, service: 'default/kubia' });
  });

  it('dns, forward and deliver hops carry the name and answer, the two nodes, and the status', () => {
    const traces = many(state, { from: 'pod/default/client', url: 'http://kubia' }, 40);
    const remote = traces.find((t) => t.endpoint?.node === 'kind-worker2')!;
    expect(readHops(remote).find((h) => h.kind === 'dns')?.facts).toEqual({
      name: 'kubia',
      answer: clusterIpOf(state, 'kubia'),
    });
    expect(readHops(remote).find((h) => h.kind === 'forward')?.facts).toEqual({
      from: 'kind-worker',
      node: 'kind-worker2',
    });
    expect(readHops(remote).find((h) => h.kind === 'deliver')?.facts).toEqual({ status: 200 });
  });
});
