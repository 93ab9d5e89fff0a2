/**
 * The data plane over the bundled scenarios, built by the real createSimulation from YAML: the paths
 * a teacher demonstrates, end to end.
 */
import { describe, it, expect } from 'vitest';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import type { ClusterState } from '../model/state.ts';
import { applyAction, createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { Trace } from '../trace.ts';
import { pingHost } from './ping.ts';
import { routeRequest } from './request.ts';
import type { RequestSpec } from './request.ts';
import { lookupName } from './resolver.ts';
import { readHops } from '../readHops.ts';

function simulate(id: string): Simulation {
  return createSimulation({ files: [{ file: `${id}.yaml`, text: SCENARIO_TEXTS[id] ?? '' }], seed: 1 });
}
function many(state: ClusterState, spec: RequestSpec, n: number): Trace[] {
  const out: Trace[] = [];
  let s = state;
  for (let i = 0; i < n; i++) {
    const r = routeRequest(s, spec);
    out.push(r.trace);
    s = r.state;
  }
  return out;
}
const podNamed = (s: ClusterState, prefix: string, ns = 'default') =>
  s.pods.find((p) => p.metadata.namespace === ns && p.metadata.name.startsWith(prefix))!;
const nodeIp = (s: ClusterState, name: string) => s.nodes.find((n) => n.name === name)!.ip;

describe('kubia scenario', () => {
  const sim = simulate('kubia');
  const s = sim.state;
  const from = `pod/default/${podNamed(s, 'kubia').metadata.name}`;
  it('curl http://kubia from a pod: every pod answers over many connections', () => {
    const traces = many(s, { from, url: 'http://kubia' }, 40);
    expect(new Set(traces.map((t) => t.endpoint?.pod)).size).toBe(3);
    expect(traces.every((t) => t.outcome === 'ok' && /^You've hit kubia-/.test(t.body ?? ''))).toBe(true);
  });
  it('the named https port (443 -> 8443) refuses: luksa/kubia listens on 8080 only', () => {
    expect(routeRequest(s, { from, url: 'https://kubia' }).trace.outcome).toBe('refused');
  });
  it('ping kubia loses every packet (iptables mode)', () => {
    expect(pingHost(s, { from, host: 'kubia', count: 3 })).toMatchObject({ transmitted: 3, received: 0 });
  });
});

describe('nodeport scenario: Cluster vs Local', () => {
  const s = simulate('nodeport').state;
  const withPods = new Set(
    s.pods.filter((p) => p.metadata.name.startsWith('kubia')).map((p) => p.spec.nodeName),
  );
  const empty = s.nodes.find((n) => n.role === 'worker' && !withPods.has(n.name))!;
  it('Cluster answers on a node without pods (SNAT + forward); Local drops there', () => {
    const cluster = routeRequest(s, { from: 'client/laptop', url: `http://${empty.ip}:30123/` }).trace;
    expect(cluster.outcome).toBe('ok');
    expect(readHops(cluster).map((h) => h.kind)).toEqual([
      'send',
      'dnat',
      'snat',
      'forward',
      'deliver',
      'reply',
    ]);
    const local = routeRequest(s, { from: 'client/laptop', url: `http://${empty.ip}:30124/` }).trace;
    expect(local.outcome).toBe('timeout');
    expect(readHops(local).at(-1)?.note).toBe(
      `${empty.name} has no local endpoint for default/kubia-nodeport-onlylocal and drops it (externalTrafficPolicy is Local), so the client times out`,
    );
  });
  it('Local on a node with a pod serves it locally, client IP kept', () => {
    const node = [...withPods][0]!;
    for (const t of many(s, { from: 'client/laptop', url: `http://${nodeIp(s, node)}:30124/` }, 10)) {
      expect(t.endpoint?.node).toBe(node);
      expect(readHops(t).some((h) => h.kind === 'snat')).toBe(false);
    }
  });
  it('node down: its node port times out', () => {
    const down = applyAction(simulate('nodeport'), { type: 'node', name: empty.name, up: false }).state;
    expect(
      routeRequest(down, { from: 'client/laptop', url: `http://${empty.ip}:30123/` }).trace.outcome,
    ).toBe('timeout');
  });
});

describe('loadbalancer scenario', () => {
  const s = simulate('loadbalancer').state;
  const lbIp = (name: string) =>
    s.services.find((x) => x.manifest.metadata.name === name)!.status.loadBalancer.ingress[0]!.ip!;
  /** The node each trace entered by: the one MetalLB's speaker answers ARP on. */
  const entered = (t: Trace) => readHops(t).find((h) => h.facts?.address !== undefined)?.facts?.node;
  it('MetalLB in layer 2 mode: every connection enters one node; with Local, a node with a kubia pod', () => {
    const cluster = many(s, { from: 'client/laptop', url: `http://${lbIp('kubia-loadbalancer')}/` }, 6);
    expect(cluster.every((t) => t.outcome === 'ok')).toBe(true);
    expect(cluster.some((t) => readHops(t).some((h) => h.kind === 'balance'))).toBe(false);
    expect(new Set(cluster.map(entered)).size).toBe(1);
    expect(cluster.every((t) => readHops(t).some((h) => h.kind === 'snat'))).toBe(true);
    const local = many(s, { from: 'client/laptop', url: `http://${lbIp('kubia-lb-local')}/` }, 6);
    expect(local.every((t) => t.outcome === 'ok' && !readHops(t).some((h) => h.kind === 'snat'))).toBe(true);
    const withPods = new Set(
      s.pods.filter((p) => p.metadata.labels.app === 'kubia').map((p) => p.spec.nodeName),
    );
    expect(new Set(local.map(entered)).size).toBe(1);
    expect(withPods.has(entered(local[0]!) ?? '')).toBe(true);
    expect(local.every((t) => t.endpoint?.node === entered(t))).toBe(true);
  });
});

describe('ingress scenario (ingress-nginx behind a LoadBalancer)', () => {
  const s = simulate('ingress').state;
  const lb = s.services.find((x) => x.manifest.metadata.name === 'ingress-nginx-controller')!.status
    .loadBalancer.ingress[0]!.ip!;
  const get = (path: string, host = 'shop.example.com') =>
    routeRequest(s, {
      from: 'client/laptop',
      url: `http://${host}${path}`,
      resolve: [{ host, port: 80, address: lb }],
    }).trace;
  it('longest path wins, Prefix is element-wise, Exact is exact, unknown hosts hit the defaultBackend', () => {
    expect(get('/api/orders').service).toBe('default/api');
    expect(get('/index.html').service).toBe('default/web');
    expect(get('/apix').service).toBe('default/web');
    expect(get('/healthz').service).toBe('default/api');
    expect(get('/', 'other.example.com').service).toBe('default/fallback');
  });
  it('whoami behind the controller sees the controller pod as its peer and the forwarded client', () => {
    const t = get('/api');
    const controller = podNamed(s, 'ingress-nginx-controller', 'ingress-nginx');
    expect(t.body).toContain(`RemoteAddr: ${controller.status.podIP}:`);
    expect(t.body).toContain('X-Forwarded-Host: shop.example.com');
    expect(readHops(t).some((h) => h.kind === 'route' && h.facts?.address === lb)).toBe(true);
    expect(readHops(t).some((h) => h.at === 'ing/default/shop' && h.kind === 'route')).toBe(true);
  });
});

describe('dns scenario', () => {
  const s = simulate('dns').state;
  const from = `pod/default/${podNamed(s, 'dnsutils').metadata.name}`;
  it('headless answers the ready pod IPs; ExternalName a CNAME; another namespace needs <svc>.<ns>', () => {
    const kubiaIps = s.pods
      .filter((p) => p.metadata.name.startsWith('kubia'))
      .map((p) => p.status.podIP)
      .sort();
    expect(
      lookupName(s, { from, name: 'kubia-headless' })
        .answers.map((a) => a.value)
        .sort(),
    ).toEqual(kubiaIps);
    expect(lookupName(s, { from, name: 'external-service' }).answers[0]).toMatchObject({
      type: 'CNAME',
      value: 'api.somecompany.com',
    });
    expect(lookupName(s, { from, name: 'backend' }).rcode).toBe('NXDOMAIN');
    expect(lookupName(s, { from, name: 'backend.other' }).rcode).toBe('NOERROR');
  });
});

describe('readiness scenario', () => {
  it('refused while no pod is ready; touch /var/ready brings one pod into the endpoints', () => {
    const sim = simulate('readiness');
    const client = 'pod/default/client';
    expect(routeRequest(sim.state, { from: client, url: 'http://kubia' }).trace.outcome).toBe('refused');
    const pod = podNamed(sim.state, 'kubia');
    const ready = applyAction(sim, {
      type: 'podFile',
      namespace: 'default',
      name: pod.metadata.name,
      path: '/var/ready',
      present: true,
    }).state;
    const traces = many(ready, { from: client, url: 'http://kubia' }, 10);
    expect(new Set(traces.map((t) => t.endpoint?.pod))).toEqual(new Set([`default/${pod.metadata.name}`]));
  });
});
