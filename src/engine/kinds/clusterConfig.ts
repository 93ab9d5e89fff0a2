/**
 * kind's cluster config (kind.x-k8s.io/v1alpha4 Cluster): the topology a scenario runs on. Not an API
 * object: the control plane stores nothing for it and kubectl does not serve it.
 */
import { buildKindCluster } from '../parse/kinds/kindCluster.ts';
import { validateKindCluster } from '../parse/validate/kindCluster.ts';
import type { KindModule } from './kindModule.ts';
import { kindCluster } from '../parse/schema/cluster.ts';

export const clusterConfigKind: KindModule<'Cluster'> = {
  kind: 'Cluster',
  scope: 'Cluster',
  topology: true,
  versions: { 'kind.x-k8s.io/v1alpha4': { schema: kindCluster } },
  decode(raw, apiVersion, ctx) {
    const cluster = buildKindCluster(raw, apiVersion);
    validateKindCluster(ctx, cluster, raw);
    return cluster;
  },
  // the nodes it made
  graphIds(state) {
    return ['cluster', ...state.nodes.map((n) => `node/${n.name}`)];
  },
};
