import { describe, it, expect } from 'vitest';
import { pingHost } from './ping.ts';
import { clusterIpOf, coreDnsSource, kubiaPods, makeState, nodeIpOf, podIpOf } from './testing/fixtures.ts';

const services = [
  {
    name: 'kubia',
    selector: { app: 'kubia' },
    ports: [{ port: 80, targetPort: 8080 }],
  },
];

describe('pingHost', () => {
  it('a ClusterIP never answers ICMP in iptables or nftables mode', () => {
    for (const mode of ['iptables', 'nftables'] as const) {
      const state = makeState({ mode, pods: kubiaPods(), services });
      const r = pingHost(state, { from: 'pod/default/client', host: 'kubia', count: 3 });
      expect(r).toMatchObject({ ip: clusterIpOf(state, 'kubia'), transmitted: 3, received: 0 });
      expect(r.note).toContain('virtual');
    }
  });
  it('in IPVS mode the node answers for the ClusterIP (bound to kube-ipvs0)', () => {
    const state = makeState({ mode: 'ipvs', pods: kubiaPods(), services });
    const r = pingHost(state, { from: 'pod/default/client', host: clusterIpOf(state, 'kubia'), count: 2 });
    expect(r.received).toBe(2);
    expect(r.note).toContain('kube-ipvs0');
  });
  it('pod and node IPs answer; a down node does not; pod IPs are unreachable from outside', () => {
    const state = makeState({
      pods: kubiaPods(),
      services,
      nodes: [{ name: 'kind-control-plane' }, { name: 'kind-worker' }, { name: 'kind-worker2', up: false }],
    });
    const kubiaA = podIpOf(state, 'kubia-a');
    expect(pingHost(state, { from: 'pod/default/client', host: kubiaA, count: 1 }).replies).toEqual([
      { seq: 0, ttl: 63, timeMs: 0.08 },
    ]);
    const [up, down] = [nodeIpOf(state, 'kind-worker'), nodeIpOf(state, 'kind-worker2')];
    expect(pingHost(state, { from: 'client/laptop', host: up, count: 1 }).received).toBe(1);
    expect(pingHost(state, { from: 'client/laptop', host: down, count: 1 }).received).toBe(0);
    expect(pingHost(state, { from: 'client/laptop', host: kubiaA, count: 1 }).received).toBe(0);
  });
  it('an unresolvable name is a bad address', () => {
    const state = makeState();
    const r = pingHost(state, { from: coreDnsSource(state), host: 'nothing-here' });
    expect(r.error).toBe("ping: bad address 'nothing-here'");
  });
});
