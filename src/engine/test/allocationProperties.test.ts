/**
 * The allocators, over generated sets of Services (none asks for a specific IP or port):
 * - cluster IPs are unique, inside serviceSubnet, and dynamic ones come from the upper band: the first
 *   min(max(16, size/16), 256) addresses are kept for static picks (Virtual IPs and Service Proxies,
 *   "IP address assignment"); 10.96.0.1 (kubernetes) and 10.96.0.10 (kube-dns) are the static ones;
 * - node ports (and health-check node ports) are unique across Services and come from the dynamic band
 *   30086-32767 first (portallocator calculateRangeOffset: min(max(16, 2768/32), 128) = 86 ports kept);
 * - load balancer addresses (MetalLB, from kind's pool of 51 addresses) are unique, one per LoadBalancer
 *   Service; without a pool none is handed out (<pending>).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { KIND_METALLB_POOL } from '../sim/testing/simTesting.ts';
import { errorsOf, ipToNumber, simulate } from './helpers.ts';

const serviceArb = fc.record({
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  local: fc.boolean(),
  twoPorts: fc.boolean(),
});

function render(services: { type: string; local: boolean; twoPorts: boolean }[]): string {
  return [
    KIND_METALLB_POOL,
    ...services.map(
      (s, i) => `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  type: ${s.type}
${s.local && s.type !== 'ClusterIP' ? '  externalTrafficPolicy: Local\n' : ''}  selector: {app: a${i}}
  ports:
    - {name: http, port: 80}
${s.twoPorts ? '    - {name: https, port: 443}\n' : ''}`,
    ),
  ].join('---\n');
}

describe('allocators', () => {
  it('hand out unique cluster IPs, node ports and LB addresses from the dynamic bands', () => {
    fc.assert(
      fc.property(
        fc.array(serviceArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 1000 }),
        (services, seed) => {
          const sim = simulate(render(services), seed);
          expect(errorsOf(sim)).toEqual([]);
          const { state } = sim;
          const base = ipToNumber('10.96.0.0');
          const ips = state.services
            .map((s) => s.manifest.spec.clusterIP ?? '')
            .filter((ip) => ip !== 'None' && ip !== '');
          expect(new Set(ips).size).toBe(ips.length);
          for (const svc of state.services) {
            const { name, namespace } = svc.manifest.metadata;
            const n = ipToNumber(svc.manifest.spec.clusterIP ?? '');
            expect(n).toBeGreaterThan(base);
            expect(n).toBeLessThan(base + 65535);
            if (name.startsWith('svc-')) expect(n, `${namespace}/${name}`).toBeGreaterThanOrEqual(base + 256);
          }
          expect(
            state.services.find((s) => s.manifest.metadata.name === 'kubernetes')?.manifest.spec.clusterIP,
          ).toBe('10.96.0.1');
          const ports: number[] = [];
          for (const svc of state.services) {
            for (const p of svc.manifest.spec.ports) if (p.nodePort !== undefined) ports.push(p.nodePort);
            const hc = svc.manifest.spec.healthCheckNodePort;
            const wantsHc =
              svc.manifest.spec.type === 'LoadBalancer' &&
              svc.manifest.spec.externalTrafficPolicy === 'Local';
            expect(hc !== undefined, svc.manifest.metadata.name).toBe(wantsHc);
            if (hc !== undefined) ports.push(hc);
            const wantsNodePorts = svc.manifest.spec.type !== 'ClusterIP';
            for (const p of svc.manifest.spec.ports) expect(p.nodePort !== undefined).toBe(wantsNodePorts);
          }
          expect(new Set(ports).size).toBe(ports.length);
          for (const p of ports) {
            expect(p).toBeGreaterThanOrEqual(30086);
            expect(p).toBeLessThanOrEqual(32767);
          }
          const lbs = state.services.flatMap((s) =>
            s.status.loadBalancer.ingress.map((i) => i.ip ?? i.hostname),
          );
          expect(lbs.length).toBe(services.filter((s) => s.type === 'LoadBalancer').length);
          expect(new Set(lbs).size).toBe(lbs.length);
          const withoutPool = simulate(render(services).replace(KIND_METALLB_POOL, ''), seed);
          expect(withoutPool.state.services.flatMap((s) => s.status.loadBalancer.ingress)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
