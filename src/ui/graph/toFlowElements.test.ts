import { describe, it, expect } from 'vitest';
import { createKubiaFixture, podNamed } from '../../store/testing/clusterFixture.ts';
import { getAbsoluteCenters, reuseUnchanged, toFlowElements } from './toFlowElements.ts';

const build = (state = createKubiaFixture(), overrides = {}) =>
  toFlowElements(
    {
      state,
      ingressControllers: { 'ing/default/kubia': ['pod/default/kubia-qxjsk'] },
      policies: [],
      stale: false,
    },
    overrides,
  );

describe('toFlowElements', () => {
  it('uses the Trace graph ids for every object', () => {
    const ids = build().nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cluster',
        'dns',
        'node/kind-worker',
        'pod/default/kubia-qxjsk',
        'svc/default/kubia-nodeport',
        'ep/default/kubia',
        'ing/default/kubia',
        'lb/default/kubia-loadbalancer',
        'client/laptop',
      ]),
    );
  });

  it('puts pods inside their node and nodes inside the cluster; clients and load balancers outside', () => {
    const byId = new Map(build().nodes.map((n) => [n.id, n]));
    expect(byId.get('pod/default/kubia-b6wgn')?.parentId).toBe('node/kind-worker2');
    expect(byId.get('node/kind-worker')?.parentId).toBe('cluster');
    expect(byId.get('client/laptop')?.parentId).toBeUndefined();
    expect(byId.get('lb/default/kubia-loadbalancer')?.parentId).toBeUndefined();
  });

  it('formats Service ports as kubectl does', () => {
    const svc = build().nodes.find((n) => n.id === 'svc/default/kubia-nodeport');
    expect(svc?.data).toMatchObject({ type: 'NodePort', clusterIP: '10.96.117.65', ports: '80:30123/TCP' });
  });

  it('draws each Endpoints to its pods as one bus, ready and not-ready branches apart; LB edges to every node', () => {
    const { edges } = build();
    const fromEp = edges.filter((e) => e.source === 'ep/default/kubia');
    expect(fromEp).toHaveLength(1);
    expect(fromEp[0]).toMatchObject({ type: 'bus', id: 'e:ep/default/kubia->pods' });
    const branches = (fromEp[0]!.data as { branches: { id: string; notReady: boolean }[] }).branches;
    expect(branches.map((b) => [b.id, b.notReady])).toEqual([
      ['pod/default/kubia-qxjsk', false],
      ['pod/default/kubia-b6wgn', false],
      ['pod/default/kubia-w446j', true],
    ]);
    expect(edges.filter((e) => e.source === 'lb/default/kubia-loadbalancer')).toHaveLength(3);
    expect(
      edges.some((e) => e.source === 'ing/default/kubia' && e.target === 'svc/default/kubia-nodeport'),
    ).toBe(true);
    expect(
      edges.some((e) => e.source === 'pod/default/kubia-qxjsk' && e.target === 'ing/default/kubia'),
    ).toBe(true);
  });

  it('keeps every position when only an IP changes (stable across edits)', () => {
    const before = build();
    const state = createKubiaFixture();
    podNamed(state, 'kubia-qxjsk').status.podIP = '10.244.1.99';
    const after = build(state);
    expect(after.nodes.map((n) => [n.id, n.position])).toEqual(before.nodes.map((n) => [n.id, n.position]));
  });

  it('lets dragged positions win', () => {
    const { nodes } = build(createKubiaFixture(), { 'svc/default/kubia': { x: 5, y: 7 } });
    expect(nodes.find((n) => n.id === 'svc/default/kubia')?.position).toEqual({ x: 5, y: 7 });
  });

  it('marks a down node and grows a node for more pods', () => {
    const state = createKubiaFixture();
    state.nodes[1]!.up = false;
    const one = build(state).nodes.find((n) => n.id === 'node/kind-worker')!;
    expect(one.data).toMatchObject({ up: false });
    const onWorker = podNamed(state, 'kubia-qxjsk');
    for (let i = 0; i < 30; i++) {
      state.pods.push({ ...onWorker, metadata: { ...onWorker.metadata, name: `extra-${i}` } });
    }
    const big = build(state).nodes.find((n) => n.id === 'node/kind-worker')!;
    expect((big.width ?? 0) * (big.height ?? 0)).toBeGreaterThan((one.width ?? 0) * (one.height ?? 0));
  });
});

describe('system objects', () => {
  it('hides CoreDNS and the kube-dns/kubernetes Services on request, keeping ingress controllers', () => {
    // The scenario's own system objects: CoreDNS pods and kube-dns from kind, Traefik in kube-system.
    const state = createKubiaFixture();
    const idOf = (p: { metadata: { namespace: string; name: string } }) =>
      `pod/${p.metadata.namespace}/${p.metadata.name}`;
    const coredns = idOf(state.pods.find((p) => p.metadata.name.startsWith('coredns-'))!);
    const traefik = idOf(state.pods.find((p) => p.metadata.name.startsWith('traefik-'))!);
    const input = {
      state,
      ingressControllers: { 'ing/default/kubia': [traefik] },
      policies: [],
      stale: false,
      hideSystem: true,
    };
    const ids = toFlowElements(input).nodes.map((n) => n.id);
    expect(ids).not.toContain(coredns);
    expect(ids).not.toContain('svc/kube-system/kube-dns');
    expect(ids).toContain(traefik);
    expect(toFlowElements(input).nodes.find((n) => n.id === 'dns')?.data).toMatchObject({ ip: '10.96.0.10' });
    expect(toFlowElements({ ...input, hideSystem: false }).nodes.map((n) => n.id)).toContain(coredns);
  });
});

describe('reuseUnchanged', () => {
  it('keeps the same object for unchanged nodes and a new one for changed nodes', () => {
    const first = build();
    const state = createKubiaFixture();
    podNamed(state, 'kubia-qxjsk').status.ready = false;
    const second = reuseUnchanged(first, build(state));
    const same = (id: string) =>
      second.nodes.find((n) => n.id === id) === first.nodes.find((n) => n.id === id);
    expect(same('pod/default/kubia-b6wgn')).toBe(true);
    expect(same('svc/default/kubia')).toBe(true);
    expect(same('pod/default/kubia-qxjsk')).toBe(false);
  });
});

describe('getAbsoluteCenters', () => {
  it('adds parent offsets', () => {
    const { nodes } = build();
    const centers = getAbsoluteCenters(nodes);
    const pod = nodes.find((n) => n.id === 'pod/default/kubia-qxjsk')!;
    const node = nodes.find((n) => n.id === 'node/kind-worker')!;
    const cluster = nodes.find((n) => n.id === 'cluster')!;
    expect(centers.get(pod.id)).toEqual({
      x: cluster.position.x + node.position.x + pod.position.x + (pod.width ?? 0) / 2,
      y: cluster.position.y + node.position.y + pod.position.y + (pod.height ?? 0) / 2,
    });
  });
});
