/**
 * kubeplay's own CloudProviderKind kind (kubeplay.dev/v1alpha1, docs/load-balancers.md): the scenario's
 * host runs cloud-provider-kind (https://github.com/kubernetes-sigs/cloud-provider-kind), the load
 * balancer kind documents (https://kind.sigs.k8s.io/docs/user/loadbalancer/). It lives outside the
 * cluster, so no Kubernetes object says it is there; this document does, beside the kind Cluster config.
 */
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { buildMeta } from '../parse/kinds/meta.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';

export const cloudProviderKindKind: KindModule<'CloudProviderKind'> = {
  kind: 'CloudProviderKind',
  scope: 'Cluster',
  topology: true,
  // kubeplay's own kind: cloud-provider-kind runs on the host (docs/load-balancers.md).
  versions: { 'kubeplay.dev/v1alpha1': { schema: resource({}) } },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion) {
    return { kind: 'CloudProviderKind', apiVersion, metadata: buildMeta(raw, false) };
  },
  apply(cp) {
    cp.state.cloudProviderKind = true;
    return [];
  },
};
