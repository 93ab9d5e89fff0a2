import { describe, it, expect } from 'vitest';
import { podsOf, simulate } from '../sim/testing/simTesting.ts';
import { applyAction } from '../sim/simulation.ts';
import { kubiaRcYaml } from '../test/kubiaManifests.ts';
import { createShellSession, runCommand } from '../index.ts';

const rc = (replicas = 3) => `\n${kubiaRcYaml(replicas)}`;

const deployment = (image = 'nginx:1.25') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

describe('ReplicationController / ReplicaSet', () => {
  it('creates <name>-<5 chars> pods spread over the workers, never on the tainted control-plane', () => {
    const sim = simulate(rc());
    const pods = podsOf(sim, 'kubia-');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker', 'kind-worker2']);
    expect(pods.map((p) => p.status.podIP).sort()).toEqual(['10.244.1.2', '10.244.1.3', '10.244.2.2']);
    const created = sim.state.events.filter(
      (e) => e.object === 'ReplicationController/kubia' && e.reason === 'SuccessfulCreate',
    );
    expect(created.map((e) => e.message).sort()).toEqual(
      pods.map((p) => `Created pod: ${p.metadata.name}`).sort(),
    );
  });

  it('replaces a deleted pod with a new name and a new IP', () => {
    const sim = simulate(rc());
    const victim = podsOf(sim, 'kubia-')[0];
    if (!victim) throw new Error('no pod');
    const after = applyAction(sim, {
      type: 'delete',
      kind: 'Pod',
      namespace: 'default',
      name: victim.metadata.name,
    });
    const pods = podsOf(after, 'kubia-');
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    const fresh = pods.find((p) => !podsOf(sim, 'kubia-').some((q) => q.metadata.name === p.metadata.name));
    expect(fresh?.status.podIP).not.toBe(victim.status.podIP);
    expect(fresh?.metadata.creationTimestamp).toBeGreaterThan(victim.metadata.creationTimestamp);
  });

  it('scales up and down; scale-down removes the newest pods first', () => {
    const sim = simulate(rc(2));
    const up = applyAction(sim, {
      type: 'scale',
      kind: 'ReplicationController',
      namespace: 'default',
      name: 'kubia',
      replicas: 4,
    });
    expect(podsOf(up, 'kubia-')).toHaveLength(4);
    const down = applyAction(up, {
      type: 'scale',
      kind: 'ReplicationController',
      namespace: 'default',
      name: 'kubia',
      replicas: 2,
    });
    expect(
      podsOf(down, 'kubia-')
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(
      podsOf(sim, 'kubia-')
        .map((p) => p.metadata.name)
        .sort(),
    );
    expect(down.state.events.filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(2);
  });

  it('relabelling a pod out of the selector orphans it and brings a replacement', () => {
    const sim = simulate(rc());
    const pod = podsOf(sim, 'kubia-')[0];
    if (!pod) throw new Error('no pod');
    const after = applyAction(sim, {
      type: 'label',
      kind: 'Pod',
      namespace: 'default',
      name: pod.metadata.name,
      set: { app: 'foo' },
      remove: [],
    });
    const pods = podsOf(after, 'kubia-');
    expect(pods).toHaveLength(4);
    expect(pods.filter((p) => p.metadata.labels.app === 'kubia')).toHaveLength(3);
    expect(pods.find((p) => p.metadata.name === pod.metadata.name)?.ownerRef).toBeUndefined();
  });

  it('adopts an existing bare pod that matches instead of creating one more', () => {
    const bare = `apiVersion: v1
kind: Pod
metadata: {name: kubia-manual, labels: {app: kubia}}
spec:
  containers: [{name: kubia, image: luksa/kubia}]
---`;
    const sim = simulate(bare + rc());
    expect(podsOf(sim, 'kubia-')).toHaveLength(3);
    expect(podsOf(sim, 'kubia-manual')[0]?.ownerRef).toEqual({
      kind: 'ReplicationController',
      name: 'kubia',
    });
  });

  it('deleting the controller deletes its pods', () => {
    const sim = simulate(rc());
    const after = applyAction(sim, {
      type: 'delete',
      kind: 'ReplicationController',
      namespace: 'default',
      name: 'kubia',
    });
    expect(podsOf(after, 'kubia-')).toHaveLength(0);
    expect(after.state.events.some((e) => e.reason === 'Killing')).toBe(true);
  });

  it('gives different pod names for different seeds and the same for the same seed', () => {
    const names = (seed: number) => podsOf(simulate(rc(), seed), 'kubia-').map((p) => p.metadata.name);
    expect(names(7)).toEqual(names(7));
    expect(names(7)).not.toEqual(names(8));
  });
});

describe('Deployment', () => {
  it('makes a ReplicaSet <name>-<pod-template-hash> whose pods carry the hash label', () => {
    const sim = simulate(deployment());
    const rs = sim.state.workloads.find(
      (w) => w.manifest.kind === 'ReplicaSet' && w.manifest.metadata.name.startsWith('web-'),
    );
    const hash = rs?.manifest.metadata.name.slice('web-'.length) ?? '';
    expect(hash).toMatch(/^[bcdf4-9]{6,10}$/);
    const pods = podsOf(sim, 'web-');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));
      expect(p.metadata.labels['pod-template-hash']).toBe(hash);
      expect(p.ownerRef).toEqual({ kind: 'ReplicaSet', name: `web-${hash}` });
    }
  });

  it('a new template makes a new ReplicaSet that rolls the pods over in time; scale goes through the Deployment', () => {
    const sim = simulate(deployment());
    const started = applyAction(sim, { type: 'apply', yaml: deployment('nginx:1.27') });
    const replicaSets = (s: typeof sim) =>
      s.state.workloads.filter((w) => w.manifest.kind === 'ReplicaSet' && w.ownerRef?.name === 'web');
    // 2 replicas: maxSurge 25 % rounds up to 1, so one new pod starts beside the two old ones
    expect(replicaSets(started).map((r) => r.replicas)).toEqual([2, 1]);
    const next = applyAction(started, { type: 'wait', seconds: 10 });
    const rss = replicaSets(next);
    expect(rss).toHaveLength(2);
    expect(rss.map((r) => r.replicas)).toEqual([0, 2]);
    expect(podsOf(next, 'web-').every((p) => p.spec.containers[0]?.image === 'nginx:1.27')).toBe(true);
    const scaled = applyAction(next, {
      type: 'scale',
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
      replicas: 5,
    });
    expect(podsOf(scaled, 'web-')).toHaveLength(5);
  });

  it('runs CoreDNS as a fresh kind cluster does: two pods on the control-plane at .2 and .3', () => {
    const sim = simulate('');
    const pods = podsOf(sim, 'coredns-', 'kube-system');
    expect(pods.map((p) => [p.spec.nodeName, p.status.podIP]).sort()).toEqual([
      ['kind-control-plane', '10.244.0.2'],
      ['kind-control-plane', '10.244.0.3'],
    ]);
    expect(pods[0]?.metadata.name).toMatch(/^coredns-[bcdf4-9]+-[a-z0-9]{5}$/);
    expect(pods[0]?.spec.containers[0]?.image).toMatch(/^registry\.k8s\.io\/coredns\/coredns:/);
    expect(sim.state.namespaces.map((n) => n.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });
});

const daemonSet = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: busybox}]
`;

describe('DaemonSet', () => {
  it('runs one pod on each schedulable node', () => {
    const sim = simulate(daemonSet);
    expect(
      podsOf(sim, 'agent-')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['kind-worker', 'kind-worker2']);
    // placed by the default scheduler (a Scheduled event), pinned by the controller's node affinity
    // (https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled)
    const pod = podsOf(sim, 'agent-').find((p) => p.spec.nodeName === 'kind-worker');
    if (!pod) throw new Error('no agent pod on kind-worker');
    expect(
      sim.state.events.find((e) => e.object === `Pod/${pod.metadata.name}` && e.reason === 'Scheduled')
        ?.message,
    ).toBe(`Successfully assigned default/${pod.metadata.name} to kind-worker`);
    const yaml = runCommand(sim, createShellSession(), `kubectl get pod ${pod.metadata.name} -o yaml`);
    expect(yaml.output).toContain(
      [
        '  affinity:',
        '    nodeAffinity:',
        '      requiredDuringSchedulingIgnoredDuringExecution:',
        '        nodeSelectorTerms:',
        '        - matchFields:',
        '          - key: metadata.name',
        '            operator: In',
        '            values:',
        '            - kind-worker',
      ].join('\n'),
    );
    expect(yaml.output).toContain('  - effect: NoSchedule\n    key: node.kubernetes.io/unschedulable\n');
  });

  it('keeps its pod on a cordoned node', () => {
    // kind-worker cordoned (a Node written with spec.unschedulable) before the DaemonSet exists
    // (hand-written Nodes make the topology: these two are the whole cluster)
    const cordoned = `apiVersion: v1\nkind: Node\nmetadata: {name: kind-worker}\nspec: {unschedulable: true}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: kind-worker2}\n---${daemonSet}`;
    const sim = simulate(cordoned);
    expect(
      podsOf(sim, 'agent-')
        .filter((p) => p.metadata.deletionTimestamp === undefined)
        .map((p) => [p.spec.nodeName, p.status.phase])
        .sort(),
    ).toEqual([
      ['kind-worker', 'Running'],
      ['kind-worker2', 'Running'],
    ]);
  });
});

describe('scheduler', () => {
  it('honours nodeSelector, and leaves a pod nothing fits Pending with the FitError event', () => {
    const sim = simulate(`
apiVersion: v1
kind: Pod
metadata: {name: picky}
spec:
  nodeSelector: {disk: ssd}
  containers: [{name: c, image: busybox}]
`);
    const pod = podsOf(sim, 'picky')[0];
    expect(pod?.status.phase).toBe('Pending');
    expect(pod?.status.podIP).toBe('');
    const event = sim.state.events.find((e) => e.object === 'Pod/picky' && e.reason === 'FailedScheduling');
    expect(event?.type).toBe('Warning');
    expect(event?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const labelled = applyAction(sim, {
      type: 'label',
      kind: 'Node',
      namespace: '',
      name: 'kind-worker2',
      set: { disk: 'ssd' },
      remove: [],
    });
    const placed = podsOf(labelled, 'picky')[0];
    expect(placed?.spec.nodeName).toBe('kind-worker2');
    expect(placed?.status.phase).toBe('Running');
  });

  it('honours nodeName, even onto the control-plane', () => {
    const sim = simulate(`
apiVersion: v1
kind: Pod
metadata: {name: pinned}
spec:
  nodeName: kind-control-plane
  containers: [{name: c, image: busybox}]
`);
    expect(podsOf(sim, 'pinned')[0]?.status.podIP).toBe('10.244.0.4');
  });

  it('skips a node that is down', () => {
    const sim = simulate('', 1, [
      { type: 'node', name: 'kind-worker', up: false },
      { type: 'apply', yaml: rc() },
    ]);
    expect(podsOf(sim, 'kubia-').map((p) => p.spec.nodeName)).toEqual([
      'kind-worker2',
      'kind-worker2',
      'kind-worker2',
    ]);
  });
});
