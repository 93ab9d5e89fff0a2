/**
 * Load balancing as kube-proxy does it, measured: iptables mode picks uniformly at random per new
 * connection (rule i of n carries `--probability 1/(n-i)`, pkg/proxy/iptables/proxier.go), ClientIP
 * affinity pins a client to one endpoint (`-m recent`), IPVS's default scheduler `rr` cycles in order.
 */
import { describe, it, expect } from 'vitest';
import { applyAction, createSimulation, routeRequest } from '../index.ts';
import { countBy, errorsOf, podKey, podsOf, routeMany, scenarioText, simulateScenario } from './helpers.ts';

/** Chi-square critical value for 2 degrees of freedom at p = 0.001. */
const CHI2_DF2_P001 = 13.816;

function chiSquare(observed: number[], expected: number): number {
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
}

describe('iptables mode', () => {
  const sim = simulateScenario('clusterip', 42);
  const kubia = podsOf(sim.state, { app: 'kubia' }).map(podKey);

  it('has the scenario it needs: 3 kubia pods and a client pod, no errors', () => {
    expect(errorsOf(sim)).toEqual([]);
    expect(kubia).toHaveLength(3);
  });

  it('spreads 30,000 connections evenly over 3 endpoints (chi-square, p > 0.001)', () => {
    const n = 30_000;
    const { traces } = routeMany(sim.state, { from: 'pod/default/client', url: 'http://kubia-random' }, n);
    const counts = countBy(traces, (t) => t.endpoint?.pod ?? `-${t.outcome}`);
    expect([...counts.keys()].sort()).toEqual([...kubia].sort());
    const observed = kubia.map((k) => counts.get(k) ?? 0);
    expect(chiSquare(observed, n / 3)).toBeLessThan(CHI2_DF2_P001);
  });

  it('is not round robin: some endpoint repeats back to back within 30 connections', () => {
    const { traces } = routeMany(sim.state, { from: 'pod/default/client', url: 'http://kubia-random' }, 30);
    const pods = traces.map((t) => t.endpoint?.pod);
    expect(pods.some((p, i) => i > 0 && p === pods[i - 1])).toBe(true);
  });

  it('with sessionAffinity: ClientIP pins each client to one endpoint', () => {
    const { traces } = routeMany(sim.state, { from: 'pod/default/client', url: 'http://kubia' }, 200);
    expect(traces.every((t) => t.outcome === 'ok')).toBe(true);
    expect(new Set(traces.map((t) => t.endpoint?.pod)).size).toBe(1);
    // Every kubia pod, as a client, is pinned too (each to its own choice).
    for (const key of kubia) {
      const own = routeMany(sim.state, { from: `pod/${key}`, url: 'http://kubia' }, 30).traces;
      expect(new Set(own.map((t) => t.endpoint?.pod)).size).toBe(1);
    }
  });

  it('lets the pin expire after timeoutSeconds (10800) without traffic', () => {
    let current = sim;
    const seen = new Set<string | undefined>();
    for (let round = 0; round < 10; round++) {
      const r = routeRequest(current.state, { from: 'pod/default/client', url: 'http://kubia' });
      seen.add(r.trace.endpoint?.pod);
      current = applyAction({ ...current, state: r.state }, { type: 'wait', seconds: 10801 });
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('IPVS mode', () => {
  const ipvs = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
  - role: worker
  - role: worker
networking:
  kubeProxyMode: ipvs
`;
  // Two files read in order, as the CLI reads `kubeplay trace ipvs.yaml clusterip.yaml`.
  const sim = createSimulation({
    files: [
      { file: 'ipvs.yaml', text: ipvs },
      { file: 'clusterip.yaml', text: scenarioText('clusterip') },
    ],
    seed: 7,
  });
  const kubia = podsOf(sim.state, { app: 'kubia' }).map(podKey);

  it('reads the kube-proxy mode from the kind config', () => {
    expect(errorsOf(sim)).toEqual([]);
    expect(sim.state.settings.kubeProxyMode).toBe('ipvs');
  });

  it('cycles through the endpoints in order (rr), the same cycle over and over', () => {
    const { traces } = routeMany(sim.state, { from: 'pod/default/client', url: 'http://kubia-random' }, 30);
    const pods = traces.map((t) => t.endpoint?.pod ?? '-');
    expect(new Set(pods.slice(0, 3))).toEqual(new Set(kubia));
    pods.forEach((p, i) => expect(p).toBe(pods[i % 3]));
  });

  it('persists a client to one real server under ClientIP affinity', () => {
    const { traces } = routeMany(sim.state, { from: 'pod/default/client', url: 'http://kubia' }, 30);
    expect(new Set(traces.map((t) => t.endpoint?.pod)).size).toBe(1);
  });
});
