import { describe, it, expect } from 'vitest';
import type { ClusterConfigManifest, NodeManifest } from '../model/objects.ts';
import { createTopology } from './topology.ts';

const config = (
  nodes: ClusterConfigManifest['nodes'],
  extra: Partial<ClusterConfigManifest> = {},
): ClusterConfigManifest => ({
  kind: 'Cluster',
  apiVersion: 'kind.x-k8s.io/v1alpha4',
  name: 'kind',
  nodes,
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  kubeProxyMode: 'iptables',
  ...extra,
});

describe('topology', () => {
  it("defaults to kind's control-plane and two workers on the docker network", () => {
    const { nodes, settings } = createTopology([], 0);
    expect(nodes.map((n) => [n.name, n.role, n.ip, n.podCIDR])).toEqual([
      ['kind-control-plane', 'control-plane', '172.18.0.2', '10.244.0.0/24'],
      ['kind-worker', 'worker', '172.18.0.3', '10.244.1.0/24'],
      ['kind-worker2', 'worker', '172.18.0.4', '10.244.2.0/24'],
    ]);
    expect(settings).toMatchObject({
      serviceSubnet: '10.96.0.0/16',
      kubeProxyMode: 'iptables',
      dnsDomain: 'cluster.local',
    });
    expect(nodes[0]?.labels).toMatchObject({
      'kubernetes.io/hostname': 'kind-control-plane',
      'node-role.kubernetes.io/control-plane': '',
      'kubernetes.io/os': 'linux',
    });
    expect(nodes[0]?.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
    expect(nodes[1]?.taints).toEqual([]);
  });

  it('follows a kind config: names, subnets, proxy mode, labels', () => {
    const { nodes, settings } = createTopology(
      [
        config(
          [
            { role: 'control-plane', labels: {} },
            { role: 'worker', labels: { tier: 'web' } },
            { role: 'worker', labels: {} },
            { role: 'worker', labels: {} },
          ],
          { name: 'demo', podSubnet: '10.10.0.0/16', serviceSubnet: '10.20.0.0/16', kubeProxyMode: 'ipvs' },
        ),
      ],
      0,
    );
    expect(nodes.map((n) => n.name)).toEqual([
      'demo-control-plane',
      'demo-worker',
      'demo-worker2',
      'demo-worker3',
    ]);
    expect(nodes[3]).toMatchObject({ ip: '172.18.0.5', podCIDR: '10.10.3.0/24' });
    expect(nodes[1]?.labels.tier).toBe('web');
    expect(settings).toMatchObject({ name: 'demo', serviceSubnet: '10.20.0.0/16', kubeProxyMode: 'ipvs' });
  });

  it('leaves a single-node cluster untainted so user pods run on it', () => {
    const { nodes } = createTopology([config([{ role: 'control-plane', labels: {} }])], 0);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]?.taints).toEqual([]);
  });

  it('takes v1 Node manifests as the whole topology', () => {
    const node = (name: string, role: 'control-plane' | 'worker', internalIP?: string): NodeManifest => ({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: { name, namespace: '', labels: {}, annotations: {} },
      role,
      ...(internalIP ? { internalIP } : {}),
      unschedulable: false,
    });
    const { nodes } = createTopology([node('cp', 'control-plane'), node('w1', 'worker', '192.168.1.10')], 0);
    expect(nodes.map((n) => [n.name, n.ip, n.podCIDR])).toEqual([
      ['cp', '172.18.0.2', '10.244.0.0/24'],
      ['w1', '192.168.1.10', '10.244.1.0/24'],
    ]);
  });
});
