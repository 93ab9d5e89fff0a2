/**
 * MetalLB in layer 2 mode (metallbSpeaker.ts): one node answers for each address, elected as MetalLB's
 * speakers do, and the packet goes there unchanged.
 */
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import type { ClusterState } from '../model/state.ts';
import { routeRequest } from '../net/request.ts';
import { kubiaPods, loadBalancerIpOf, makeState } from '../net/testing/fixtures.ts';
import type { NodeFixture, ServiceFixture, StateFixture } from '../net/testing/fixtures.ts';
import { readHops } from '../readHops.ts';
import type { Trace } from '../trace.ts';
import { getLayer2Announcers } from './metallbSpeaker.ts';

const THREE_WORKERS: NodeFixture[] = [
  { name: 'kind-control-plane' },
  { name: 'kind-worker' },
  { name: 'kind-worker2' },
  { name: 'kind-worker3' },
];
const lb: ServiceFixture = {
  name: 'kubia-lb',
  type: 'LoadBalancer',
  selector: { app: 'kubia' },
  ports: [{ port: 80, targetPort: 8080, nodePort: 30300 }],
};
const lbLocal: ServiceFixture = { ...lb, name: 'kubia-lb-local', spec: { externalTrafficPolicy: 'Local' } };

function stateWith(fixture: StateFixture): { state: ClusterState; ip: string } {
  const state = makeState({ nodes: THREE_WORKERS, pods: kubiaPods(), services: [lb], ...fixture });
  const name = fixture.services?.[0]?.name ?? 'kubia-lb';
  return { state, ip: loadBalancerIpOf(state, name) };
}

const fromLaptop = (state: ClusterState, ip: string): Trace =>
  routeRequest(state, { from: 'client/laptop', url: `http://${ip}/` }).trace;

/** The hop where MetalLB's speaker took the packet in. */
const announceHop = (t: Trace) => readHops(t).find((h) => h.facts?.address !== undefined);

/** MetalLB's order (speaker/layer2_controller.go sortL2Candidates): sha256(node + "#" + ip), bytes ascending. */
function metallbOrder(nodes: string[], ip: string): string[] {
  const hash = (n: string) => createHash('sha256').update(`${n}#${ip}`).digest('hex');
  return [...nodes].sort((a, b) => (hash(a) < hash(b) ? -1 : 1));
}

describe("MetalLB's layer 2 mode", () => {
  it('the first worker by sha256(node#address) takes every connection, destination unchanged', () => {
    const { state, ip } = stateWith({});
    const [winner] = metallbOrder(['kind-worker', 'kind-worker2', 'kind-worker3'], ip);
    let at = state;
    for (let i = 0; i < 4; i++) {
      const { trace, state: next } = routeRequest(at, { from: 'client/laptop', url: `http://${ip}/` });
      at = next;
      expect(trace.outcome).toBe('ok');
      const hop = announceHop(trace);
      expect(hop).toMatchObject({ at: `node/${winner}`, kind: 'route', dst: `${ip}:80` });
      expect(hop?.note).toContain(`MetalLB's speaker on ${winner} answers ARP for ${ip}`);
      expect(readHops(trace).some((h) => h.kind === 'balance')).toBe(false);
      expect(readHops(trace).find((h) => h.kind === 'dnat')?.at).toBe(`node/${winner}`);
    }
    expect(getLayer2Announcers(state)).toEqual({ 'lb/default/kubia-lb': winner });
    expect(state.events).toContainEqual(
      expect.objectContaining({
        reason: 'nodeAssigned',
        object: 'Service/kubia-lb',
        message: `announcing from node "${winner}" with protocol "layer2"`,
      }),
    );
  });

  it('the address moves to the next node in line when the announcing node fails', () => {
    const { ip } = stateWith({});
    const [first, second] = metallbOrder(['kind-worker', 'kind-worker2', 'kind-worker3'], ip);
    const down = stateWith({ nodes: THREE_WORKERS.map((n) => (n.name === first ? { ...n, up: false } : n)) });
    expect(down.ip).toBe(ip);
    const trace = fromLaptop(down.state, ip);
    expect(trace.outcome).toBe('ok');
    expect(announceHop(trace)?.at).toBe(`node/${second}`);
    expect(announceHop(trace)?.note).toContain(`${first}, first in line, is down, so the address moved`);
    const assigned = down.state.events.filter((e) => e.reason === 'nodeAssigned').map((e) => e.message);
    expect(assigned.slice(-2)).toEqual([
      `announcing from node "${first}" with protocol "layer2"`,
      `announcing from node "${second}" with protocol "layer2"`,
    ]);
  });

  it('with externalTrafficPolicy Local only a node with a serving endpoint stands, and the client IP is kept', () => {
    const pods = kubiaPods().filter((p) => p.node === 'kind-worker2' || p.name === 'client');
    const { state, ip } = stateWith({ pods, services: [lbLocal] });
    const trace = fromLaptop(state, ip);
    expect(trace.outcome).toBe('ok');
    expect(announceHop(trace)?.at).toBe('node/kind-worker2');
    expect(announceHop(trace)?.note).toContain('the only node that may (externalTrafficPolicy Local');
    expect(readHops(trace).some((h) => h.kind === 'snat')).toBe(false);
    expect(trace.endpoint?.node).toBe('kind-worker2');
  });

  it("never elects a node labelled exclude-from-external-load-balancers (kind's control plane)", () => {
    const { state, ip } = stateWith({
      nodes: [{ name: 'kind-control-plane' }],
      pods: [{ name: 'kubia-a', node: 'kind-control-plane', labels: { app: 'kubia' }, ports: [] }],
    });
    const trace = fromLaptop(state, ip);
    expect(trace.outcome).toBe('timeout');
    expect(readHops(trace).at(-1)?.note).toContain('node.kubernetes.io/exclude-from-external-load-balancers');
    expect(getLayer2Announcers(state)).toEqual({ 'lb/default/kubia-lb': null });
  });

  it('nobody answers for an address no L2Advertisement covers, or while no endpoint can serve', () => {
    const { state, ip } = stateWith({});
    const unadvertised = { ...state, metallb: { pools: state.metallb?.pools ?? [], l2: [] } };
    const silent = fromLaptop(unadvertised, ip);
    expect(silent.outcome).toBe('timeout');
    expect(readHops(silent).at(-1)).toMatchObject({ at: 'lb/default/kubia-lb', kind: 'drop' });
    expect(readHops(silent).at(-1)?.note).toContain('no L2Advertisement in metallb-system covers the pool');

    const notReady = stateWith({
      pods: kubiaPods().map((p) => (p.name === 'client' ? p : { ...p, ready: false })),
    });
    const empty = fromLaptop(notReady.state, notReady.ip);
    expect(empty.outcome).toBe('timeout');
    expect(readHops(empty).at(-1)?.note).toContain('no endpoint of default/kubia-lb can serve');
  });

  it('from a pod, kube-proxy on its own node takes the address: no speaker involved', () => {
    const { state, ip } = stateWith({});
    const trace = routeRequest(state, { from: 'pod/default/client', url: `http://${ip}/` }).trace;
    expect(trace.outcome).toBe('ok');
    expect(announceHop(trace)).toBeUndefined();
    expect(readHops(trace).find((h) => h.kind === 'dnat')?.at).toBe('node/kind-worker');
  });
});
