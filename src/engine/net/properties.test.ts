import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { routeRequest } from './request.ts';
import { clusterIpOf, kubiaPods, loadBalancerIpOf, makeState, rule } from './testing/fixtures.ts';
import { readHops } from '../readHops.ts';

const state = makeState({
  pods: [
    ...kubiaPods(),
    {
      name: 'nginx-ic',
      namespace: 'ingress',
      node: 'kind-worker2',
      image: 'registry.k8s.io/ingress-nginx/controller:v1.10.0',
      labels: { app: 'ic' },
      ports: [{ containerPort: 80 }],
    },
  ],
  services: [
    {
      name: 'kubia',
      selector: { app: 'kubia' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    },
    {
      name: 'np',
      type: 'NodePort',
      selector: { app: 'kubia' },
      ports: [{ port: 80, targetPort: 8080, nodePort: 30123 }],
      spec: { externalTrafficPolicy: 'Local' },
    },
    {
      name: 'lb',
      type: 'LoadBalancer',
      selector: { app: 'kubia' },
      ports: [{ port: 80, targetPort: 8080, nodePort: 30200 }],
    },
    { name: 'empty', selector: { app: 'none' }, ports: [{ port: 80 }] },
  ],
  ingressClasses: [{ name: 'nginx', controller: 'k8s.io/ingress-nginx' }],
  ingresses: [{ name: 'site', className: 'nginx', rules: [rule('a.com', ['/', 'Prefix', 'kubia', 80])] }],
  nodes: [
    { name: 'kind-control-plane' },
    { name: 'kind-worker' },
    { name: 'kind-worker2' },
    { name: 'kind-worker3', up: false },
  ],
});

const sources = [
  'client/laptop',
  'client/other',
  'pod/default/client',
  'pod/default/kubia-b',
  'node/kind-worker',
  'node/kind-worker3',
  'pod/nope/x',
];
const hosts = [
  'kubia',
  'kubia.default',
  'empty',
  'np',
  clusterIpOf(state, 'kubia'),
  '10.96.50.2',
  '172.18.0.2',
  '172.18.0.3',
  '172.18.0.5',
  loadBalancerIpOf(state, 'lb'),
  '10.244.1.2',
  '10.244.2.4',
  '192.0.2.9',
  'a.com',
  'localhost',
  '127.0.0.1',
];
const ports = [undefined, 80, 443, 8080, 30123, 30200, 31999, 53];

describe('routeRequest properties', () => {
  it('never throws; the outcome agrees with the last hop; endpoints belong to the network', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.constantFrom(...hosts),
        fc.constantFrom(...ports),
        fc.constantFrom('http', 'https'),
        fc.option(fc.constantFrom('a.com', 'b.com'), { nil: undefined }),
        (from, host, port, scheme, hostHeader) => {
          const url = `${scheme}://${host}${port ? `:${port}` : ''}/x`;
          const { trace, state: next } = routeRequest(state, {
            from,
            url,
            ...(hostHeader ? { headers: { Host: hostHeader } } : {}),
          });
          const last = readHops(trace).at(-1);
          if (trace.outcome === 'ok') expect(last?.kind).toBe('reply');
          if (trace.outcome === 'refused') expect(last?.kind).toBe('reject');
          if (trace.outcome === 'timeout') expect(last?.kind).toBe('drop');
          if (trace.outcome === 'unresolved') expect(['dns', undefined]).toContain(last?.kind);
          if (trace.endpoint?.pod)
            expect(
              state.pods.some((p) => `${p.metadata.namespace}/${p.metadata.name}` === trace.endpoint?.pod),
            ).toBe(true);
          for (const h of readHops(trace)) expect(h.note.length).toBeGreaterThan(10);
          expect(next.pods).toBe(state.pods);
          expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
        },
      ),
      { numRuns: 400 },
    );
  });
});
