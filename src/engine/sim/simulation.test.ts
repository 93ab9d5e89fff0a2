import { describe, it, expect } from 'vitest';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { applyAction, createSimulation } from './simulation.ts';
import { errorsOf, podsOf, serviceOf, simulate } from './testing/simTesting.ts';
import type { Action } from '../model/actions.ts';

const KUBIA_YAML = SCENARIO_TEXTS.kubia ?? '';

const actions: Action[] = [
  { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
  { type: 'node', name: 'kind-worker', up: false },
  { type: 'client', name: 'phone' },
  { type: 'hosts', client: 'laptop', ip: '172.18.0.3', hostnames: ['kubia.example.com'] },
  { type: 'wait', seconds: 60 },
];

describe('createSimulation / applyAction', () => {
  it('is a pure function of (files, seed, actions): same inputs give deep-equal, JSON-safe state', () => {
    const a = simulate(KUBIA_YAML, 42, actions);
    const b = simulate(KUBIA_YAML, 42, actions);
    expect(a.state).toEqual(b.state);
    expect(JSON.parse(JSON.stringify(a.state))).toEqual(a.state);
    const c = simulate(KUBIA_YAML, 43, actions);
    expect(podsOf(c, 'kubia-').map((p) => p.metadata.name)).not.toEqual(
      podsOf(a, 'kubia-').map((p) => p.metadata.name),
    );
  });

  it('replaying actions one by one equals passing them to createSimulation, and leaves the old simulation untouched', () => {
    const base = simulate(KUBIA_YAML, 5);
    const snapshot = JSON.stringify(base.state);
    let stepped = base;
    for (const action of actions) stepped = applyAction(stepped, action);
    expect(stepped.state).toEqual(simulate(KUBIA_YAML, 5, actions).state);
    expect(JSON.stringify(base.state)).toBe(snapshot);
    expect(stepped.actions).toEqual(actions);
  });

  it('never edits the previous state, whatever the action (states share unchanged parts)', () => {
    let sim = simulate(KUBIA_YAML, 3);
    const pod = podsOf(sim, 'kubia-')[0]?.metadata.name ?? '';
    const steps: Action[] = [
      { type: 'label', kind: 'Pod', namespace: 'default', name: pod, set: { app: 'other' }, remove: [] },
      { type: 'podFile', namespace: 'default', name: pod, path: '/var/ready', present: true },
      { type: 'podReady', namespace: 'default', name: pod, ready: false },
      { type: 'node', name: 'kind-worker2', up: false },
      { type: 'label', kind: 'Node', namespace: '', name: 'kind-worker', set: { disk: 'ssd' }, remove: [] },
      { type: 'delete', kind: 'Service', namespace: 'default', name: 'kubia-loadbalancer' },
      {
        type: 'apply',
        yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: kubia-loadbalancer}\nspec:\n  type: LoadBalancer\n  selector: {app: kubia}\n  ports: [{port: 80, targetPort: 8080}]\n',
      },
      { type: 'node', name: 'kind-worker2', up: true },
    ];
    for (const step of steps) {
      const before = JSON.stringify(sim.state);
      const next = applyAction(sim, step);
      expect(JSON.stringify(sim.state)).toBe(before);
      sim = next;
    }
    expect(podsOf(sim, 'kubia-').filter((p) => p.metadata.labels.app === 'kubia')).toHaveLength(3);
  });

  it('builds the book scenario: kubia pods, Services, node port 30123, an LB address, an Ingress address', () => {
    const sim = simulate(KUBIA_YAML);
    expect(errorsOf(sim)).toEqual([]);
    expect(podsOf(sim, 'kubia-')).toHaveLength(3);
    expect(serviceOf(sim, 'kubia-nodeport').manifest.spec.ports[0]?.nodePort).toBe(30123);
    expect(serviceOf(sim, 'kubia-loadbalancer').status.loadBalancer.ingress).toEqual([
      { ip: '172.18.255.200' },
    ]);
    const traefik = sim.state.pods.find((p) => p.metadata.name.startsWith('traefik-ingress-controller-'));
    const node = sim.state.nodes.find((n) => n.name === traefik?.spec.nodeName);
    expect(sim.state.ingresses[0]?.status.loadBalancer.ingress).toEqual([{ ip: node?.ip }]);
  });

  it('moves the clock: system objects at 0, documents from 120 one second apart, actions after', () => {
    const sim = simulate(KUBIA_YAML);
    expect(sim.state.nodes[0]?.createdAt).toBe(0);
    const created = sim.state.services.filter(
      (s) => s.manifest.metadata.namespace === 'default' && s.manifest.metadata.name !== 'kubernetes',
    );
    expect(created.map((s) => s.createdAt)).toEqual(
      [...created.map((s) => s.createdAt)].sort((x, y) => x - y),
    );
    expect(created[0]?.createdAt).toBeGreaterThanOrEqual(120);
    const later = applyAction(applyAction(sim, { type: 'wait', seconds: 300 }), {
      type: 'delete',
      kind: 'Pod',
      namespace: 'default',
      name: podsOf(sim, 'kubia-')[0]?.metadata.name ?? '',
    });
    expect(later.state.clock).toBe(sim.state.clock + 301);
    expect(Math.max(...podsOf(later, 'kubia-').map((p) => p.metadata.creationTimestamp))).toBe(
      later.state.clock,
    );
  });

  it('reports unknown action targets as diagnostics and never throws', () => {
    const sim = simulate(KUBIA_YAML, 1, [
      { type: 'delete', kind: 'Pod', namespace: 'default', name: 'ghost' },
      { type: 'scale', kind: 'Deployment', namespace: 'default', name: 'ghost', replicas: 2 },
      { type: 'node', name: 'nowhere', up: false },
    ]);
    expect(sim.diagnostics.filter((d) => d.file === 'actions').map((d) => [d.line, d.message])).toEqual([
      [1, 'Error from server (NotFound): pods "ghost" not found'],
      [2, 'Error from server (NotFound): deployments.apps "ghost" not found'],
      [3, 'Error from server (NotFound): nodes "nowhere" not found'],
    ]);
  });

  it('applies YAML as an action: creates new objects, reports its diagnostics under apply-N.yaml', () => {
    const sim = simulate('');
    const next = applyAction(sim, {
      type: 'apply',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 29999}]\n',
    });
    const d = next.diagnostics.find((x) => x.severity === 'error');
    expect(d?.file).toBe('apply-1.yaml');
    expect(d?.message).toContain(
      'provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('refuses objects in a namespace that does not exist', () => {
    const sim = simulate(
      'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: nope}\nspec:\n  ports: [{port: 80}]\n',
    );
    expect(errorsOf(sim)).toEqual(['metadata.namespace: namespaces "nope" not found']);
  });

  it('adds clients on the docker network and /etc/hosts entries', () => {
    const sim = simulate('', 1, actions);
    expect(sim.state.clients).toEqual([
      { name: 'laptop', ip: '172.18.0.1', hosts: [{ ip: '172.18.0.3', hostnames: ['kubia.example.com'] }] },
      { name: 'phone', ip: '172.18.0.5', hosts: [] },
    ]);
  });

  it('runs user pods on the control-plane of a single-node kind cluster, after CoreDNS', () => {
    const sim = simulate(`kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
---
apiVersion: v1
kind: Pod
metadata: {name: solo}
spec:
  containers: [{name: c, image: nginx}]
`);
    expect(sim.state.nodes.map((n) => n.name)).toEqual(['kind-control-plane']);
    expect(podsOf(sim, 'solo')[0]?.status).toMatchObject({
      phase: 'Running',
      podIP: '10.244.0.4',
      hostIP: '172.18.0.2',
    });
  });

  it('refuses to delete the default namespace, as NamespaceLifecycle does', () => {
    const sim = simulate('', 1, [{ type: 'delete', kind: 'Namespace', namespace: '', name: 'default' }]);
    expect(sim.diagnostics.find((d) => d.file === 'actions')?.message).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    );
    expect(sim.state.namespaces.some((n) => n.name === 'default')).toBe(true);
  });

  it('brings default/kubernetes back at 10.96.0.1 after a delete, as the apiserver does', () => {
    const sim = simulate('', 1, [
      { type: 'delete', kind: 'Service', namespace: 'default', name: 'kubernetes' },
    ]);
    expect(serviceOf(sim, 'kubernetes').manifest.spec.clusterIP).toBe('10.96.0.1');
    expect(sim.state.endpoints.find((e) => e.metadata.name === 'kubernetes')?.subsets[0]?.addresses).toEqual([
      { ip: '172.18.0.2' },
    ]);
  });

  it('never throws on junk actions and keeps the clock a number', () => {
    const junk = [
      { type: 'wait', seconds: Number.NaN },
      {
        type: 'scale',
        kind: 'ReplicationController',
        namespace: 'default',
        name: 'kubia',
        replicas: Infinity,
      },
      { type: 'label', kind: 'Pod', namespace: 'default', name: 'x', set: null, remove: null },
      { type: 'teleport' },
    ] as unknown as Action[];
    const sim = simulate(KUBIA_YAML, 1, junk);
    expect(Number.isFinite(sim.state.clock)).toBe(true);
    expect(sim.actions).toHaveLength(4);
  });

  it('never throws on junk input', () => {
    expect(() => createSimulation({ files: [{ file: 'x', text: '::: not yaml [' }] })).not.toThrow();
    expect(() => createSimulation({ files: null as never })).not.toThrow();
  });
});
