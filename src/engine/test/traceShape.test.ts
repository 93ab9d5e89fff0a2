/**
 * The Trace is a contract with the UI, the terminal and the CLI (docs/decisions.md#trace): every
 * hop names a graph id that exists in the state, uses a known kind, and the whole trace is plain JSON.
 * routeRequest never throws, whatever the request.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { routeRequest } from '../index.ts';
import type { ClusterState, HopKind, RequestSpec, Trace } from '../index.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { simulateScenario } from './helpers.ts';
import { readHops } from '../readHops.ts';

const HOP_KINDS: HopKind[] = [
  'dns',
  'send',
  'dnat',
  'snat',
  'forward',
  'balance',
  'route',
  'deliver',
  'reply',
  'drop',
  'reject',
];
const OUTCOMES = ['ok', 'refused', 'timeout', 'unresolved', 'http-error'];

/** Does a graph id name something in the state (or a client the request itself brought)? */
function graphIdExists(state: ClusterState, id: string, from: string): boolean {
  const [kind, a = '', b = ''] = id.split('/');
  const meta = (m: { metadata: { namespace: string; name: string } }) =>
    m.metadata.namespace === a && m.metadata.name === b;
  switch (kind) {
    case 'dns':
    case 'cluster':
      return id === kind;
    case 'node':
      return state.nodes.some((n) => n.name === a);
    case 'pod':
      return state.pods.some(meta);
    case 'svc':
    case 'lb':
      return state.services.some((s) => meta(s.manifest));
    case 'ep':
      return state.endpoints.some(meta);
    case 'ing':
      return state.ingresses.some((i) => meta(i.manifest));
    case 'client':
      return id === from || state.clients.some((c) => c.name === a);
    case 'outside':
      return state.outsideHosts.some((h) => h.name === a);
    default:
      return false;
  }
}

function expectWellFormed(trace: Trace, state: ClusterState, request: RequestSpec): void {
  expect(OUTCOMES).toContain(trace.outcome);
  expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  for (const hop of readHops(trace)) {
    expect(HOP_KINDS, JSON.stringify(hop)).toContain(hop.kind);
    expect(graphIdExists(state, hop.at, request.from), `hop at ${hop.at} (${request.url})`).toBe(true);
    expect(typeof hop.note === 'string' && hop.note.length > 0, JSON.stringify(hop)).toBe(true);
  }
  if (trace.service !== undefined)
    expect(graphIdExists(state, `svc/${trace.service}`, request.from)).toBe(true);
  if (trace.endpoint?.pod !== undefined)
    expect(graphIdExists(state, `pod/${trace.endpoint.pod}`, request.from)).toBe(true);
}

/** Requests a student would try on a scenario: every Service by name and IP, node ports, LB IPs, ingress hosts. */
function typicalRequests(state: ClusterState): RequestSpec[] {
  const pod = state.pods.find((p) => p.metadata.namespace === 'default') ?? state.pods[0];
  const from = pod ? `pod/${pod.metadata.namespace}/${pod.metadata.name}` : 'node/kind-worker';
  const out: RequestSpec[] = [];
  for (const s of state.services) {
    const { name, namespace } = s.manifest.metadata;
    const port = s.manifest.spec.ports[0]?.port ?? 80;
    out.push({ from, url: `http://${name}.${namespace}:${port}/` });
    if (s.manifest.spec.clusterIP && s.manifest.spec.clusterIP !== 'None') {
      out.push({
        from: `node/${state.nodes[0]?.name}`,
        url: `http://${s.manifest.spec.clusterIP}:${port}/x`,
      });
    }
    for (const p of s.manifest.spec.ports) {
      if (p.nodePort !== undefined)
        out.push({ from: 'client/laptop', url: `http://${state.nodes[1]?.ip}:${p.nodePort}/` });
    }
    for (const lb of s.status.loadBalancer.ingress) {
      if (lb.ip)
        out.push({
          from: 'client/laptop',
          url: `http://${lb.ip}:${port}/`,
          headers: { Host: 'kubia.example.com' },
        });
    }
  }
  for (const pod of state.pods) out.push({ from: 'client/laptop', url: `http://${pod.status.podIP}:8080/` });
  return out;
}

describe('traces over the bundled scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.id]))('%s: every hop names an existing graph id', (id) => {
    let state = simulateScenario(id).state;
    for (const request of typicalRequests(state)) {
      const r = routeRequest(state, request);
      expectWellFormed(r.trace, r.state, request);
      state = r.state;
    }
  });
});

describe('routeRequest on any request', () => {
  const state = simulateScenario('kubia').state;
  const fromArb = fc.oneof(
    fc.constantFrom('client/laptop', 'node/kind-worker', `pod/default/${state.pods[0]?.metadata.name}`),
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 12 }).map((s) => `client/${s}`),
    fc.string({ maxLength: 12 }).map((s) => `pod/default/${s}`),
  );
  const urlArb = fc.oneof(
    fc.webUrl(),
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      'http://kubia',
      'kubia.example.com/x',
      'https://10.96.0.1',
      'http://[::1]:80/',
      'http://:0',
      'ftp://x',
    ),
    fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 70000 })).map(([ip, port]) => `http://${ip}:${port}/`),
  );
  const requestArb: fc.Arbitrary<RequestSpec> = fc.record(
    {
      from: fromArb,
      url: urlArb,
      method: fc.constantFrom('GET', 'POST', 'get', ''),
      headers: fc.dictionary(fc.constantFrom('Host', 'host', 'X-A', ''), fc.string({ maxLength: 20 })),
      clientIp: fc.oneof(fc.ipV4(), fc.string({ maxLength: 10 })),
      resolve: fc.array(
        fc.record({
          host: fc.string({ maxLength: 10 }),
          port: fc.integer({ min: -1, max: 70000 }),
          address: fc.oneof(fc.ipV4(), fc.string({ maxLength: 8 })),
        }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['from', 'url'] },
  );

  it('never throws, and returns a well-formed trace', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const r = routeRequest(state, request);
        expect(OUTCOMES).toContain(r.trace.outcome);
        expect(JSON.parse(JSON.stringify(r.trace))).toEqual(r.trace);
        for (const hop of readHops(r.trace)) expect(HOP_KINDS).toContain(hop.kind);
      }),
      { numRuns: 300 },
    );
  });
});
