/** The Node kind: kind's nodes, their Ready condition and their addresses. */
import { nodeLimitReached } from '../cluster/capacity.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { locate } from '../cluster/diagnostics.ts';
import { findNode } from '../cluster/lookup.ts';
import { deletePod } from '../cluster/podLifecycle.ts';
import { applyControlPlaneTaints, createJoiningNode, defaultNodeLabels } from '../cluster/topology.ts';
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { nodeSpec } from '../parse/schema/cluster.ts';
import { MAX_NODES, PLAYGROUND_LIMIT_NOTE, formatCount } from '../limits.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { NodeManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { buildNode } from '../parse/kinds/node.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { formatAge } from '../shell/format/age.ts';
import { formatTimestamp, metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { L1, describeTime, events, multiline } from '../shell/kubectl/describe.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import { NODE_INFO } from '../shell/kubectl/printers.ts';
import { graphIdOfIdentity } from '../sim/objectIdentity.ts';

export const nodeKind: KindModule<'Node'> = {
  kind: 'Node',
  scope: 'Cluster',
  topology: true,
  graphPrefix: 'node',
  versions: { v1: { schema: resource({ spec: nodeSpec }) } },
  resource: { plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1' },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion) {
    const manifest = buildNode(raw, apiVersion);
    return manifest;
  },
  apply(cp, manifest) {
    return applyNode(cp, manifest);
  },
  remove(cp, _namespace, name) {
    const { state } = cp;
    const node = state.nodes.find((n) => n.name === name);
    if (!node) return false;
    state.nodes = state.nodes.filter((n) => n !== node);
    // The pod garbage collector removes pods bound to a node that no longer exists.
    for (const pod of state.pods.filter((p) => p.spec.nodeName === name)) deletePod(cp, pod);
    return true;
  },
  relabel(cp, _namespace, name, field, edit) {
    const { state } = cp;
    const node = findNode(state, name);
    if (!node) return false;
    if (field === 'labels') node.labels = edit(node.labels);
    applyControlPlaneTaints(state.nodes);
    return true;
  },
  list(state) {
    const kind = 'Node' as const;
    return state.nodes.map((node) => ({
      kind,
      node,
      namespace: '',
      name: node.name,
      labels: node.labels,
      annotations: {},
      createdAt: node.createdAt,
    }));
  },
  headers(wide) {
    return [
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : []),
    ];
  },
  row(obj, _state, wide, age) {
    const n = obj.node;
    let status = n.up ? 'Ready' : 'NotReady';
    if (n.unschedulable) status += ',SchedulingDisabled';
    const roles = Object.keys(n.labels)
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .sort();
    if (roles.length === 0 && n.role === 'control-plane') roles.push('control-plane');
    const row = [obj.name, status, roles.length ? roles.join(',') : '<none>', age, NODE_INFO.kubeletVersion];
    if (wide)
      row.push(n.ip, '<none>', NODE_INFO.osImage, NODE_INFO.kernelVersion, NODE_INFO.containerRuntimeVersion);
    return row;
  },
  describe(obj, state) {
    const lines: string[] = describeNode(obj, state);
    return lines;
  },
  toApiObject(obj, state, { head, key }) {
    const n = obj.node;
    const created = formatTimestamp(n.createdAt);
    return sortKeys({
      ...head,
      // The node's labels already hold kubelet's and kubeadm's (cluster/topology.ts defaultNodeLabels).
      metadata: metadataOf(obj, uidOf(key), { labels: n.labels }),
      spec: {
        podCIDR: n.podCIDR,
        podCIDRs: [n.podCIDR],
        providerID: `kind://docker/${state.settings.name}/${n.name}`,
        ...(n.unschedulable ? { unschedulable: true } : {}),
      },
      status: {
        addresses: [
          { address: n.ip, type: 'InternalIP' },
          { address: n.name, type: 'Hostname' },
        ],
        conditions: [
          {
            lastHeartbeatTime: created,
            lastTransitionTime: created,
            message: n.up ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
            reason: n.up ? 'KubeletReady' : 'NodeStatusUnknown',
            status: n.up ? 'True' : 'Unknown',
            type: 'Ready',
          },
        ],
        nodeInfo: {
          architecture: NODE_INFO.architecture,
          containerRuntimeVersion: NODE_INFO.containerRuntimeVersion,
          kernelVersion: NODE_INFO.kernelVersion,
          kubeletVersion: NODE_INFO.kubeletVersion,
          operatingSystem: 'linux',
          osImage: NODE_INFO.osImage,
        },
      },
    }) as JsonObject;
  },
  graphIds(_state, identity) {
    return [graphIdOfIdentity(identity)];
  },
};

function applyNode(cp: ControlPlane, manifest: NodeManifest): Diagnostic[] {
  const { state } = cp;
  const node = state.nodes.find((n) => n.name === manifest.metadata.name);
  if (node) {
    node.labels = { ...defaultNodeLabels(node.name, node.role), ...manifest.metadata.labels };
    node.unschedulable = manifest.unschedulable;
    return [];
  }
  if (nodeLimitReached(state)) {
    return [
      locate(
        manifest,
        'metadata.name',
        `Forbidden: kubeplay simulates at most ${formatCount(MAX_NODES)} nodes (${PLAYGROUND_LIMIT_NOTE})`,
        'limit-nodes',
      ),
    ];
  }
  state.nodes.push(createJoiningNode(state.settings, state.nodes, manifest, state.clock));
  applyControlPlaneTaints(state.nodes);
  return [];
}

function describeNode(obj: Extract<ListedObject, { kind: 'Node' }>, state: ClusterState): string[] {
  const n = obj.node;
  const labels = n.labels;
  const lines: string[] = [
    `Name:\t${n.name}`,
    `Roles:\t${n.role === 'control-plane' ? 'control-plane' : '<none>'}`,
  ];
  multiline(lines, 'Labels', labels);
  multiline(lines, 'Annotations', {
    'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  });
  lines.push(`CreationTimestamp:\t${describeTime(n.createdAt)}`);
  const taints =
    n.taints ??
    (n.role === 'control-plane'
      ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }]
      : []);
  if (taints.length === 0) lines.push('Taints:\t<none>');
  else
    taints.forEach((t, i) =>
      lines.push(`${i === 0 ? 'Taints:' : ''}\t${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    );
  lines.push(`Unschedulable:\t${n.unschedulable ? 'true' : 'false'}`);
  lines.push('Conditions:');
  lines.push(`${L1}Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage`);
  lines.push(`${L1}----\t------\t-----------------\t------------------\t------\t-------`);
  const t = describeTime(n.createdAt);
  const ok = n.up ? 'False' : 'Unknown';
  const why = n.up ? '' : 'Kubelet stopped posting node status.';
  lines.push(
    `${L1}MemoryPressure \t${ok} \t${t} \t${t} \t${n.up ? 'KubeletHasSufficientMemory' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet has sufficient memory available' : why}`,
  );
  lines.push(
    `${L1}DiskPressure \t${ok} \t${t} \t${t} \t${n.up ? 'KubeletHasNoDiskPressure' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet has no disk pressure' : why}`,
  );
  lines.push(
    `${L1}PIDPressure \t${ok} \t${t} \t${t} \t${n.up ? 'KubeletHasSufficientPID' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet has sufficient PID available' : why}`,
  );
  lines.push(
    `${L1}Ready \t${n.up ? 'True' : 'Unknown'} \t${t} \t${t} \t${n.up ? 'KubeletReady' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet is posting ready status' : why}`,
  );
  lines.push('Addresses:', `${L1}InternalIP:\t${n.ip}`, `${L1}Hostname:\t${n.name}`);
  lines.push('System Info:');
  lines.push(
    `${L1}Operating System:\tlinux`,
    `${L1}Architecture:\t${NODE_INFO.architecture}`,
    `${L1}Container Runtime Version:\t${NODE_INFO.containerRuntimeVersion}`,
  );
  lines.push(
    `${L1}Kubelet Version:\t${NODE_INFO.kubeletVersion}`,
    `${L1}OS Image:\t${NODE_INFO.osImage}`,
    `${L1}Kernel Version:\t${NODE_INFO.kernelVersion}`,
  );
  lines.push(
    `PodCIDR:\t${n.podCIDR}`,
    `PodCIDRs:\t${n.podCIDR}`,
    `ProviderID:\tkind://docker/${state.settings.name}/${n.name}`,
  );
  const pods = state.pods
    .filter((p) => p.spec.nodeName === n.name)
    .sort((a, b) =>
      a.metadata.namespace + a.metadata.name < b.metadata.namespace + b.metadata.name ? -1 : 1,
    );
  lines.push(`Non-terminated Pods:\t(${pods.length} in total)`);
  lines.push(`${L1}Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge`);
  lines.push(`${L1}---------\t----\t------------\t----------\t---------------\t-------------\t---`);
  for (const p of pods)
    lines.push(
      `${L1}${p.metadata.namespace}\t${p.metadata.name}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${formatAge(state.clock - p.metadata.creationTimestamp)}`,
    );
  events(lines, state, 'Node', '', n.name);
  return lines;
}
