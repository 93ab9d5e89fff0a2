/** kind cluster config checks (sigs.k8s.io/kind/pkg/internal/apis/config/validate.go): node roles, a control plane, proxy mode. */
import type { ClusterConfigManifest } from '../../model/objects.ts';
import { unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { report, reportError } from '../objectContext.ts';
import { getArray, getMap, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';

const KIND_ROLES = ['control-plane', 'worker'];
const PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'none'];

export function validateKindCluster(ctx: ObjectContext, cluster: ClusterConfigManifest, raw: PlainMap): void {
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
