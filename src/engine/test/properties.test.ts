/**
 * Invariants that must hold for any input (fast-check):
 * - any text: createSimulation returns located diagnostics and never throws;
 * - same (files, seed, requests): deep-equal state and traces, and the state is plain JSON data;
 * - every routed request ends in a pod the Service selects, or in a failure outcome that says why
 *   the way Kubernetes would (no endpoints: REJECT -> refused; Local policy with no local endpoint:
 *   DROP -> timeout; pkg/proxy/iptables/proxier.go).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation, routeRequest } from '../index.ts';
import type { ClusterState, RequestSpec, Trace } from '../index.ts';
import { renderScenario, scenarioSpecArb, selectorOf } from './arbitraries.ts';
import type { ScenarioSpec, ServiceSpecGen } from './arbitraries.ts';
import { errorsOf, podKey, podsOf, scenarioText, serviceOf, simulate } from './helpers.ts';
import { readHops } from '../readHops.ts';

const YAML_BITS = [
  'apiVersion: v1\n',
  'apiVersion: apps/v1\n',
  'apiVersion: networking.k8s.io/v1\n',
  'apiVersion: kind.x-k8s.io/v1alpha4\n',
  'kind: Service\n',
  'kind: Pod\n',
  'kind: Deployment\n',
  'kind: Ingress\n',
  'kind: Cluster\n',
  'kind: List\n',
  'items:\n',
  '---\n',
  'metadata:\n',
  '  name: kubia\n',
  '  name: 1Bad_Name\n',
  '  namespace: other\n',
  'spec:\n',
  '  type: NodePort\n',
  '  clusterIP: None\n',
  '  ports:\n',
  '  - port: 80\n',
  '    nodePort: 30123\n',
  '    nodePort: 99999\n',
  '    targetPort: http\n',
  '  selector:\n',
  '    app: kubia\n',
  '  replicas: -3\n',
  '  rules:\n',
  '  - host: "*.x.com"\n',
  'nodes:\n',
  '- role: worker\n',
  '  template: {spec: {containers: [{name: a, image: b}]}}\n',
  '{',
  '}',
  '[',
  '&anchor ',
  '*anchor\n',
  '<<: *anchor\n',
  '!!binary ',
  '\t',
  ': ',
  '- ',
  '"',
  "'",
  '#',
  '\n',
  '  ',
  '~\n',
  '\u0000',
  '\ufeff',
];

const yamlishArb = fc.array(fc.constantFrom(...YAML_BITS), { maxLength: 60 }).map((parts) => parts.join(''));

/** A bundled scenario with a slice cut out or something spliced in: almost valid, the hard case. */
const mutatedScenarioArb = fc
  .tuple(
    fc.constantFrom('kubia', 'ingress', 'dns', 'clusterip'),
    fc.nat(),
    fc.integer({ min: 0, max: 200 }),
    fc.string({ maxLength: 20 }),
  )
  .map(([id, at, cut, insert]) => {
    const text = scenarioText(id);
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + cut);
  });

function expectNeverThrows(text: string): void {
  const sim = createSimulation({ files: [{ file: 'fuzz.yaml', text }], seed: 3 });
  expect(Array.isArray(sim.diagnostics)).toBe(true);
  for (const d of sim.diagnostics) {
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.file).toBe('fuzz.yaml');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
  }
}

describe('createSimulation on any text', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), expectNeverThrows), {
      numRuns: 150,
    });
  });

  it('never throws on YAML-shaped fragments of Kubernetes objects', () => {
    fc.assert(fc.property(yamlishArb, expectNeverThrows), { numRuns: 300 });
  });

  it('never throws on mutated bundled scenarios', () => {
    fc.assert(fc.property(mutatedScenarioArb, expectNeverThrows), { numRuns: 100 });
  });
});

/** The requests worth checking in a generated scenario: each Service from the client pod, and its node ports from outside. */
function requestsFor(
  spec: ScenarioSpec,
  state: ClusterState,
): { svc: ServiceSpecGen; request: RequestSpec }[] {
  const out: { svc: ServiceSpecGen; request: RequestSpec }[] = [];
  for (const svc of spec.services) {
    out.push({ svc, request: { from: 'pod/default/client', url: `http://${svc.name}:${svc.port}/` } });
    if (svc.type === 'ClusterIP') continue;
    const nodePort = serviceOf(state, svc.name).manifest.spec.ports[0]?.nodePort;
    for (const node of state.nodes) {
      out.push({ svc, request: { from: 'client/laptop', url: `http://${node.ip}:${nodePort}/` } });
    }
  }
  return out;
}

describe('generated scenarios', () => {
  const seedArb = fc.integer({ min: -1000, max: 1000 });

  it('are accepted without errors', () => {
    fc.assert(
      fc.property(scenarioSpecArb, seedArb, (spec, seed) => {
        expect(errorsOf(simulate(renderScenario(spec), seed))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('give deep-equal state and traces for the same inputs, and the state is plain JSON data', () => {
    fc.assert(
      fc.property(scenarioSpecArb, seedArb, (spec, seed) => {
        const yaml = renderScenario(spec);
        const a = simulate(yaml, seed);
        const b = simulate(yaml, seed);
        expect(a).toEqual(b);
        expect(JSON.parse(JSON.stringify(a.state))).toEqual(a.state);
        let sa = a.state;
        let sb = b.state;
        for (const { request } of requestsFor(spec, a.state)) {
          for (let i = 0; i < 3; i++) {
            const ra = routeRequest(sa, request);
            const rb = routeRequest(sb, request);
            expect(ra.trace).toEqual(rb.trace);
            sa = ra.state;
            sb = rb.state;
          }
        }
        expect(sa).toEqual(sb);
      }),
      { numRuns: 30 },
    );
  });

  it('end every request in a pod the Service selects, or in the failure Kubernetes gives', () => {
    const iptablesSpecArb = scenarioSpecArb.map((s) => ({ ...s, proxyMode: 'iptables' as const }));
    fc.assert(
      fc.property(iptablesSpecArb, seedArb, (spec, seed) => {
        const sim = simulate(renderScenario(spec), seed);
        let state = sim.state;
        for (const { svc, request } of requestsFor(spec, state)) {
          const selected = podsOf(state, { app: selectorOf(spec, svc) });
          // A targetPort name no container declares leaves every pod out of the endpoints (FindPort).
          const endpoints = svc.target === 'missing-name' ? [] : selected;
          const r = routeRequest(state, request);
          state = r.state;
          checkTrace(r.trace, request, endpoints.map(podKey), svc, state);
        }
      }),
      { numRuns: 40 },
    );
  });
});

function checkTrace(
  trace: Trace,
  request: RequestSpec,
  endpoints: string[],
  svc: ServiceSpecGen,
  state: ClusterState,
): void {
  const where = `${request.from} -> ${request.url}: ${trace.outcome} ${JSON.stringify(readHops(trace).at(-1))}`;
  const kinds = readHops(trace).map((h) => h.kind);
  if (endpoints.length === 0) {
    expect(trace.outcome, where).toBe('refused');
    expect(kinds, where).toContain('reject');
    return;
  }
  const nodeIp = /^http:\/\/([\d.]+):/.exec(request.url)?.[1];
  if (svc.local && nodeIp !== undefined) {
    const node = state.nodes.find((n) => n.ip === nodeIp);
    const local = endpoints.filter(
      (k) => state.pods.find((p) => podKey(p) === k)?.spec.nodeName === node?.name,
    );
    if (local.length === 0) {
      expect(trace.outcome, where).toBe('timeout');
      expect(kinds, where).toContain('drop');
      return;
    }
    endpoints = local;
  }
  expect(trace.outcome, where).toBe('ok');
  expect(endpoints, where).toContain(trace.endpoint?.pod);
  expect(trace.service, where).toBe(`default/${svc.name}`);
  expect(kinds, where).toContain('deliver');
  expect(
    readHops(trace).some((h) => h.kind === 'deliver' && h.at === `pod/${trace.endpoint?.pod}`),
    where,
  ).toBe(true);
}
