import { describe, it, expect } from 'vitest';
import type { ClusterState } from '../model/state.ts';
import type { Trace } from '../trace.ts';
import { routeRequest } from './request.ts';
import type { RequestSpec } from './request.ts';
import {
  clusterIpOf,
  kubiaPods,
  loadBalancerIpOf,
  makeState,
  nodeIpOf,
  podIpOf,
} from './testing/fixtures.ts';
import type { PodFixture, ServiceFixture, StateFixture } from './testing/fixtures.ts';
import { readHops } from '../readHops.ts';

// Topology of the fixtures (kind's, as the engine builds it): kind-control-plane (CP below, 172.18.0.2 in
// the golden traces), kind-worker (W1, 172.18.0.3), kind-worker2 (W2, 172.18.0.4); kubia-a on kind-worker,
// kubia-b and kubia-c on kind-worker2, the client pod on kind-worker. Tests read addresses from the state.
const kubiaSvc: ServiceFixture = {
  name: 'kubia',
  selector: { app: 'kubia' },
  ports: [
    { name: 'http', port: 80, targetPort: 'http' },
    { name: 'https', port: 443, targetPort: 8443 },
  ],
};
const nodePortSvc: ServiceFixture = {
  name: 'kubia-nodeport',
  type: 'NodePort',
  selector: { app: 'kubia' },
  ports: [{ port: 80, targetPort: 8080, nodePort: 30123 }],
};
const localSvc: ServiceFixture = {
  name: 'kubia-nodeport-onlylocal',
  type: 'NodePort',
  selector: { app: 'kubia' },
  ports: [{ port: 80, targetPort: 8080, nodePort: 30124 }],
  spec: { externalTrafficPolicy: 'Local' },
};

function cluster(extra: Partial<StateFixture> = {}): ClusterState {
  return makeState({ pods: kubiaPods(), services: [kubiaSvc, nodePortSvc, localSvc], ...extra });
}

/** The addresses of the nodes and of the laptop (the docker network's gateway), the same in every fixture here. */
const BASE = cluster();
const CP = nodeIpOf(BASE, 'kind-control-plane');
const W1 = nodeIpOf(BASE, 'kind-worker');
const W2 = nodeIpOf(BASE, 'kind-worker2');
const LAPTOP = BASE.clients[0]!.ip;

/** http://<the kubia Service's ClusterIP> */
const kubiaIpUrl = (state: ClusterState) => `http://${clusterIpOf(state, 'kubia')}`;

function route(state: ClusterState, spec: RequestSpec): Trace {
  return routeRequest(state, spec).trace;
}

function many(state: ClusterState, spec: RequestSpec, n: number): { traces: Trace[]; state: ClusterState } {
  const traces: Trace[] = [];
  let current = state;
  for (let i = 0; i < n; i++) {
    const r = routeRequest(current, spec);
    traces.push(r.trace);
    current = r.state;
  }
  return { traces, state: current };
}

const hops = (t: Trace) => readHops(t).map((h) => `${h.kind} @${h.at} ${h.src} -> ${h.dst}`);

describe('pod -> ClusterIP (iptables)', () => {
  const state = cluster();
  it('resolves through the search list, DNATs on the source node, keeps the pod IP, un-DNATs the reply', () => {
    const t = route(state, { from: 'pod/default/client', url: 'http://kubia' });
    expect(t.outcome).toBe('ok');
    expect(t.service).toBe('default/kubia');
    expect(t.body).toBe(`You've hit ${t.endpoint?.pod?.split('/')[1]}\n`);
    const [dns, send, dnat, ...rest] = readHops(t);
    expect(dns).toMatchObject({ kind: 'dns', at: 'dns', dst: '10.96.0.10:53' });
    expect(dns?.note).toContain('kubia.default.svc.cluster.local (NOERROR)');
    expect(send).toMatchObject({
      kind: 'send',
      at: 'pod/default/client',
      dst: `${clusterIpOf(state, 'kubia')}:80`,
    });
    expect(dnat?.kind).toBe('dnat');
    expect(dnat?.at).toBe('node/kind-worker');
    // No SNAT for pod -> ClusterIP: the source is still the client pod.
    expect(dnat?.src).toBe(send?.src);
    expect(dnat?.rule).toMatch(/^KUBE-SVC-[A-Z2-7]{16} -> KUBE-SEP-[A-Z2-7]{16}$/);
    expect(readHops(t).some((h) => h.kind === 'snat')).toBe(false);
    const reply = rest.at(-1);
    expect(reply).toMatchObject({
      kind: 'reply',
      at: 'pod/default/client',
      src: `${clusterIpOf(state, 'kubia')}:80`,
      dst: send?.src,
    });
  });

  it('golden trace for a fixed seed', () => {
    const t = route(makeState({ seed: 7, pods: kubiaPods(), services: [kubiaSvc] }), {
      from: 'pod/default/client',
      url: 'http://kubia/',
    });
    expect(hops(t)).toMatchInlineSnapshot(`
      [
        "dns @dns 10.244.1.3 -> 10.96.0.10:53",
        "send @pod/default/client 10.244.1.3:49943 -> 10.96.62.141:80",
        "dnat @node/kind-worker 10.244.1.3:49943 -> 10.244.2.2:8080",
        "forward @node/kind-worker2 10.244.1.3:49943 -> 10.244.2.2:8080",
        "deliver @pod/default/kubia-b 10.244.1.3:49943 -> 10.244.2.2:8080",
        "reply @pod/default/client 10.96.62.141:80 -> 10.244.1.3:49943",
      ]
    `);
    expect(readHops(t).find((h) => h.kind === 'dnat')?.note).toMatchInlineSnapshot(
      `"kube-proxy on kind-worker picked endpoint 2 of 3 (10.244.2.2:8080) at random (iptables rule probability 0.5000000000), and rewrote the destination to it: KUBE-SVC-4LEAQQBWDM4SV2YZ (Service default/kubia:http) tries endpoint 1 with probability 1/3, then 2 with 1/2 of the rest, then 3 with all that is left (probability 1), so each endpoint gets 1/3"`,
    );
  });

  it('crosses nodes with a forward hop when the endpoint lives elsewhere', () => {
    const { traces } = many(state, { from: 'pod/default/client', url: 'http://kubia' }, 30);
    const remote = traces.find((t) => t.endpoint?.node === 'kind-worker2');
    const local = traces.find((t) => t.endpoint?.node === 'kind-worker');
    expect(readHops(remote!).some((h) => h.kind === 'forward' && h.at === 'node/kind-worker2')).toBe(true);
    expect(readHops(local!).some((h) => h.kind === 'forward')).toBe(false);
  });

  it('refuses at once when no endpoint is ready (REJECT "has no endpoints")', () => {
    const s = makeState({
      pods: kubiaPods().map((p) => ({ ...p, ready: p.name === 'client' })),
      services: [kubiaSvc],
    });
    const t = route(s, { from: 'pod/default/client', url: 'http://kubia' });
    expect(t.outcome).toBe('refused');
    expect(readHops(t).at(-1)).toMatchObject({
      kind: 'reject',
      at: 'node/kind-worker',
      rule: '"default/kubia:http has no endpoints" -j REJECT',
    });
  });

  it("refuses when the process does not listen on the target port (the book's https 443 -> 8443)", () => {
    const t = route(state, { from: 'pod/default/client', url: 'https://kubia' });
    expect(t.outcome).toBe('refused');
    expect(readHops(t).at(-1)?.kind).toBe('reject');
    expect(readHops(t).at(-1)?.at).toMatch(/^pod\/default\/kubia-/);
  });

  it('times out on a Service port that does not exist (no rule matches)', () => {
    const t = route(state, { from: 'pod/default/client', url: 'http://kubia:8080' });
    expect(t.outcome).toBe('timeout');
  });

  it('internalTrafficPolicy Local: only endpoints on the source node, none -> drop', () => {
    const svc = { ...kubiaSvc, spec: { internalTrafficPolicy: 'Local' as const } };
    const s = makeState({ pods: kubiaPods(), services: [svc] });
    const { traces } = many(s, { from: 'pod/default/client', url: 'http://kubia' }, 20);
    expect(new Set(traces.map((t) => t.endpoint?.pod))).toEqual(new Set(['default/kubia-a']));
    const pods: PodFixture[] = [
      ...kubiaPods(),
      { name: 'other', node: 'kind-control-plane', labels: {}, ports: [] },
    ];
    const t = route(makeState({ pods, services: [svc] }), { from: 'pod/default/other', url: 'http://kubia' });
    expect(t.outcome).toBe('timeout');
    expect(readHops(t).at(-1)?.kind).toBe('drop');
  });

  it("masquerades a node's own connection to a ClusterIP and a pod reaching itself (hairpin)", () => {
    const fromNode = many(state, { from: 'node/kind-worker2', url: kubiaIpUrl(state) }, 20).traces;
    const local = fromNode.find((t) => t.endpoint?.node === 'kind-worker2');
    expect(readHops(local!).find((h) => h.kind === 'snat')?.src).toMatch(/^10\.244\.2\.1:/);
    const self = many(state, { from: 'pod/default/kubia-a', url: 'http://kubia' }, 30).traces.find(
      (t) => t.endpoint?.pod === 'default/kubia-a',
    );
    expect(readHops(self!).some((h) => h.kind === 'snat')).toBe(true);
  });

  it('a pod on a down node cannot send', () => {
    const s = cluster({
      nodes: [{ name: 'kind-control-plane' }, { name: 'kind-worker', up: false }, { name: 'kind-worker2' }],
    });
    expect(route(s, { from: 'pod/default/client', url: 'http://kubia' }).outcome).toBe('timeout');
  });
});

describe('kube-proxy endpoint choice', () => {
  it('iptables: 30,000 new connections spread evenly over 3 endpoints (chi-square, 2 dof, p > 0.001)', () => {
    const s = cluster();
    const { traces } = many(s, { from: 'pod/default/client', url: kubiaIpUrl(s) }, 30000);
    const counts = new Map<string, number>();
    for (const t of traces) counts.set(t.endpoint?.pod ?? '?', (counts.get(t.endpoint?.pod ?? '?') ?? 0) + 1);
    expect(counts.size).toBe(3);
    const chi = [...counts.values()].reduce((sum, c) => sum + (c - 10000) ** 2 / 10000, 0);
    expect(chi).toBeLessThan(13.82);
  });

  it('iptables notes print the rule probabilities as kube-proxy does (%0.10f)', () => {
    const s = cluster();
    const { traces } = many(s, { from: 'pod/default/client', url: kubiaIpUrl(s) }, 60);
    const notes = new Set(
      traces.map(
        (t) => /at random \(([^)]*)\)/.exec(readHops(t).find((h) => h.kind === 'dnat')?.note ?? '')?.[1],
      ),
    );
    expect(notes).toEqual(
      new Set([
        'iptables rule probability 0.3333333333',
        'iptables rule probability 0.5000000000',
        'the last rule, which always matches',
      ]),
    );
  });

  it('IPVS: round robin in endpoint order per virtual server, per node', () => {
    const s = cluster({ mode: 'ipvs' });
    const { traces } = many(s, { from: 'pod/default/client', url: kubiaIpUrl(s) }, 6);
    const order = traces.map((t) => t.endpoint?.ip);
    expect(order.slice(0, 3)).toEqual(['kubia-a', 'kubia-b', 'kubia-c'].map((pod) => podIpOf(s, pod)));
    expect(order.slice(3)).toEqual(order.slice(0, 3));
    expect(readHops(traces[0]!).find((h) => h.kind === 'dnat')?.rule).toBe(
      `IPVS ${clusterIpOf(s, 'kubia')}:80 rr -> ${podIpOf(s, 'kubia-a')}:8080`,
    );
  });

  it('nftables: random, all endpoints reached', () => {
    const s = cluster({ mode: 'nftables' });
    const { traces } = many(s, { from: 'pod/default/client', url: kubiaIpUrl(s) }, 60);
    expect(new Set(traces.map((t) => t.endpoint?.pod)).size).toBe(3);
  });

  it('sessionAffinity ClientIP sticks until timeoutSeconds of simulation time pass', () => {
    const svc = {
      ...kubiaSvc,
      spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
    };
    const s = makeState({ pods: kubiaPods(), services: [svc] });
    const start = s.clock;
    const first = many(s, { from: 'pod/default/client', url: 'http://kubia' }, 20);
    expect(new Set(first.traces.map((t) => t.endpoint?.pod)).size).toBe(1);
    expect(readHops(first.traces[1]!).find((h) => h.kind === 'dnat')?.note).toContain(
      `remembers ${podIpOf(s, 'client')}`,
    );
    // 61 s later the entry has expired: new random choices again.
    const later = many(
      { ...first.state, clock: start + 61 },
      { from: 'pod/default/client', url: 'http://kubia' },
      1,
    );
    expect(readHops(later.traces[0]!).find((h) => h.kind === 'dnat')?.note).toContain('expired');
    const afterExpiry = many(
      { ...first.state, clock: start + 61 },
      { from: 'pod/default/client', url: 'http://kubia' },
      40,
    );
    // Each expiry re-pins, so within 60 s it sticks again.
    expect(new Set(afterExpiry.traces.map((t) => t.endpoint?.pod)).size).toBe(1);
    const spread = new Set<string | undefined>();
    let cur = first.state;
    for (let i = 0; i < 30; i++) {
      const r = routeRequest(
        { ...cur, clock: start + 100 + i * 100 },
        { from: 'pod/default/client', url: 'http://kubia' },
      );
      spread.add(r.trace.endpoint?.pod);
      cur = r.state;
    }
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe('NodePort', () => {
  const state = cluster();
  it('answers on every node, even one running no kubia pod: DNAT, SNAT to the node IP, forward', () => {
    for (const ip of [CP, W1, W2]) {
      expect(route(state, { from: 'client/laptop', url: `http://${ip}:30123/` }).outcome).toBe('ok');
    }
    const t = route(state, { from: 'client/laptop', url: `http://${CP}:30123/` });
    const kinds = readHops(t).map((h) => h.kind);
    expect(kinds).toEqual(['send', 'dnat', 'snat', 'forward', 'deliver', 'reply']);
    const snat = readHops(t)[2];
    expect(snat?.src.startsWith(`${CP}:`)).toBe(true);
    expect(snat?.note).toContain('externalTrafficPolicy is Cluster');
    expect(readHops(t)[1]?.src.startsWith(`${LAPTOP}:`)).toBe(true); // DNAT alone keeps the client address
    expect(readHops(t).at(-1)).toMatchObject({ kind: 'reply', src: `${CP}:30123`, at: 'client/laptop' });
  });

  it('externalTrafficPolicy Local: a node without a local endpoint drops (timeout), a node with one keeps the client IP', () => {
    const dropped = route(state, { from: 'client/laptop', url: `http://${CP}:30124/` });
    expect(dropped.outcome).toBe('timeout');
    expect(readHops(dropped).at(-1)?.note).toBe(
      'kind-control-plane has no local endpoint for default/kubia-nodeport-onlylocal and drops it (externalTrafficPolicy is Local), so the client times out',
    );
    const kept = many(state, { from: 'client/laptop', url: `http://${W2}:30124/` }, 10).traces;
    for (const t of kept) {
      expect(t.endpoint?.node).toBe('kind-worker2');
      expect(readHops(t).some((h) => h.kind === 'snat')).toBe(false);
      expect(
        readHops(t)
          .find((h) => h.kind === 'deliver')
          ?.src.startsWith(`${LAPTOP}:`),
      ).toBe(true);
    }
  });

  it('a pod reaching the node port with Local goes cluster-wide (modern kube-proxy)', () => {
    const t = route(state, { from: 'pod/default/client', url: `http://${CP}:30124/` });
    expect(t.outcome).toBe('ok');
  });

  it('a down node times out; a node port nobody allocated refuses', () => {
    const s = cluster({
      nodes: [{ name: 'kind-control-plane', up: false }, { name: 'kind-worker' }, { name: 'kind-worker2' }],
    });
    expect(route(s, { from: 'client/laptop', url: `http://${CP}:30123/` }).outcome).toBe('timeout');
    expect(route(state, { from: 'client/laptop', url: `http://${W1}:31999/` }).outcome).toBe('refused');
  });

  it('traefik/whoami shows the source the pod really sees (SNATed under Cluster, the client under Local)', () => {
    const pods: PodFixture[] = [
      {
        name: 'whoami',
        node: 'kind-worker',
        image: 'traefik/whoami',
        labels: { app: 'who' },
        ports: [{ containerPort: 80 }],
      },
    ];
    const services: ServiceFixture[] = [
      { name: 'who', type: 'NodePort', selector: { app: 'who' }, ports: [{ port: 80, nodePort: 30080 }] },
      {
        name: 'who-local',
        type: 'NodePort',
        selector: { app: 'who' },
        ports: [{ port: 80, nodePort: 30081 }],
        spec: { externalTrafficPolicy: 'Local' },
      },
    ];
    const s = makeState({ pods, services });
    const viaOther = route(s, { from: 'client/laptop', url: `http://${CP}:30080/` });
    expect(viaOther.body).toMatch(/RemoteAddr: 172\.18\.0\.2:\d+/);
    const viaSame = route(s, { from: 'client/laptop', url: `http://${W1}:30080/` });
    expect(viaSame.body).toMatch(/RemoteAddr: 10\.244\.1\.1:\d+/); // the pod-network gateway of kind-worker
    const local = route(s, { from: 'client/laptop', url: `http://${W1}:30081/` });
    expect(local.body).toMatch(/RemoteAddr: 172\.18\.0\.1:\d+/);
    expect(local.body).toContain('Hostname: whoami\n');
  });
});

// A cloud load balancer in front of the nodes (the status written by the cloud's controller, played here
// with status patches); MetalLB's layer 2 mode is in metallbLayer2.test.ts.
describe('LoadBalancer (a cloud load balancer in front of the nodes)', () => {
  const lb: ServiceFixture = {
    name: 'kubia-lb',
    type: 'LoadBalancer',
    selector: { app: 'kubia' },
    ports: [{ port: 80, targetPort: 8080, nodePort: 30300 }],
  };
  const lbLocal: ServiceFixture = {
    ...lb,
    name: 'kubia-lb-local',
    ports: [{ port: 80, targetPort: 8080, nodePort: 30301 }],
    spec: { externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 },
  };

  it('balances round robin over the worker nodes, then takes the node-port path', () => {
    const s = makeState({ pods: kubiaPods(), services: [lb], loadBalancers: 'cloud' });
    const lbIp = loadBalancerIpOf(s, 'kubia-lb');
    const { traces } = many(s, { from: 'client/laptop', url: `http://${lbIp}/` }, 4);
    const picked = traces.map((t) => readHops(t).find((h) => h.kind === 'balance')?.dst);
    expect(picked).toEqual([`${W1}:30300`, `${W2}:30300`, `${W1}:30300`, `${W2}:30300`]);
    expect(readHops(traces[0]!)[1]).toMatchObject({ at: 'lb/default/kubia-lb', kind: 'balance' });
    expect(traces.every((t) => t.outcome === 'ok')).toBe(true);
    expect(readHops(traces[0]!).at(-1)?.src).toBe(`${lbIp}:80`);
  });

  it('skips a node that is down', () => {
    const s = makeState({
      pods: kubiaPods(),
      services: [lb],
      nodes: [{ name: 'kind-control-plane' }, { name: 'kind-worker', up: false }, { name: 'kind-worker2' }],
      loadBalancers: 'cloud',
    });
    const { traces } = many(
      s,
      { from: 'client/laptop', url: `http://${loadBalancerIpOf(s, 'kubia-lb')}/` },
      3,
    );
    expect(traces.map((t) => readHops(t).find((h) => h.kind === 'balance')?.dst)).toEqual([
      `${W2}:30300`,
      `${W2}:30300`,
      `${W2}:30300`,
    ]);
  });

  it('with Local, skips nodes failing the health check (no local endpoint)', () => {
    const pods = kubiaPods().filter((p) => p.node === 'kind-worker2' || p.name === 'client');
    const s = makeState({ pods, services: [lbLocal], loadBalancers: 'cloud' });
    const url = `http://${loadBalancerIpOf(s, 'kubia-lb-local')}/`;
    const { traces } = many(s, { from: 'client/laptop', url }, 4);
    expect(traces.every((t) => t.outcome === 'ok' && t.endpoint?.node === 'kind-worker2')).toBe(true);
    expect(readHops(traces[0]!).find((h) => h.kind === 'balance')?.note).toContain(
      'kind-worker fails the health check on port 32000',
    );
  });

  it('from inside the cluster the LB IP is caught by kube-proxy on the source node (no LB hop)', () => {
    const s = makeState({ pods: kubiaPods(), services: [lb], loadBalancers: 'cloud' });
    const t = route(s, { from: 'pod/default/client', url: `http://${loadBalancerIpOf(s, 'kubia-lb')}/` });
    expect(t.outcome).toBe('ok');
    expect(readHops(t).some((h) => h.kind === 'balance')).toBe(false);
    expect(readHops(t).find((h) => h.kind === 'dnat')?.at).toBe('node/kind-worker');
  });
});

describe('health check node port and external IPs', () => {
  it('kube-proxy answers healthCheckNodePort with 200 on nodes with a local endpoint, 503 elsewhere', () => {
    const lb: ServiceFixture = {
      name: 'web',
      type: 'LoadBalancer',
      selector: { app: 'kubia' },
      ports: [{ port: 80, targetPort: 8080, nodePort: 30300 }],
      spec: { externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 },
    };
    const s = makeState({ pods: kubiaPods(), services: [lb] });
    const ok = route(s, { from: 'client/laptop', url: `http://${W2}:32000/healthz` });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('"localEndpoints": 2');
    const none = route(s, { from: 'client/laptop', url: `http://${CP}:32000/healthz` });
    expect(none).toMatchObject({ status: 503, outcome: 'http-error' });
  });
  it('external IPs: routed to a node from outside, caught by kube-proxy on the source node from inside', () => {
    const svc: ServiceFixture = {
      name: 'ext',
      selector: { app: 'kubia' },
      ports: [{ port: 80, targetPort: 8080 }],
      spec: { externalIPs: ['203.0.113.7'] },
    };
    const s = makeState({ pods: kubiaPods(), services: [svc] });
    const outside = route(s, { from: 'client/laptop', url: 'http://203.0.113.7/' });
    expect(outside.outcome).toBe('ok');
    expect(readHops(outside).map((h) => h.kind)).toContain('snat');
    const inside = route(s, { from: 'pod/default/client', url: 'http://203.0.113.7/' });
    expect(readHops(inside).find((h) => h.kind === 'dnat')?.at).toBe('node/kind-worker');
  });
});

describe('other destinations and sources', () => {
  const state = cluster();
  it('a ClusterIP or a pod IP is not routable from outside the cluster', () => {
    expect(route(state, { from: 'client/laptop', url: kubiaIpUrl(state) }).outcome).toBe('timeout');
    expect(
      route(state, { from: 'client/laptop', url: `http://${podIpOf(state, 'kubia-a')}:8080/` }).outcome,
    ).toBe('timeout');
  });
  it('pod -> pod IP directly, across nodes', () => {
    const t = route(state, { from: 'pod/default/client', url: `http://${podIpOf(state, 'kubia-b')}:8080/` });
    expect(readHops(t).map((h) => h.kind)).toEqual(['send', 'forward', 'deliver', 'reply']);
    expect(t.body).toBe("You've hit kubia-b\n");
  });
  it('an unknown address times out; a malformed URL or unknown pod is unresolved; never throws', () => {
    expect(route(state, { from: 'pod/default/client', url: 'http://192.0.2.1/' }).outcome).toBe('timeout');
    expect(route(state, { from: 'pod/default/client', url: 'ftp://x' }).outcome).toBe('unresolved');
    expect(route(state, { from: 'pod/default/nope', url: 'http://kubia' }).outcome).toBe('unresolved');
    expect(route(state, { from: 'bogus', url: 'http://kubia' }).outcome).toBe('unresolved');
  });
  it('an outside client resolves through /etc/hosts or --resolve, else cannot resolve the host', () => {
    const t = route(state, { from: 'client/laptop', url: 'http://kubia.example.com:30123/' });
    expect(t).toMatchObject({
      outcome: 'unresolved',
      body: 'curl: (6) Could not resolve host: kubia.example.com\n',
    });
    const withHosts: ClusterState = {
      ...state,
      clients: [{ name: 'laptop', ip: LAPTOP, hosts: [{ ip: W1, hostnames: ['kubia.example.com'] }] }],
    };
    expect(route(withHosts, { from: 'client/laptop', url: 'http://kubia.example.com:30123/' }).outcome).toBe(
      'ok',
    );
    const resolved = route(state, {
      from: 'client/laptop',
      url: 'http://kubia.example.com:30123/',
      resolve: [{ host: 'kubia.example.com', port: 30123, address: W2 }],
    });
    expect(resolved.outcome).toBe('ok');
    expect(readHops(resolved)[0]).toMatchObject({
      kind: 'dns',
      note: `curl --resolve says kubia.example.com is ${W2}`,
    });
  });
  it('an unknown client name creates that client in the returned state', () => {
    const r = routeRequest(state, { from: 'client/phone', url: `http://${W1}:30123/` });
    expect(r.trace.outcome).toBe('ok');
    expect(r.state.clients.map((c) => c.name)).toEqual(['laptop', 'phone']);
    expect(r.trace.request.clientIp).toBe('198.51.100.10');
    expect(state.clients).toHaveLength(1);
  });
  it('https to a plain-HTTP app: connected, but no HTTP answer (curl exit 35); a DNS port gives an empty reply (52)', () => {
    const t = route(state, { from: 'pod/default/client', url: `https://${podIpOf(state, 'kubia-b')}:8080/` });
    expect(t).toMatchObject({ outcome: 'http-error', failure: { code: 35 } });
    expect(t.status).toBeUndefined();
    const dns = route(state, { from: 'pod/default/client', url: 'http://10.96.0.10:53/' });
    expect(dns).toMatchObject({
      outcome: 'http-error',
      failure: { code: 52, message: 'Empty reply from server' },
    });
  });
  it('a pod on a node that is down does not answer (timeout)', () => {
    const s = cluster({
      nodes: [{ name: 'kind-control-plane' }, { name: 'kind-worker' }, { name: 'kind-worker2', up: false }],
    });
    const t = route(s, { from: 'pod/default/client', url: `http://${podIpOf(s, 'kubia-b')}:8080/` });
    expect(t.outcome).toBe('timeout');
    expect(readHops(t).at(-1)).toMatchObject({ kind: 'drop', at: 'node/kind-worker2' });
  });
  it('loopback stays in the machine: a pod reaches its own containers, a node its node ports', () => {
    const self = route(state, { from: 'pod/default/kubia-a', url: 'http://localhost:8080/' });
    expect(self).toMatchObject({ outcome: 'ok', body: "You've hit kubia-a\n" });
    expect(readHops(self).map((h) => h.kind)).toEqual(['dns', 'send', 'deliver', 'reply']);
    expect(route(state, { from: 'pod/default/kubia-a', url: 'http://127.0.0.1:9999/' }).outcome).toBe(
      'refused',
    );
    expect(route(state, { from: 'node/kind-worker', url: 'http://127.0.0.1:30123/' }).outcome).toBe('ok');
  });
  it('a CNI hostPort forwards to the pod', () => {
    const pods: PodFixture[] = [
      { name: 'web', node: 'kind-worker', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8081 }] },
    ];
    const t = route(makeState({ pods }), { from: 'client/laptop', url: `http://${W1}:8081/` });
    expect(t.outcome).toBe('ok');
    expect(t.body).toContain('Welcome to nginx!');
    expect(readHops(t)[1]).toMatchObject({ kind: 'dnat', rule: 'CNI-HOSTPORT-DNAT' });
  });
  it('the kubernetes Service reaches the API server on the control plane (403 for anonymous)', () => {
    const t = route(state, { from: 'pod/default/client', url: 'https://kubernetes/api' });
    expect(t.status).toBe(403);
    expect(t.endpoint).toEqual({ node: 'kind-control-plane', ip: CP, port: 6443 });
  });
  it('leaves the state untouched and shares the big arrays', () => {
    const r = routeRequest(state, { from: 'pod/default/client', url: 'http://kubia' });
    expect(r.state.pods).toBe(state.pods);
    expect(r.state.services).toBe(state.services);
    expect(r.state.rng).not.toBe(state.rng);
    expect(Object.keys(r.state).sort()).toEqual(Object.keys(state).sort());
  });
  it('keeps the optional parts of the state a later reconcile reads (cloud-provider-kind, MetalLB)', () => {
    const withOptional: ClusterState = {
      ...state,
      cloudProviderKind: true,
      metallb: { pools: [], l2: [] },
      ipamLastReserved: { 'kind-worker': 3 },
    };
    const r = routeRequest(withOptional, { from: 'pod/default/client', url: 'http://kubia' });
    expect(r.state.cloudProviderKind).toBe(true);
    expect(r.state.metallb).toBe(withOptional.metallb);
    expect(r.state.ipamLastReserved).toBe(withOptional.ipamLastReserved);
    expect(Object.keys(r.state).sort()).toEqual(Object.keys(withOptional).sort());
  });
});

describe('golden traces (fixed seed): every hop with its addresses as they leave it', () => {
  const lb: ServiceFixture = {
    name: 'kubia-lb',
    type: 'LoadBalancer',
    selector: { app: 'kubia' },
    ports: [{ port: 80, targetPort: 8080, nodePort: 30300 }],
  };
  const state = makeState({ seed: 3, pods: kubiaPods(), services: [kubiaSvc, nodePortSvc, localSvc, lb] });
  const line = (t: Trace) => [
    t.outcome,
    ...readHops(t).map((h) => `${h.kind} @${h.at} ${h.src} -> ${h.dst}`),
  ];
  it('NodePort, policy Cluster, entering a node without the chosen pod', () => {
    expect(line(route(state, { from: 'client/laptop', url: `http://${CP}:30123/` }))).toMatchInlineSnapshot(`
        [
          "ok",
          "send @client/laptop 172.18.0.1:36242 -> 172.18.0.2:30123",
          "dnat @node/kind-control-plane 172.18.0.1:36242 -> 10.244.2.2:8080",
          "snat @node/kind-control-plane 172.18.0.2:36242 -> 10.244.2.2:8080",
          "forward @node/kind-worker2 172.18.0.2:36242 -> 10.244.2.2:8080",
          "deliver @pod/default/kubia-b 172.18.0.2:36242 -> 10.244.2.2:8080",
          "reply @client/laptop 172.18.0.2:30123 -> 172.18.0.1:36242",
        ]
      `);
  });
  it('NodePort, policy Local, on a node with a pod', () => {
    expect(line(route(state, { from: 'client/laptop', url: `http://${W1}:30124/` }))).toMatchInlineSnapshot(`
        [
          "ok",
          "send @client/laptop 172.18.0.1:36242 -> 172.18.0.3:30124",
          "dnat @node/kind-worker 172.18.0.1:36242 -> 10.244.1.2:8080",
          "deliver @pod/default/kubia-a 172.18.0.1:36242 -> 10.244.1.2:8080",
          "reply @client/laptop 172.18.0.3:30124 -> 172.18.0.1:36242",
        ]
      `);
  });
  it('LoadBalancer by MetalLB (layer 2): straight to the node that answers ARP for the address', () => {
    expect(
      line(route(state, { from: 'client/laptop', url: `http://${loadBalancerIpOf(state, 'kubia-lb')}/` })),
    ).toMatchInlineSnapshot(`
      [
        "ok",
        "send @client/laptop 172.18.0.1:36242 -> 172.18.255.200:80",
        "route @node/kind-worker2 172.18.0.1:36242 -> 172.18.255.200:80",
        "dnat @node/kind-worker2 172.18.0.1:36242 -> 10.244.2.2:8080",
        "snat @node/kind-worker2 10.244.2.1:36242 -> 10.244.2.2:8080",
        "deliver @pod/default/kubia-b 10.244.2.1:36242 -> 10.244.2.2:8080",
        "reply @client/laptop 172.18.255.200:80 -> 172.18.0.1:36242",
      ]
    `);
  });
  it('LoadBalancer in front of the nodes (a cloud)', () => {
    const cloud = makeState({ seed: 3, pods: kubiaPods(), services: [lb], loadBalancers: 'cloud' });
    expect(
      line(route(cloud, { from: 'client/laptop', url: `http://${loadBalancerIpOf(cloud, 'kubia-lb')}/` })),
    ).toMatchInlineSnapshot(`
      [
        "ok",
        "send @client/laptop 172.18.0.1:56616 -> 203.0.113.10:80",
        "balance @lb/default/kubia-lb 172.18.0.1:56616 -> 172.18.0.3:30300",
        "dnat @node/kind-worker 172.18.0.1:56616 -> 10.244.2.3:8080",
        "snat @node/kind-worker 172.18.0.3:56616 -> 10.244.2.3:8080",
        "forward @node/kind-worker2 172.18.0.3:56616 -> 10.244.2.3:8080",
        "deliver @pod/default/kubia-c 172.18.0.3:56616 -> 10.244.2.3:8080",
        "reply @client/laptop 203.0.113.10:80 -> 172.18.0.1:56616",
      ]
    `);
  });
  it('no endpoints and a ClusterIP from outside', () => {
    const empty = makeState({ pods: kubiaPods().filter((p) => p.name === 'client'), services: [kubiaSvc] });
    expect(line(route(empty, { from: 'pod/default/client', url: 'http://kubia/' }))).toMatchInlineSnapshot(`
      [
        "refused",
        "dns @dns 10.244.1.2 -> 10.96.0.10:53",
        "send @pod/default/client 10.244.1.2:39122 -> 10.96.74.254:80",
        "reject @node/kind-worker 10.244.1.2:39122 -> 10.96.74.254:80",
      ]
    `);
    expect(line(route(state, { from: 'client/laptop', url: kubiaIpUrl(state) }))).toMatchInlineSnapshot(`
      [
        "timeout",
        "send @client/laptop 172.18.0.1:36242 -> 10.96.133.105:80",
        "drop @client/laptop 172.18.0.1:36242 -> 10.96.133.105:80",
      ]
    `);
  });
});

describe('the send note names the address dialled', () => {
  it('the same URL with another --resolve address says the new address', () => {
    const state = makeState({ pods: kubiaPods() });
    const [first, second] = [state.nodes[1]!.ip, state.nodes[2]!.ip];
    let s = state;
    for (const ip of [first, second]) {
      const r = routeRequest(s, {
        from: 'client/laptop',
        url: 'http://kubia.example:30123/',
        resolve: [{ host: 'kubia.example', port: 30123, address: ip }],
      });
      const send = readHops(r.trace).find((h) => h.kind === 'send');
      expect(send?.dst).toBe(`${ip}:30123`);
      expect(send?.note).toContain(`a TCP connection to ${ip}:30123`);
      s = r.state;
    }
  });
});
