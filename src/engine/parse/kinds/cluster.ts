/** Namespace, IngressClass, Node and kind's cluster config (kind.x-k8s.io/v1alpha4). */
import type {
  ClusterConfigManifest,
  IngressClassManifest,
  KubeProxyMode,
  NamespaceManifest,
  NodeManifest,
} from '../../model/objects.ts';
import { getArray, getBoolean, getMap, getString, getStringMap, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

export function buildNamespace(raw: PlainMap, apiVersion: string): NamespaceManifest {
  return { kind: 'Namespace', apiVersion, metadata: buildMeta(raw, false) };
}

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export function buildIngressClass(raw: PlainMap, apiVersion: string): IngressClassManifest {
  const metadata = buildMeta(raw, false);
  return {
    kind: 'IngressClass',
    apiVersion,
    metadata,
    controller: getString(getMap(raw, 'spec'), 'controller') ?? '',
    isDefault: metadata.annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
  };
}

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

export function buildNode(raw: PlainMap, apiVersion: string): NodeManifest {
  const metadata = buildMeta(raw, false);
  const spec = getMap(raw, 'spec');
  const addresses = getArray(getMap(raw, 'status'), 'addresses').filter(isPlainMap);
  const internal = addresses.find((a) => getString(a, 'type') === 'InternalIP');
  const internalIP = getString(internal, 'address');
  const podCIDR = getString(spec, 'podCIDR');
  return {
    kind: 'Node',
    apiVersion,
    metadata,
    role: CONTROL_PLANE_LABELS.some((l) => l in metadata.labels) ? 'control-plane' : 'worker',
    ...(internalIP ? { internalIP } : {}),
    ...(podCIDR ? { podCIDR } : {}),
    unschedulable: getBoolean(spec, 'unschedulable') ?? false,
  };
}

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
