/**
 * Compiled request plans (routePlan.ts) must not change a single byte of what routing returns: every
 * request from every pod, node and outside client to every Service (by name, by ClusterIP, by node IP
 * and node port, by load-balancer IP), every Ingress host (with a Host header), a few pod IPs, and a
 * POST, over the bundled scenarios, in every kube-proxy mode, routed with plans and without, gives
 * equal traces and equal states. The traces are compared after later requests have been routed, and
 * as readers take them: JSON text, structured clone, and the same hops on every read.
 */
import { describe, it, expect, vi } from 'vitest';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import type { KubeProxyMode } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import type { Trace } from '../trace.ts';
import { applyAction, createSimulation } from '../sim/simulation.ts';
import { routeRequest } from './request.ts';
import type { RequestSpec } from './request.ts';
import { plans, withoutPlans } from './testing/plansSwitch.ts';
import { playCloudController } from './testing/cloudController.ts';
import { generateNetworkPolicies, generateScenario } from '../../bench/generateScenario.ts';
import type { ScenarioSize } from '../../bench/generateScenario.ts';
import { drawRandom } from '../rng.ts';
import { kubiaBehindServiceYaml } from '../test/kubiaManifests.ts';
import { printedTrace, readHops } from '../readHops.ts';

// The reference is routeRequest with the plans switched off (testing/plansSwitch.ts).
vi.mock('./routePlan.ts', async (original) =>
  (await import('./testing/plansSwitch.ts')).withPlansSwitch(await original()),
);

const routeRequestInFull = (state: ClusterState, request: RequestSpec) =>
  withoutPlans(() => routeRequest(state, request));

function requestsOf(state: ClusterState): RequestSpec[] {
  const sources = [
    ...state.pods.map((p) => `pod/${p.metadata.namespace}/${p.metadata.name}`),
    ...state.nodes.map((n) => `node/${n.name}`),
    'client/laptop',
    'client/visitor',
  ];
  const urls: string[] = [];
  const extra: Omit<RequestSpec, 'from'>[] = [];
  for (const s of state.services) {
    const { namespace, name } = s.manifest.metadata;
    for (const port of s.manifest.spec.ports) {
      urls.push(`http://${name}.${namespace}:${port.port}/x?y=1`);
      urls.push(`http://${s.manifest.spec.clusterIP}:${port.port}/`);
    }
    urls.push(`http://${name}.${namespace}.svc.cluster.local`);
    for (const port of s.manifest.spec.ports) {
      if (port.nodePort === undefined) continue;
      for (const node of state.nodes) urls.push(`http://${node.ip}:${port.nodePort}/p`);
    }
    for (const lb of s.status.loadBalancer.ingress) {
      for (const port of s.manifest.spec.ports) urls.push(`http://${lb.ip}:${port.port}/lb`);
      for (const ing of state.ingresses) {
        for (const rule of ing.manifest.spec.rules) {
          const headers = rule.host === undefined ? undefined : { Host: rule.host };
          for (const path of rule.paths) {
            extra.push({ url: `http://${lb.ip}${path.path || '/'}`, ...(headers ? { headers } : {}) });
          }
        }
      }
    }
  }
  for (const pod of state.pods.slice(0, 4)) {
    for (const port of [80, 8080]) urls.push(`http://${pod.status.podIP}:${port}/`);
  }
  extra.push({ url: urls[0] ?? 'http://kubia', method: 'POST' });
  return sources.flatMap((from) => [
    ...urls.map((url) => ({ from, url })),
    ...extra.map((spec) => ({ from, ...spec })),
  ]);
}

/**
 * A trace as readers take it: its hops read (readHops) deep-equal to the general path's, the same JSON
 * text as printed (so the same keys in the same order), the same after a structured clone of the
 * compact trace (postMessage), a plain object, and its hops read twice are the same list of the same
 * objects (the step panel and the packets must not get copies that differ).
 */
function expectSameTrace(replayed: Trace, general: Trace, label: string): void {
  expect(Object.getPrototypeOf(replayed), label).toBe(Object.prototype);
  expect(readHops(replayed), label).toEqual(readHops(general));
  expect(printedTrace(replayed), label).toEqual(printedTrace(general));
  const json = JSON.stringify(printedTrace(general));
  expect(JSON.stringify(printedTrace(replayed)), label).toBe(json);
  expect(JSON.stringify(printedTrace(structuredClone(replayed))), label).toBe(json);
  const hops = readHops(replayed);
  expect(readHops(replayed), label).toBe(hops);
  hops.forEach((hop, i) => expect(readHops(replayed)[i], label).toBe(hop));
  // The general path spells its ports in its hops; a replay carries no port it did not draw.
  expect(general.ports, label).toEqual([]);
  expect(replayed.ports.length, label).toBeLessThanOrEqual(2);
}

/**
 * Routes `count` requests in a row both ways and expects identical traces and final states. Every
 * trace is read only once the last request is routed, so a trace read late must show what its own
 * request drew, not what a later one did.
 */
function expectSame(state: ClusterState, request: RequestSpec, count: number): void {
  let fast = state;
  let full = state;
  const traces: [Trace, Trace][] = [];
  for (let i = 0; i < count; i++) {
    const a = routeRequest(fast, request);
    const b = routeRequestInFull(full, request);
    traces.push([a.trace, b.trace]);
    fast = a.state;
    full = b.state;
  }
  traces.forEach(([a, b], i) => expectSameTrace(a, b, `${request.from} ${request.url} #${i}`));
  expect(fast).toEqual(full);
}

/**
 * Routes the requests in a row from one state both ways, as `kubeplay load` and the app send them,
 * and expects the same trace for each and the same final state; returns that state. The traces are
 * read after the whole row is routed, as in expectSame.
 */
function routeInRow(state: ClusterState, requests: readonly RequestSpec[]): ClusterState {
  let fast = state;
  let full = state;
  const traces: [Trace, Trace][] = [];
  for (const request of requests) {
    const a = routeRequest(fast, request);
    const b = routeRequestInFull(full, request);
    traces.push([a.trace, b.trace]);
    fast = a.state;
    full = b.state;
  }
  traces.forEach(([a, b], i) => expectSameTrace(a, b, `${requests[i]!.from} ${requests[i]!.url}`));
  expect(fast).toEqual(full);
  return fast;
}

const MODES: KubeProxyMode[] = ['iptables', 'nftables', 'ipvs'];

/** A MetalLB pool, so a generated cluster's LoadBalancer Services get addresses. */
const METALLB = `---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: pool, namespace: metallb-system}
spec: {addresses: [172.18.255.1-172.18.255.50]}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2, namespace: metallb-system}
`;

describe('compiled plans route exactly as the general path', () => {
  for (const [id, text] of Object.entries(SCENARIO_TEXTS)) {
    it(`scenario ${id}, every mode`, () => {
      const base = createSimulation({ files: [{ file: `${id}.yaml`, text }], seed: 3 }).state;
      const requests = requestsOf(base);
      expect(requests.length).toBeGreaterThan(0);
      const usedBefore = plans.used;
      for (const mode of MODES) {
        const state = { ...base, settings: { ...base.settings, kubeProxyMode: mode } };
        for (const request of requests) expectSame(state, request, 4);
      }
      // The comparison means something only if the fast side did take plans.
      expect(plans.used).toBeGreaterThan(usedBefore);
    });
  }

  it('an endpoint on a down node, and a changed proxy mode, go down the general path', () => {
    const base = createSimulation({
      files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS.kubia ?? '' }],
      seed: 5,
    }).state;
    const requests = requestsOf(base).filter((r) => !r.from.startsWith('node/'));
    const downNode = base.pods.find((p) => p.metadata.name.startsWith('kubia'))?.spec.nodeName;
    const withDown = {
      ...base,
      nodes: base.nodes.map((n) => (n.name === downNode ? { ...n, up: false } : n)),
    };
    for (const request of requests) expectSame(withDown, request, 12);
    // The same arrays (so the same index and cached plans) under another mode must not reuse the plan.
    const ipvs = { ...base, settings: { ...base.settings, kubeProxyMode: 'ipvs' as const } };
    for (const request of requests) {
      expectSame(base, request, 3);
      expectSame(ipvs, request, 3);
    }
  });

  it("one request object routed over two clusters in turn finds each cluster's plan (the last-used memos)", () => {
    const base = createSimulation({
      files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS.kubia ?? '' }],
      seed: 6,
    }).state;
    const downNode = base.pods.find((p) => p.metadata.name.startsWith('kubia'))?.spec.nodeName;
    // The same pods array with other nodes: another net index, found past getNetIndex's last entry.
    const other = { ...base, nodes: base.nodes.map((n) => (n.name === downNode ? { ...n, up: false } : n)) };
    const usedBefore = plans.used;
    for (const request of requestsOf(base).filter((r, i) => !r.from.startsWith('node/') && i % 3 === 0)) {
      let states = [base, other];
      let fulls = [base, other];
      for (let i = 0; i < 6; i++) {
        const k = i % 2;
        const a = routeRequest(states[k]!, request);
        const b = routeRequestInFull(fulls[k]!, request);
        expect(JSON.stringify(printedTrace(a.trace)), `${request.from} ${request.url} #${i}`).toBe(
          JSON.stringify(printedTrace(b.trace)),
        );
        states = k === 0 ? [a.state, states[1]!] : [states[0]!, a.state];
        fulls = k === 0 ? [b.state, fulls[1]!] : [fulls[0]!, b.state];
      }
      expect(states).toEqual(fulls);
    }
    expect(plans.used).toBeGreaterThan(usedBefore);
  });

  it('a plan of ready endpoints is not replayed once only terminating ones remain, nor the other way round (KEP-1669)', () => {
    let sim = createSimulation({ files: [{ file: 'rc.yaml', text: kubiaBehindServiceYaml(2) }], seed: 2 });
    const request = { from: 'pod/default/client', url: 'http://kubia/' };
    const kubia = () => sim.state.pods.filter((p) => p.metadata.labels['app'] === 'kubia');
    const endpointsOf = (state: ClusterState) => {
      const seen = new Set<string>();
      let current = state;
      for (let i = 0; i < 16; i++) {
        const { trace, state: next } = routeRequest(current, request);
        if (trace.endpoint?.pod) seen.add(trace.endpoint.pod.replace('default/', ''));
        current = next;
      }
      return [...seen].sort();
    };
    const step = (action: Parameters<typeof applyAction>[1]) => (sim = applyAction(sim, action));
    const usedBefore = plans.used;

    const [first, second] = kubia().map((p) => p.metadata.name);
    expect(endpointsOf(sim.state)).toEqual([first, second].sort());
    expectSame(sim.state, request, 8);
    // one of two deleted: the ready one only
    step({ type: 'delete', kind: 'Pod', namespace: 'default', name: first! });
    step({ type: 'wait', seconds: 1 }); // the replacement's containers start
    const replacement = kubia().find((p) => ![first, second].includes(p.metadata.name))!.metadata.name;
    expect(endpointsOf(sim.state)).toEqual([replacement, second].sort());
    expectSame(sim.state, request, 8);
    // scaled to 0: only terminating endpoints remain, and kube-proxy falls back to them
    step({ type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 0 });
    expect(endpointsOf(sim.state)).toEqual([first, replacement, second].sort());
    expectSame(sim.state, request, 8);
    // scaled to 1: a ready endpoint again, so the terminating ones are left alone
    step({ type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 1 });
    step({ type: 'wait', seconds: 1 });
    const ready = kubia()
      .filter((p) => p.metadata.deletionTimestamp === undefined)
      .map((p) => p.metadata.name);
    expect(ready).toHaveLength(1);
    expect(endpointsOf(sim.state)).toEqual(ready);
    expectSame(sim.state, request, 8);
    expect(plans.used).toBeGreaterThan(usedBefore);
  });

  it('one request object edited between calls routes by what it says now, not by the plan it found before', () => {
    const state = createSimulation({
      files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS.kubia ?? '' }],
      seed: 4,
    }).state;
    const requests = requestsOf(state).filter((_, i) => i % 7 === 0);
    const reused: RequestSpec = { from: requests[0]!.from, url: requests[0]!.url };
    const usedBefore = plans.used;
    let fast = state;
    let full = state;
    for (const next of [...requests, ...requests]) {
      // Edited in place, as a caller reusing one object would: every field the plan is found by.
      reused.from = next.from;
      reused.url = next.url;
      if (next.headers) reused.headers = next.headers;
      else delete reused.headers;
      if (next.method) reused.method = next.method;
      else delete reused.method;
      const a = routeRequest(fast, reused);
      const b = routeRequestInFull(full, { ...next });
      expect(JSON.stringify(printedTrace(a.trace)), `${next.from} ${next.url}`).toBe(
        JSON.stringify(printedTrace(b.trace)),
      );
      fast = a.state;
      full = b.state;
    }
    expect(fast).toEqual(full);
    expect(plans.used).toBeGreaterThan(usedBefore);
  });

  it('covers the ordinary case: pod to Service by name answers ok with the same hops', () => {
    const state = createSimulation({
      files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS.kubia ?? '' }],
      seed: 1,
    }).state;
    const from = `pod/default/${state.pods.find((p) => p.metadata.name.startsWith('kubia'))?.metadata.name}`;
    const { trace } = routeRequest(state, { from, url: 'http://kubia' });
    expect(trace.outcome).toBe('ok');
    expect(readHops(trace).map((h) => h.kind)[0]).toBe('dns');
    expect(readHops(trace).map((h) => h.kind)).toContain('dnat');
    expect(trace.service).toBe('default/kubia');
  });

  it('random requests over a generated cluster (NetworkPolicies, MetalLB, a down node) route alike', () => {
    const size: ScenarioSize = { nodes: 6, apps: 12, ingresses: 3, namespaces: 3 };
    const text = `${generateScenario(size)}---\n${generateNetworkPolicies(4, size)}${METALLB}`;
    const base = createSimulation({ files: [{ file: 'gen.yaml', text }], seed: 9 }).state;
    expect(base.networkPolicies?.length).toBe(4);
    const worker = base.nodes.find((n) => n.role === 'worker')?.name;
    const withDown = {
      ...base,
      nodes: base.nodes.map((n) => (n.name === worker ? { ...n, up: false } : n)),
    };
    const all = requestsOf(base);
    let rng = 11;
    const sample: RequestSpec[] = [];
    for (let i = 0; i < 400; i++) {
      const d = drawRandom(rng);
      rng = d.next;
      sample.push(all[Math.floor(d.value * all.length)]!);
    }
    const usedBefore = plans.used;
    for (const state of [base, withDown]) {
      for (const mode of MODES) {
        routeInRow({ ...state, settings: { ...state.settings, kubeProxyMode: mode } }, sample);
      }
    }
    expect(plans.used).toBeGreaterThan(usedBefore);
  });
  it("a cloud load balancer's nodes and an ingress controller's upstreams are taken in turn, from the first, replayed as in full", () => {
    const size: ScenarioSize = { nodes: 5, apps: 8, ingresses: 2, namespaces: 2 };
    // the cloud's controller (played with status patches) puts a load balancer in front of the nodes
    const sim = playCloudController(
      createSimulation({ files: [{ file: 'gen.yaml', text: generateScenario(size) }], seed: 3 }),
    );
    const controller = sim.state.services.find(
      (s) => s.manifest.metadata.name === 'ingress-nginx-controller',
    );
    const lbService = sim.state.services.find(
      (s) => s.manifest.spec.type === 'LoadBalancer' && s !== controller,
    );
    const rule = sim.state.ingresses[0]?.manifest.spec.rules[0];
    const lbRequest: RequestSpec = {
      from: 'client/laptop',
      url: `http://${lbService?.status.loadBalancer.ingress[0]?.ip}/`,
    };
    const ingressRequest: RequestSpec = {
      from: 'client/laptop',
      url: `http://${controller?.status.loadBalancer.ingress[0]?.ip}${rule?.paths[0]?.path ?? '/'}`,
      headers: { Host: rule?.host ?? '' },
    };
    /** The 1-based position a hop of `kind` reports, request after request, with plans. */
    const positions = (request: RequestSpec, kind: string, count: number): number[] => {
      let state = sim.state;
      const seen: number[] = [];
      for (let i = 0; i < count; i++) {
        const { trace, state: next } = routeRequest(state, request);
        expect(trace.outcome, `${request.url} #${i}`).toBe('ok');
        seen.push(readHops(trace).find((h) => h.kind === kind)?.facts?.index ?? -1);
        state = next;
      }
      return seen;
    };
    const inTurn = (of: number, count: number) => Array.from({ length: count }, (_, i) => (i % of) + 1);
    const usedBefore = plans.used;
    const balanced = positions(lbRequest, 'balance', 12);
    const nodes = sim.state.nodes.filter((n) => n.role === 'worker').length;
    expect(balanced).toEqual(inTurn(nodes, 12));
    const routed = positions(ingressRequest, 'route', 12);
    const upstreams = Math.max(...routed);
    expect(upstreams).toBeGreaterThan(1);
    expect(routed).toEqual(inTurn(upstreams, 12));
    expect(plans.used).toBeGreaterThan(usedBefore);
    expectSame(sim.state, lbRequest, 12);
    expectSame(sim.state, ingressRequest, 12);
  });

  it('round-robin cursors grown past one bucket (IPVS and load balancers over many keys) route alike', () => {
    const size: ScenarioSize = { nodes: 8, apps: 24, ingresses: 4, namespaces: 3 };
    const sim = createSimulation({
      files: [{ file: 'gen.yaml', text: `${generateScenario(size)}${METALLB}` }],
      seed: 2,
    });
    const state: ClusterState = { ...sim.state, settings: { ...sim.state.settings, kubeProxyMode: 'ipvs' } };
    // Every source to every Service and load balancer, twice over, in a row: each IPVS virtual server
    // on each node and each load balancer moves its own cursor, so both tables outgrow one bucket.
    const requests = requestsOf(state).filter((r) => !r.url.includes('svc.cluster.local'));
    const fast = routeInRow(state, [...requests, ...requests]);
    expect(Array.isArray(fast.ipvsCursor[0])).toBe(true);
    expect(Array.isArray(fast.lbCursor[0])).toBe(true);
  });
});
