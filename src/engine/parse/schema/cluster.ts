/** Node, Namespace and kind's cluster config (kind.x-k8s.io/v1alpha4, sigs.k8s.io/kind/pkg/apis/config/v1alpha4/types.go). */
import { any, bool, obj, str, strList, strMap, arr, int } from './types.ts';

export const nodeSpec = obj({
  podCIDR: str,
  podCIDRs: strList,
  providerID: str,
  unschedulable: bool,
  taints: any,
  configSource: any,
  externalID: str,
});

export const namespaceSpec = obj({ finalizers: strList });

const kindNode = obj({
  role: str,
  image: str,
  labels: strMap,
  extraMounts: any,
  extraPortMappings: any,
  kubeadmConfigPatches: any,
  kubeadmConfigPatchesJSON6902: any,
});

export const kindCluster = obj({
  apiVersion: str,
  kind: str,
  name: str,
  nodes: arr(kindNode),
  networking: obj({
    ipFamily: str,
    apiServerPort: int,
    apiServerAddress: str,
    podSubnet: str,
    serviceSubnet: str,
    disableDefaultCNI: bool,
    kubeProxyMode: str,
    dnsSearch: strList,
  }),
  featureGates: any,
  runtimeConfig: any,
  kubeadmConfigPatches: any,
  kubeadmConfigPatchesJSON6902: any,
  containerdConfigPatches: any,
  containerdConfigPatchesJSON6902: any,
});
