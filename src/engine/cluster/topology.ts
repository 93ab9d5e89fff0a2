/**
 * The nodes the scenario runs on, as `kind create cluster` would make them.
 *
 * - From a kind Cluster config (kind.x-k8s.io/v1alpha4): nodes named `<cluster>-control-plane`,
 *   `<cluster>-control-plane2`, …, `<cluster>-worker`, `<cluster>-worker2`, … (kind's naming).
 * - Else from `v1 Node` manifests, when the YAML has any (they are then the whole topology).
 * - Else kind's default for this playground: one control-plane and two workers.
 *
 * Node IPs: the docker network `kind` is 172.18.0.0/16 with the bridge (gateway) at 172.18.0.1;
 * containers get .2, .3, … in start order, which we take as node order. Pod CIDRs: the
 * node-ipam controller cuts podSubnet into /24s (kube-controller-manager --node-cidr-mask-size=24)
 * and hands them out in registration order: the control-plane registers first and gets index 0.
 */
import type { ClusterConfigManifest, Manifest, NodeManifest } from '../model/objects.ts';
import type { ClusterSettings, NodeState } from '../model/state.ts';
import { formatCidr, formatIp, parseCidr, parseIp, subCidr } from './ipv4.ts';

export const DEFAULT_SETTINGS: ClusterSettings = {
  name: 'kind',
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  kubeProxyMode: 'iptables',
  dnsDomain: 'cluster.local',
  nodePortRange: { min: 30000, max: 32767 },
  nodeSubnet: '172.18.0.0/16',
};

/** The docker bridge of kind's network: where the student's machine sits relative to the cluster. */
export const LAPTOP_IP = '172.18.0.1';

export const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';
/** kubeadm puts it on control-plane nodes; cloud load balancers and MetalLB's speakers leave such nodes out. */
export const EXCLUDE_FROM_LOAD_BALANCERS = 'node.kubernetes.io/exclude-from-external-load-balancers';

interface NodeSketch {
  name: string;
  role: 'control-plane' | 'worker';
  labels: Record<string, string>;
  ip?: string;
  podCIDR?: string;
  unschedulable: boolean;
}

export interface Topology {
  settings: ClusterSettings;
  nodes: NodeState[];
}

/** kubelet's and kubeadm's well-known node labels. */
export function defaultNodeLabels(name: string, role: 'control-plane' | 'worker'): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels[EXCLUDE_FROM_LOAD_BALANCERS] = '';
  }
  return labels;
}

function sketchesFromConfig(config: ClusterConfigManifest): NodeSketch[] {
  const nodes = config.nodes.length > 0 ? config.nodes : [{ role: 'control-plane' as const, labels: {} }];
  let planes = 0;
  let workers = 0;
  return nodes.map((n) => {
    const count = n.role === 'control-plane' ? ++planes : ++workers;
    const name = `${config.name}-${n.role}${count > 1 ? String(count) : ''}`;
    return { name, role: n.role, labels: n.labels, unschedulable: false };
  });
}

function sketchesFromNodes(nodes: NodeManifest[]): NodeSketch[] {
  return nodes.map((n) => ({
    name: n.metadata.name,
    role: n.role,
    labels: n.metadata.labels,
    ...(n.internalIP ? { ip: n.internalIP } : {}),
    ...(n.podCIDR ? { podCIDR: n.podCIDR } : {}),
    unschedulable: n.unschedulable,
  }));
}

function defaultSketches(): NodeSketch[] {
  return [
    { name: 'kind-control-plane', role: 'control-plane', labels: {}, unschedulable: false },
    { name: 'kind-worker', role: 'worker', labels: {}, unschedulable: false },
    { name: 'kind-worker2', role: 'worker', labels: {}, unschedulable: false },
  ];
}

/** The i-th node's address on kind's docker network (.2 for the first). */
export function nodeIpAt(settings: ClusterSettings, index: number): string {
  const net = parseCidr(settings.nodeSubnet) ?? parseCidr(DEFAULT_SETTINGS.nodeSubnet);
  return formatIp((net?.base ?? 0) + 2 + index);
}

/** The i-th node's pod CIDR: a /24 of podSubnet (or a smaller block when podSubnet is small). */
export function podCidrAt(settings: ClusterSettings, index: number): string {
  const subnet = parseCidr(settings.podSubnet) ?? parseCidr(DEFAULT_SETTINGS.podSubnet);
  if (!subnet) return '10.244.0.0/24';
  const prefix = Math.max(24, Math.min(30, subnet.prefix + 1));
  return formatCidr(subCidr(subnet, prefix, index));
}

/** Builds the nodes the scenario runs on. `time` is their creation time. */
export function createTopology(manifests: Manifest[], time: number): Topology {
  const config = manifests.find((m): m is ClusterConfigManifest => m.kind === 'Cluster');
  const nodeManifests = manifests.filter((m): m is NodeManifest => m.kind === 'Node');
  const settings: ClusterSettings = {
    ...DEFAULT_SETTINGS,
    nodePortRange: { ...DEFAULT_SETTINGS.nodePortRange },
  };
  let sketches: NodeSketch[];
  if (config) {
    settings.name = config.name || 'kind';
    if (parseCidr(config.podSubnet)) settings.podSubnet = config.podSubnet;
    if (parseCidr(config.serviceSubnet)) settings.serviceSubnet = config.serviceSubnet;
    settings.kubeProxyMode = config.kubeProxyMode;
    sketches = sketchesFromConfig(config);
  } else if (nodeManifests.length > 0) {
    sketches = sketchesFromNodes(nodeManifests);
  } else {
    sketches = defaultSketches();
  }
  const nodes = sketches.map((s, i) => toNodeState(settings, s, i, time));
  applyControlPlaneTaints(nodes);
  return { settings, nodes };
}

function toNodeState(settings: ClusterSettings, s: NodeSketch, index: number, time: number): NodeState {
  const ip = s.ip !== undefined && parseIp(s.ip) !== undefined ? s.ip : nodeIpAt(settings, index);
  const podCIDR = s.podCIDR !== undefined && parseCidr(s.podCIDR) ? s.podCIDR : podCidrAt(settings, index);
  return {
    name: s.name,
    role: s.role,
    labels: { ...defaultNodeLabels(s.name, s.role), ...s.labels },
    ip,
    podCIDR,
    up: true,
    unschedulable: s.unschedulable,
    createdAt: time,
    taints: [],
  };
}

/** A node that joins later (a Node applied after load): the next IP and pod CIDR. */
export function createJoiningNode(
  settings: ClusterSettings,
  nodes: NodeState[],
  manifest: NodeManifest,
  time: number,
): NodeState {
  const usedIps = new Set(nodes.map((n) => n.ip));
  const usedCidrs = new Set(nodes.map((n) => n.podCIDR));
  let ipIndex = nodes.length;
  while (usedIps.has(nodeIpAt(settings, ipIndex))) ipIndex++;
  let cidrIndex = nodes.length;
  while (usedCidrs.has(podCidrAt(settings, cidrIndex))) cidrIndex++;
  const sketch = sketchesFromNodes([manifest])[0] as NodeSketch;
  const node = toNodeState(
    settings,
    {
      ...sketch,
      ip: sketch.ip ?? nodeIpAt(settings, ipIndex),
      podCIDR: sketch.podCIDR ?? podCidrAt(settings, cidrIndex),
    },
    ipIndex,
    time,
  );
  return node;
}

/**
 * kind (kubeadm) taints control-plane nodes `node-role.kubernetes.io/control-plane:NoSchedule` and
 * removes the taint when the cluster has no workers, so a single-node cluster runs user pods.
 */
export function applyControlPlaneTaints(nodes: NodeState[]): void {
  const hasWorkers = nodes.some((n) => n.role === 'worker');
  for (const node of nodes) {
    const others = (node.taints ?? []).filter((t) => t.key !== CONTROL_PLANE_TAINT);
    node.taints =
      node.role === 'control-plane' && hasWorkers
        ? [{ key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' }, ...others]
        : others;
  }
}
