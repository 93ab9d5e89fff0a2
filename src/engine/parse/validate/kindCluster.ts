/** kind cluster config checks (sigs.k8s.io/kind/pkg/internal/apis/config/validate.go): node roles, a control plane, proxy mode. */
import type { ClusterConfigManifest } from '../../model/objects.ts';
import { unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { report, reportError } from '../objectContext.ts';
import { getArray, getMap, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { isIPv4, isIPv6 } from './names.ts';
import { MAX_NODES, nodeLimitMessage } from '../../limits.ts';

function isIPv4Cidr(value: string): boolean {
  const [ip, bits, extra] = value.split('/');
  return (
    extra === undefined &&
    ip !== undefined &&
    isIPv4(ip) &&
    bits !== undefined &&
    /^(\d|[12]\d|3[0-2])$/.test(bits)
  );
}

function isIPv6Cidr(value: string): boolean {
  const [ip, bits] = value.split('/');
  return ip !== undefined && bits !== undefined && isIPv6(ip);
}

const KIND_ROLES = ['control-plane', 'worker'];
const PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'none'];

export function validateKindCluster(ctx: ObjectContext, cluster: ClusterConfigManifest, raw: PlainMap): void {
  const count = getArray(raw, 'nodes').length;
  if (count > MAX_NODES) {
    // One message, and no per-node checks: 100,000 workers must answer at once (limits.ts).
    reportError(ctx, 'nodes', nodeLimitMessage(count), 'limit-nodes');
    return;
  }
  getArray(raw, 'nodes').forEach((n, i) => {
    const role = isPlainMap(n) ? getString(n, 'role') : undefined;
    if (role !== undefined && !KIND_ROLES.includes(role))
      reportError(ctx, `nodes[${i}].role`, unsupported(role, KIND_ROLES), 'kind-node-role');
  });
  if (!cluster.nodes.some((n) => n.role === 'control-plane')) {
    reportError(ctx, 'nodes', 'must have at least one control-plane node', 'kind-no-control-plane');
  }
  const mode = getString(getMap(raw, 'networking'), 'kubeProxyMode');
  if (mode !== undefined && !PROXY_MODES.includes(mode))
    reportError(ctx, 'networking.kubeProxyMode', unsupported(mode, PROXY_MODES), 'kind-proxy-mode');
  for (const [field, label] of [
    ['podSubnet', 'pod'],
    ['serviceSubnet', 'service'],
  ] as const) {
    const cidr = getString(getMap(raw, 'networking'), field);
    if (cidr === undefined || cidr === '') continue;
    const path = `networking.${field}`;
    if (isIPv6Cidr(cidr))
      reportError(
        ctx,
        path,
        `kubeplay simulates IPv4 clusters only; use an IPv4 ${label} subnet such as ${field === 'podSubnet' ? '10.244.0.0/16' : '10.96.0.0/16'}`,
        'kind-ipv6',
      );
    else if (!isIPv4Cidr(cidr))
      reportError(ctx, path, `invalid ${label} subnet invalid CIDR address: ${cidr}`, 'kind-subnet-invalid');
  }
  if (mode === 'none') {
    report(
      ctx,
      'warning',
      'networking.kubeProxyMode',
      'kubeProxyMode "none" leaves Services to another proxy; kubeplay simulates iptables mode instead',
      'kind-proxy-none',
    );
  }
}
