/**
 * The file for `kind create cluster --config`: the scenario's own Cluster document when it has one;
 * else one built from its `v1 Node` manifests (their role as the parser reads it, their own labels as
 * kind's per-node `labels`); else the topology kubeplay runs without either: one control plane and
 * two workers (kind's own default is a single node, so it must be spelled out).
 * kind's config reference: https://kind.sigs.k8s.io/docs/user/configuration/#extra-labels
 */
import { defaultNodeLabels } from '../cluster/topology.ts';
import type { NodeManifest } from '../model/objects.ts';
import { asCommentText } from './commentText.ts';

function usage(fileName: string): string {
  return `# kind create cluster --config ${fileName}   (https://kind.sigs.k8s.io/docs/user/configuration/)\n`;
}

function nodeEntry(node: NodeManifest): string[] {
  // kubelet sets its well-known labels itself, and refuses node-role.kubernetes.io/* as a node label.
  const kubeletOwn = defaultNodeLabels(node.metadata.name, node.role);
  const own = Object.entries(node.metadata.labels).filter(
    ([key]) => !(key in kubeletOwn) && !key.startsWith('node-role.kubernetes.io/'),
  );
  const lines = [`  - role: ${node.role}   # ${asCommentText(node.metadata.name)} in the scenario`];
  if (own.length > 0) {
    lines.push('    labels:');
    for (const [key, value] of own) lines.push(`      ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  return lines;
}

export function buildKindConfig(
  fileName: string,
  clusterDocument: string | undefined,
  nodes: readonly NodeManifest[],
): string {
  if (clusterDocument !== undefined) return usage(fileName) + clusterDocument;
  const entries =
    nodes.length > 0
      ? nodes.flatMap(nodeEntry)
      : ['  - role: control-plane', '  - role: worker', '  - role: worker'];
  // kind needs a control plane; a scenario of worker Nodes only gets one in front.
  if (nodes.length > 0 && !nodes.some((n) => n.role === 'control-plane'))
    entries.unshift('  - role: control-plane');
  return [
    usage(fileName).trimEnd(),
    '# kind names the nodes itself: kind-control-plane, kind-worker, kind-worker2, …',
    'kind: Cluster',
    'apiVersion: kind.x-k8s.io/v1alpha4',
    'nodes:',
    ...entries,
    '',
  ].join('\n');
}
