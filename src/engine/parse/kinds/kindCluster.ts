/** kind's cluster config (kind.x-k8s.io/v1alpha4 Cluster): the topology the scenario runs on. */
import type { ClusterConfigManifest, KubeProxyMode } from '../../model/objects.ts';
import { getArray, getMap, getString, getStringMap, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';

/** kind's defaults (sigs.k8s.io/kind/pkg/apis/config/v1alpha4/default.go): name `kind`, one control-plane node. */
export const KIND_DEFAULTS = {
  name: 'kind',
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  kubeProxyMode: 'iptables' as KubeProxyMode,
};

export function buildKindCluster(raw: PlainMap, apiVersion: string): ClusterConfigManifest {
  const networking = getMap(raw, 'networking');
  const mode = getString(networking, 'kubeProxyMode');
  const nodes = getArray(raw, 'nodes')
    .filter(isPlainMap)
    .map((n) => ({
      role: getString(n, 'role') === 'worker' ? ('worker' as const) : ('control-plane' as const),
      labels: getStringMap(n, 'labels'),
    }));
  return {
    kind: 'Cluster',
    apiVersion,
    name: getString(raw, 'name') || KIND_DEFAULTS.name,
    nodes: nodes.length > 0 ? nodes : [{ role: 'control-plane', labels: {} }],
    podSubnet: getString(networking, 'podSubnet') || KIND_DEFAULTS.podSubnet,
    serviceSubnet: getString(networking, 'serviceSubnet') || KIND_DEFAULTS.serviceSubnet,
    kubeProxyMode: mode === 'ipvs' || mode === 'nftables' ? mode : KIND_DEFAULTS.kubeProxyMode,
  };
}
