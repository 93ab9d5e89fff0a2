import { describe, it, expect } from 'vitest';
import { podsOf, simulate } from '../sim/testing/simTesting.ts';
import { applyAction } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';

const readinessRc = `
apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: 3
  selector: {app: kubia}
  template:
    metadata: {labels: {app: kubia}}
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports: [{name: http, containerPort: 8080}]
        readinessProbe:
          exec:
            command: [ls, /var/ready]
---
apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  selector: {app: kubia}
  ports: [{port: 80, targetPort: http}]
`;

function endpoints(sim: Simulation, name: string) {
  return sim.state.endpoints.find((e) => e.metadata.name === name && e.metadata.namespace === 'default');
}

describe('readiness and the endpoints controller', () => {
  it('keeps pods whose exec probe finds no file in notReadyAddresses until `touch /var/ready`', () => {
    const sim = simulate(readinessRc);
    const ep = endpoints(sim, 'kubia');
    expect(ep?.managed).toBe(true);
    expect(ep?.subsets).toHaveLength(1);
    expect(ep?.subsets[0]?.addresses).toEqual([]);
    expect(ep?.subsets[0]?.notReadyAddresses).toHaveLength(3);
    expect(ep?.subsets[0]?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const pod = podsOf(sim, 'kubia-')[0];
    if (!pod) throw new Error('no pod');
    const touched = applyAction(sim, {
      type: 'podFile',
      namespace: 'default',
      name: pod.metadata.name,
      path: '/var/ready',
      present: true,
    });
    const after = endpoints(touched, 'kubia')?.subsets[0];
    expect(after?.addresses).toEqual([
      {
        ip: pod.status.podIP,
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name },
      },
    ]);
    expect(after?.notReadyAddresses).toHaveLength(2);
    const removed = applyAction(touched, {
      type: 'podFile',
      namespace: 'default',
      name: pod.metadata.name,
      path: '/var/ready',
      present: false,
    });
    expect(endpoints(removed, 'kubia')?.subsets[0]?.addresses).toEqual([]);
  });

  it('kubeplay pod ready lifts an unready override but does not beat a failing probe', () => {
    const sim = simulate(readinessRc);
    const pod = podsOf(sim, 'kubia-')[0];
    if (!pod) throw new Error('no pod');
    const name = pod.metadata.name;
    const touched = applyAction(sim, {
      type: 'podFile',
      namespace: 'default',
      name,
      path: '/var/ready',
      present: true,
    });
    const unready = applyAction(touched, { type: 'podReady', namespace: 'default', name, ready: false });
    expect(endpoints(unready, 'kubia')?.subsets[0]?.addresses).toEqual([]);
    const ready = applyAction(unready, { type: 'podReady', namespace: 'default', name, ready: true });
    expect(endpoints(ready, 'kubia')?.subsets[0]?.addresses.map((a) => a.targetRef?.name)).toEqual([name]);
    const other = podsOf(sim, 'kubia-')[1]?.metadata.name ?? '';
    const still = applyAction(sim, { type: 'podReady', namespace: 'default', name: other, ready: true });
    expect(endpoints(still, 'kubia')?.subsets[0]?.addresses).toEqual([]);
  });

  it('publishNotReadyAddresses lists unready pods as addresses', () => {
    const sim = simulate(
      readinessRc.replace(
        'selector: {app: kubia}\n  ports',
        'publishNotReadyAddresses: true\n  selector: {app: kubia}\n  ports',
      ),
    );
    expect(endpoints(sim, 'kubia')?.subsets[0]?.addresses).toHaveLength(3);
  });

  it('kubeplay pod unready / node down take pods out; ready and node up bring them back', () => {
    const sim = simulate(readinessRc.replace(/\n\s+readinessProbe:[\s\S]*?\/var\/ready\]/, ''));
    expect(endpoints(sim, 'kubia')?.subsets[0]?.addresses).toHaveLength(3);
    const pod = podsOf(sim, 'kubia-').find((p) => p.spec.nodeName === 'kind-worker2');
    if (!pod) throw new Error('no pod on worker2');
    const unready = applyAction(sim, {
      type: 'podReady',
      namespace: 'default',
      name: pod.metadata.name,
      ready: false,
    });
    expect(endpoints(unready, 'kubia')?.subsets[0]?.notReadyAddresses.map((a) => a.ip)).toEqual([
      pod.status.podIP,
    ]);
    const down = applyAction(sim, { type: 'node', name: 'kind-worker2', up: false });
    expect(endpoints(down, 'kubia')?.subsets[0]?.addresses.map((a) => a.nodeName)).toEqual([
      'kind-worker',
      'kind-worker',
    ]);
    expect(down.state.nodes.find((n) => n.name === 'kind-worker2')?.taints?.map((t) => t.key)).toContain(
      'node.kubernetes.io/unreachable',
    );
    const up = applyAction(down, { type: 'node', name: 'kind-worker2', up: true });
    expect(endpoints(up, 'kubia')?.subsets[0]?.addresses).toHaveLength(3);
  });

  it('resolves a named targetPort per pod and leaves out pods that lack the name', () => {
    const pod = (name: string, ports: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: mixed}}
spec:
  containers:
  - name: c
    image: nginx
    ports: ${ports}
---`;
    const sim = simulate(
      pod('a', '[{name: web, containerPort: 8080}]') +
        pod('b', '[{name: web, containerPort: 9090}]') +
        pod('c', '[{name: other, containerPort: 7070}]') +
        pod('d', '[{name: web, containerPort: 5353, protocol: UDP}]') +
        `
apiVersion: v1
kind: Service
metadata: {name: mixed}
spec:
  selector: {app: mixed}
  ports: [{name: http, port: 80, targetPort: web}]
`,
    );
    const subsets = endpoints(sim, 'mixed')?.subsets ?? [];
    const byPort = subsets.map((s) => [
      s.ports.map((p) => p.port),
      s.addresses.map((a) => a.targetRef?.name),
    ]);
    expect(byPort).toEqual([
      [[8080], ['a']],
      [[9090], ['b']],
    ]);
    expect(subsets[0]?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('sets the endpoint hostname when the pod subdomain names the Service', () => {
    const sim = simulate(`
apiVersion: v1
kind: Pod
metadata: {name: web-0, labels: {app: web}}
spec:
  hostname: web-0
  subdomain: web
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80}]
`);
    expect(endpoints(sim, 'web')?.subsets[0]?.addresses[0]?.hostname).toBe('web-0');
  });

  it('leaves hand-written Endpoints of a selector-less Service alone', () => {
    const sim = simulate(`
apiVersion: v1
kind: Service
metadata: {name: external-service}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: external-service}
subsets:
- addresses: [{ip: 11.11.11.11}, {ip: 22.22.22.22}]
  ports: [{port: 80}]
`);
    const ep = endpoints(sim, 'external-service');
    expect(ep?.managed).toBe(false);
    expect(ep?.subsets[0]?.addresses.map((a) => a.ip)).toEqual(['11.11.11.11', '22.22.22.22']);
  });

  it('removes the managed Endpoints with its Service', () => {
    const sim = simulate(readinessRc);
    const after = applyAction(sim, { type: 'delete', kind: 'Service', namespace: 'default', name: 'kubia' });
    expect(endpoints(after, 'kubia')).toBeUndefined();
    expect(after.state.endpoints.some((e) => e.metadata.name === 'kubernetes')).toBe(true);
  });
});

describe('node down for 5 minutes', () => {
  it('evicts the pods (replacements start on the other worker), DaemonSet pods stay', () => {
    const sim = simulate(readinessRc.replace(/\n\s+readinessProbe:[\s\S]*?\/var\/ready\]/, ''), 1, [
      { type: 'node', name: 'kind-worker2', up: false },
      { type: 'wait', seconds: 200 },
    ]);
    const onDown = podsOf(sim, 'kubia-').filter((p) => p.spec.nodeName === 'kind-worker2');
    expect(onDown.length).toBeGreaterThan(0);
    const later = applyAction(sim, { type: 'wait', seconds: 100 });
    const pods = podsOf(later, 'kubia-');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.nodeName === 'kind-worker')).toBe(true);
    expect(later.state.events.filter((e) => e.reason === 'TaintManagerEviction')).toHaveLength(onDown.length);
  });
});
