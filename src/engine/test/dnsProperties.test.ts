/**
 * Cluster DNS as a pod sees it, over generated namespaces and Services (DNS for Services and Pods;
 * kubernetes/dns specification): a pod's resolv.conf searches `<ns>.svc.cluster.local svc.cluster.local
 * cluster.local` with ndots:5, so a short name only finds a Service of the pod's own namespace,
 * `name.ns` and `name.ns.svc` find it anywhere, the FQDN (with or without the final dot) always
 * does, and a name no record answers is unresolved. A found ClusterIP Service with ready pods answers.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { routeRequest } from '../index.ts';
import { errorsOf, podsOf, simulate } from './helpers.ts';

const NAMESPACES = ['default', 'other'];
const NAMES = ['alpha', 'beta'];

interface Placement {
  ns: string;
  name: string;
}

const placementsArb = fc.uniqueArray(
  fc.record({ ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES) }),
  { minLength: 1, maxLength: 4, selector: (p) => `${p.ns}/${p.name}` },
);

function render(services: Placement[], clientNs: string): string {
  const docs = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n`];
  for (const s of services) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${s.name}
  namespace: ${s.ns}
spec:
  selector:
    matchLabels: {app: ${s.name}}
  template:
    metadata:
      labels: {app: ${s.name}}
    spec:
      containers:
        - {name: web, image: nginx, ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: ${s.name}
  namespace: ${s.ns}
spec:
  selector: {app: ${s.name}}
  ports:
    - {port: 80}
`);
  }
  docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: ${clientNs}
spec:
  containers:
    - {name: c, image: curlimages/curl, command: [sleep, infinity]}
`);
  return docs.join('---\n');
}

/** The spellings a student tries for a Service, and which Service each must reach from `clientNs`. */
function expectations(services: Placement[], clientNs: string): { host: string; target?: Placement }[] {
  const exists = (ns: string, name: string) => services.find((s) => s.ns === ns && s.name === name);
  const out: { host: string; target?: Placement }[] = [];
  for (const name of NAMES) {
    out.push({ host: name, target: exists(clientNs, name) });
    for (const ns of NAMESPACES) {
      const target = exists(ns, name);
      for (const host of [
        `${name}.${ns}`,
        `${name}.${ns}.svc`,
        `${name}.${ns}.svc.cluster.local`,
        `${name}.${ns}.svc.cluster.local.`,
      ]) {
        out.push({ host, target });
      }
    }
  }
  out.push({ host: 'nothing-here' }, { host: 'alpha.nowhere' }, { host: 'alpha.default.svc.cluster' });
  return out;
}

describe('cluster DNS from a pod', () => {
  it('finds exactly the Services the search list and ndots:5 reach, from any namespace', () => {
    fc.assert(
      fc.property(placementsArb, fc.constantFrom(...NAMESPACES), (services, clientNs) => {
        const sim = simulate(render(services, clientNs));
        expect(errorsOf(sim)).toEqual([]);
        let state = sim.state;
        for (const { host, target } of expectations(services, clientNs)) {
          const r = routeRequest(state, { from: `pod/${clientNs}/client`, url: `http://${host}/` });
          state = r.state;
          const where = `from ${clientNs}: ${host} -> ${target ? `${target.ns}/${target.name}` : 'NXDOMAIN'}, got ${r.trace.outcome} ${r.trace.service ?? ''}`;
          if (!target) {
            expect(r.trace.outcome, where).toBe('unresolved');
            continue;
          }
          expect(r.trace.outcome, where).toBe('ok');
          expect(r.trace.service, where).toBe(`${target.ns}/${target.name}`);
          const pods = podsOf(state, { app: target.name }, target.ns).map(
            (p) => `${p.metadata.namespace}/${p.metadata.name}`,
          );
          expect(pods, where).toContain(r.trace.endpoint?.pod);
        }
      }),
      { numRuns: 30 },
    );
  });
});
