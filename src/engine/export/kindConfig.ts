/**
 * The file for `kind create cluster --config`: the scenario's own Cluster document when it has one;
 * else one built from its `v1 Node` manifests (roles from the control-plane label, labels kept);
 * else the topology kubeplay runs without either: one control plane and two workers (kind's own
 * default is a single node, so it must be spelled out).
 */
import { asCommentText } from './commentText.ts';
import type { DeclaredObject } from './manifestDocuments.ts';

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

function usage(fileName: string): string {
  return `# kind create cluster --config ${fileName}   (https://kind.sigs.k8s.io/docs/user/configuration/)
`;
}

function quoted(value: string): string {
  return JSON.stringify(value);
}

function nodeEntry(node: DeclaredObject): string[] {
  const labels = node.node.getIn(['metadata', 'labels']);
  const entries: [string, string][] =
    labels && typeof labels === 'object' && 'toJSON' in labels
      ? Object.entries((labels as { toJSON(): Record<string, unknown> }).toJSON()).map(([k, v]) => [
          k,
          String(v),
        ])
      : [];
  const controlPlane = entries.some(([key]) => CONTROL_PLANE_LABELS.includes(key));
  // kind sets the hostname and role labels itself; only the others are the scenario's own.
  const own = entries.filter(
    ([key]) => key !== 'kubernetes.io/hostname' && !key.startsWith('node-role.kubernetes.io/'),
  );
  const lines = [
    `  - role: ${controlPlane ? 'control-plane' : 'worker'}   # ${asCommentText(node.name)} in the scenario`,
  ];
  if (own.length > 0) {
    lines.push('    labels:');
    for (const [key, value] of own) lines.push(`      ${quoted(key)}: ${quoted(value)}`);
  }
  return lines;
}

export function buildKindConfig(
  fileName: string,
  clusterDocument: string | undefined,
  nodes: DeclaredObject[],
): string {
  if (clusterDocument !== undefined) return usage(fileName) + clusterDocument;
  const entries =
    nodes.length > 0
      ? nodes.flatMap(nodeEntry)
      : ['  - role: control-plane', '  - role: worker', '  - role: worker'];
  if (nodes.length > 0 && !nodes.some((n) => nodeEntry(n)[0]?.includes('control-plane')))
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
