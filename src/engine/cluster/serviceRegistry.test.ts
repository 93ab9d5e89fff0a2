import { describe, it, expect } from 'vitest';
import { errorsOf, KIND_METALLB_POOL, serviceOf, simulate } from '../sim/testing/simTesting.ts';
import { applyAction } from '../sim/simulation.ts';
import { parseIp } from './ipv4.ts';

const svc = (name: string, spec: string) => `
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}
`;

describe('ClusterIP allocation', () => {
  it('picks dynamic addresses from the upper band (10.96.1.0 and up for a /16) at random', () => {
    const yaml = Array.from({ length: 20 }, (_, i) =>
      svc(`s${i}`, '  ports: [{port: 80}]\n  selector: {app: x}'),
    ).join('---');
    const sim = simulate(yaml);
    const ips = Array.from({ length: 20 }, (_, i) => serviceOf(sim, `s${i}`).manifest.spec.clusterIP ?? '');
    const lowest = parseIp('10.96.1.1') ?? 0;
    expect(
      ips.every(
        (ip) => (parseIp(ip) ?? 0) >= lowest && (parseIp(ip) ?? 0) <= (parseIp('10.96.255.254') ?? 0),
      ),
    ).toBe(true);
    expect(new Set(ips).size).toBe(20);
    const other = simulate(yaml, 2);
    expect(serviceOf(other, 's0').manifest.spec.clusterIP).not.toBe(ips[0]);
  });

  it('gives the system Services their fixed addresses', () => {
    const sim = simulate('');
    expect(serviceOf(sim, 'kubernetes').manifest.spec.clusterIP).toBe('10.96.0.1');
    expect(serviceOf(sim, 'kube-dns', 'kube-system').manifest.spec.clusterIP).toBe('10.96.0.10');
  });

  it('honours a requested address and refuses a taken or out-of-range one with the apiserver text', () => {
    const sim = simulate(
      [
        svc('a', '  clusterIP: 10.96.0.50\n  ports: [{port: 80}]'),
        svc('b', '  clusterIP: 10.96.0.50\n  ports: [{port: 80}]'),
        svc('c', '  clusterIP: 10.0.0.5\n  ports: [{port: 80}]'),
      ].join('---'),
    );
    expect(serviceOf(sim, 'a').manifest.spec.clusterIP).toBe('10.96.0.50');
    expect(sim.state.services.some((s) => s.manifest.metadata.name === 'b')).toBe(false);
    expect(sim.state.services.some((s) => s.manifest.metadata.name === 'c')).toBe(false);
    expect(errorsOf(sim)).toEqual([
      'spec.clusterIP: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated',
      'spec.clusterIP: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: provided IP 10.0.0.5 is not in the valid range',
    ]);
    const b = sim.diagnostics.find((d) => d.code === 'svc-clusterip-allocated');
    expect(b?.line).toBeGreaterThan(10);
  });

  it('keeps the ClusterIP when the same Service is applied again', () => {
    const yaml = svc('kubia', '  ports: [{port: 80, targetPort: 8080}]\n  selector: {app: kubia}');
    const sim = simulate(yaml);
    const before = serviceOf(sim, 'kubia').manifest.spec.clusterIP;
    const after = applyAction(sim, { type: 'apply', yaml: yaml.replace('8080', '9090') });
    expect(serviceOf(after, 'kubia').manifest.spec.clusterIP).toBe(before);
    expect(serviceOf(after, 'kubia').manifest.spec.ports[0]?.targetPort).toBe(9090);
    expect(after.state.services.filter((s) => s.manifest.metadata.name === 'kubia')).toHaveLength(1);
  });

  it('leaves headless and ExternalName Services without an address', () => {
    const sim = simulate(
      [
        svc('h', '  clusterIP: None\n  ports: [{port: 80}]\n  selector: {app: x}'),
        svc('e', '  type: ExternalName\n  externalName: api.somecompany.com'),
      ].join('---'),
    );
    expect(serviceOf(sim, 'h').manifest.spec.clusterIP).toBe('None');
    expect(serviceOf(sim, 'e').manifest.spec.clusterIP).toBeUndefined();
  });
});

describe('NodePort allocation', () => {
  it('allocates from the dynamic band 30086-32767 and keeps the port on re-apply', () => {
    const yaml = Array.from({ length: 30 }, (_, i) =>
      svc(`n${i}`, '  type: NodePort\n  ports: [{port: 80}]'),
    ).join('---');
    const sim = simulate(yaml);
    const ports = Array.from(
      { length: 30 },
      (_, i) => serviceOf(sim, `n${i}`).manifest.spec.ports[0]?.nodePort ?? 0,
    );
    expect(ports.every((p) => p >= 30086 && p <= 32767)).toBe(true);
    expect(new Set(ports).size).toBe(30);
    const again = applyAction(sim, {
      type: 'apply',
      yaml: svc('n0', '  type: NodePort\n  ports: [{port: 80}]'),
    });
    expect(serviceOf(again, 'n0').manifest.spec.ports[0]?.nodePort).toBe(ports[0]);
  });

  it('refuses a port out of range or already held by any Service, with the apiserver text', () => {
    const sim = simulate(
      [
        svc('kubia-nodeport', '  type: NodePort\n  ports: [{port: 80, nodePort: 30123}]'),
        svc('dup', '  type: NodePort\n  ports: [{port: 80, nodePort: 30123}]'),
      ].join('---'),
    );
    expect(serviceOf(sim, 'kubia-nodeport').manifest.spec.ports[0]?.nodePort).toBe(30123);
    expect(errorsOf(sim)).toContain(
      'spec.ports[0].nodePort: Invalid value: 30123: provided port is already allocated',
    );
    const after = applyAction(sim, {
      type: 'delete',
      kind: 'Service',
      namespace: 'default',
      name: 'kubia-nodeport',
    });
    const retried = applyAction(after, {
      type: 'apply',
      yaml: svc('dup', '  type: NodePort\n  ports: [{port: 80, nodePort: 30123}]'),
    });
    expect(serviceOf(retried, 'dup').manifest.spec.ports[0]?.nodePort).toBe(30123);
  });

  it('gives 53/TCP and 53/UDP one shared node port', () => {
    const sim = simulate(
      svc(
        'dns',
        '  type: NodePort\n  ports:\n  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53, protocol: TCP}',
      ),
    );
    const [udp, tcp] = serviceOf(sim, 'dns').manifest.spec.ports;
    expect(udp?.nodePort).toBeDefined();
    expect(tcp?.nodePort).toBe(udp?.nodePort);
  });

  it('adds a healthCheckNodePort only for LoadBalancer with externalTrafficPolicy Local', () => {
    const sim = simulate(
      [
        svc('lb-local', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  ports: [{port: 80}]'),
        svc(
          'np-local',
          '  type: NodePort\n  externalTrafficPolicy: Local\n  ports: [{port: 80, nodePort: 30124}]',
        ),
      ].join('---'),
    );
    const hc = serviceOf(sim, 'lb-local').manifest.spec.healthCheckNodePort ?? 0;
    expect(hc).toBeGreaterThanOrEqual(30086);
    expect(hc).not.toBe(serviceOf(sim, 'lb-local').manifest.spec.ports[0]?.nodePort);
    expect(serviceOf(sim, 'np-local').manifest.spec.healthCheckNodePort).toBeUndefined();
  });

  it('never hands the same port to two Services (node ports and health-check ports share one pool)', () => {
    const yaml = Array.from({ length: 60 }, (_, i) =>
      svc(
        `s${i}`,
        `  type: LoadBalancer\n  externalTrafficPolicy: Local\n  ports: [{port: 80}, {name: b, port: 81}]`,
      ).replace('ports: [{port: 80}', 'ports: [{name: a, port: 80}'),
    ).join('---');
    const sim = simulate(yaml);
    const ports = sim.state.services.flatMap((s) => [
      ...s.manifest.spec.ports.map((p) => p.nodePort),
      s.manifest.spec.healthCheckNodePort,
    ]);
    const defined = ports.filter((p) => p !== undefined);
    expect(defined).toHaveLength(180);
    expect(new Set(defined).size).toBe(180);
  });
});

describe('LoadBalancer addresses', () => {
  it('hands out the pool from 172.18.255.200 upward, honours loadBalancerIP, frees on delete', () => {
    const sim = simulate(
      [
        svc('a', '  type: LoadBalancer\n  ports: [{port: 80}]'),
        svc('b', '  type: LoadBalancer\n  loadBalancerIP: 172.18.255.210\n  ports: [{port: 80}]'),
        svc('c', '  type: LoadBalancer\n  ports: [{port: 80}]'),
        svc('d', '  type: LoadBalancer\n  loadBalancerIP: 10.1.1.1\n  ports: [{port: 80}]'),
        // after the Services: MetalLB's controller reconciles the pending ones when its config arrives
        `\n${KIND_METALLB_POOL}`,
      ].join('---'),
    );
    const ip = (n: string, s = sim) => serviceOf(s, n).status.loadBalancer.ingress.map((i) => i.ip);
    expect(ip('a')).toEqual(['172.18.255.200']);
    expect(ip('b')).toEqual(['172.18.255.210']);
    expect(ip('c')).toEqual(['172.18.255.201']);
    expect(ip('d')).toEqual([]);
    expect(sim.state.events.some((e) => e.reason === 'AllocationFailed' && e.object === 'Service/d')).toBe(
      true,
    );
    const after = applyAction(
      applyAction(sim, { type: 'delete', kind: 'Service', namespace: 'default', name: 'a' }),
      {
        type: 'apply',
        yaml: svc('e', '  type: LoadBalancer\n  ports: [{port: 80}]'),
      },
    );
    expect(ip('e', after)).toEqual(['172.18.255.200']);
    expect(serviceOf(after, 'e').manifest.spec.ports[0]?.nodePort).toBeGreaterThanOrEqual(30086);
  });

  it("takes MetalLB's addresses back when its pool goes, but keeps a status someone else wrote", () => {
    const sim = simulate(
      [
        svc('a', '  type: LoadBalancer\n  ports: [{port: 80}]'),
        svc('b', '  type: LoadBalancer\n  ports: [{port: 80}]'),
        `\n${KIND_METALLB_POOL}`,
      ].join('---'),
    );
    const ip = (n: string, s = sim) => serviceOf(s, n).status.loadBalancer.ingress.map((i) => i.ip);
    expect(ip('a')).toEqual(['172.18.255.200']);
    const patched = applyAction(sim, {
      type: 'serviceStatus',
      namespace: 'default',
      name: 'b',
      ingress: ['203.0.113.10'],
    });
    const noPool = applyAction(patched, {
      type: 'delete',
      kind: 'IPAddressPool',
      namespace: 'metallb-system',
      name: 'kind-pool',
    });
    expect(ip('a', noPool)).toEqual([]);
    expect(ip('b', noPool)).toEqual(['203.0.113.10']);
  });
});

/**
 * What MetalLB serves and what it says (https://github.com/metallb/metallb): controller/service.go
 * (no event while its pools are empty; `IPAllocated` "Assigned IP %q"; `AllocationFailed`
 * "Failed to allocate IP for %q: %s"), internal/allocator/allocator.go (`%q is not allowed in config`),
 * internal/k8s/controllers/service_controller.go filterByLoadBalancerClass (a Service naming a class
 * is not MetalLB's when MetalLB runs without one).
 */
describe('MetalLB: which Services it serves, and its events', () => {
  const L2 = `apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: l2, namespace: metallb-system}\n`;
  const lb = (name: string, extra = '') => svc(name, `  type: LoadBalancer\n${extra}  ports: [{port: 80}]`);
  const eventsOf = (sim: ReturnType<typeof simulate>, name: string) =>
    sim.state.events.filter((e) => e.object === `Service/${name}`).map((e) => [e.reason, e.message]);
  const ip = (sim: ReturnType<typeof simulate>, n: string) =>
    serviceOf(sim, n).status.loadBalancer.ingress.map((i) => i.ip);

  it('without an IPAddressPool nothing is allocated and MetalLB says nothing (pools empty: a debug log)', () => {
    const sim = simulate([lb('a'), `\n${L2}`].join('---'));
    expect(ip(sim, 'a')).toEqual([]);
    expect(
      eventsOf(sim, 'a').filter(([reason]) => reason === 'AllocationFailed' || reason === 'IPAllocated'),
    ).toEqual([]);
  });

  it('a loadBalancerClass nobody serves stays pending, silently; the classless Service gets its address', () => {
    const sim = simulate(
      [
        lb('mine'),
        lb('theirs', '  loadBalancerClass: example.com/other-lb\n'),
        `\n${KIND_METALLB_POOL}`,
        `\n${L2}`,
      ].join('---'),
    );
    expect(ip(sim, 'mine')).toEqual(['172.18.255.200']);
    expect(eventsOf(sim, 'mine')).toContainEqual(['IPAllocated', 'Assigned IP ["172.18.255.200"]']);
    expect(ip(sim, 'theirs')).toEqual([]);
    expect(eventsOf(sim, 'theirs').filter(([reason]) => reason === 'AllocationFailed')).toEqual([]);
  });

  it('honours metallb.io/loadBalancerIPs, and refuses an address outside every pool', () => {
    const annotated = (name: string, address: string) =>
      `\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  annotations: {metallb.io/loadBalancerIPs: "${address}"}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n`;
    const sim = simulate(
      [
        annotated('wanted', '172.18.255.220'),
        annotated('outside', '10.9.9.9'),
        `\n${KIND_METALLB_POOL}`,
      ].join('---'),
    );
    expect(ip(sim, 'wanted')).toEqual(['172.18.255.220']);
    expect(ip(sim, 'outside')).toEqual([]);
    expect(eventsOf(sim, 'outside')).toContainEqual([
      'AllocationFailed',
      'Failed to allocate IP for "default/outside": ["10.9.9.9"] is not allowed in config',
    ]);
  });
});
