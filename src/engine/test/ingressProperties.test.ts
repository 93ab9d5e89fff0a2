/**
 * Generated Ingresses behind ingress-nginx, checked against the Kubernetes Ingress rules (concept page,
 * "Path types" and "Multiple matches"): among the rules for the request's host, the longest matching
 * path wins, Exact beats Prefix on a tie, Prefix matches whole path segments; no match -> the
 * controller's default backend (404); a backend Service that is missing or has no ready endpoint -> 503
 * (ingress-nginx); otherwise a pod the backend Service selects. Paths of one host may come from several
 * Ingresses (ingress-nginx merges them into one server).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { routeRequest } from '../index.ts';
import { errorsOf, ingressNginxInstall, podKey, podsOf, serviceOf, simulate } from './helpers.ts';

const HOSTS = ['a.example.com', 'b.example.com'];
const RULE_PATHS = ['/', '/api', '/api/v1', '/static'];
const REQUEST_PATHS = [
  '/',
  '/api',
  '/api/',
  '/api/v1',
  '/api/v1/',
  '/api/v1/x',
  '/apix',
  '/static/a.css',
  '/other',
];
const REQUEST_HOSTS = [...HOSTS, 'c.example.com'];

interface PathRule {
  host: string;
  path: string;
  pathType: 'Exact' | 'Prefix';
  /** 0..2 an app Service; 3 a Service that selects nothing; 4 a Service that does not exist. */
  backend: number;
  ingress: number;
}

const BACKENDS = ['svc-0', 'svc-1', 'svc-2', 'svc-empty', 'ghost'];

const rulesArb = fc
  .uniqueArray(
    fc.record({
      host: fc.constantFrom(...HOSTS),
      path: fc.constantFrom(...RULE_PATHS),
      pathType: fc.constantFrom<'Exact' | 'Prefix'>('Exact', 'Prefix'),
      backend: fc.integer({ min: 0, max: 4 }),
      ingress: fc.integer({ min: 0, max: 1 }),
    }),
    // One rule per (host, path, pathType): duplicates are resolved by Ingress age, not by the spec.
    { minLength: 1, maxLength: 8, selector: (r) => `${r.host} ${r.path} ${r.pathType}` },
  )
  .chain((rules) =>
    fc.tuple(fc.constant(rules), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 })),
  );

function render(rules: PathRule[], replicas: number[]): string {
  // The ingress scenario's own ingress-nginx install and MetalLB pool, as the app runs them.
  const docs: string[] = [ingressNginxInstall()];
  replicas.forEach((n, i) => {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: ${n}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - {name: http, containerPort: 80}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  selector: {app: app-${i}}
  ports:
    - {port: 80, targetPort: http}
`);
  });
  docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-empty
spec:
  selector: {app: nobody}
  ports:
    - {port: 80}
`);
  for (const ingress of [0, 1]) {
    const mine = rules.filter((r) => r.ingress === ingress);
    if (mine.length === 0) continue;
    const rulesYaml = HOSTS.filter((h) => mine.some((r) => r.host === h))
      .map(
        (host) => `    - host: ${host}
      http:
        paths:
${mine
  .filter((r) => r.host === host)
  .map(
    (r) => `          - path: ${r.path}
            pathType: ${r.pathType}
            backend:
              service:
                name: ${BACKENDS[r.backend]}
                port: {number: 80}`,
  )
  .join('\n')}`,
      )
      .join('\n');
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing-${ingress}
spec:
  ingressClassName: nginx
  rules:
${rulesYaml}
`);
  }
  return docs.join('---\n');
}

/** Kubernetes' Prefix match: element-wise on `/`-separated segments, trailing slashes ignored. */
function prefixMatches(rule: string, path: string): boolean {
  const segs = (p: string) => p.split('/').filter((s) => s !== '');
  const r = segs(rule);
  const p = segs(path);
  return r.length <= p.length && r.every((s, i) => s === p[i]);
}

function expectedRule(rules: PathRule[], host: string, path: string): PathRule | undefined {
  const matching = rules.filter(
    (r) => r.host === host && (r.pathType === 'Exact' ? r.path === path : prefixMatches(r.path, path)),
  );
  matching.sort(
    (x, y) =>
      y.path.length - x.path.length || (x.pathType === 'Exact' ? -1 : 1) - (y.pathType === 'Exact' ? -1 : 1),
  );
  return matching[0];
}

describe('generated Ingresses behind ingress-nginx', () => {
  it('route every request by host and the longest matching path, or answer 404/503 as ingress-nginx does', () => {
    fc.assert(
      fc.property(rulesArb, fc.integer({ min: 0, max: 50 }), ([rules, replicas], seed) => {
        const sim = simulate(render(rules, replicas), seed);
        expect(errorsOf(sim)).toEqual([]);
        const lb = serviceOf(sim.state, 'ingress-nginx-controller', 'ingress-nginx').status.loadBalancer
          .ingress[0]?.ip;
        let state = sim.state;
        for (const host of REQUEST_HOSTS) {
          for (const path of REQUEST_PATHS) {
            const r = routeRequest(state, {
              from: 'client/laptop',
              url: `http://${lb}${path}`,
              headers: { Host: host },
            });
            state = r.state;
            const t = r.trace;
            const rule = expectedRule(rules, host, path);
            const where = `${host}${path}: expected ${rule ? `${rule.path} (${rule.pathType}) -> ${BACKENDS[rule.backend]}` : '404'}, got ${t.outcome} ${t.status} ${t.endpoint?.pod ?? ''}`;
            if (!rule) {
              expect(t.status, where).toBe(404);
              continue;
            }
            const app = rule.backend <= 2 ? rule.backend : -1;
            const pods = app >= 0 ? podsOf(state, { app: `app-${app}` }).map(podKey) : [];
            if (pods.length === 0) {
              expect(t.status, where).toBe(503);
              continue;
            }
            expect(t.outcome, where).toBe('ok');
            expect(pods, where).toContain(t.endpoint?.pod);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
