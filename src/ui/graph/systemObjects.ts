/**
 * The cluster's own plumbing (CoreDNS, the kube-dns and kubernetes Services), which the graph can
 * hide: a view filter, never a change to the cluster. Ingress controller pods always stay.
 */
import type { ClusterState, GraphId } from '../../engine/index.ts';

/** The cluster's own objects that every cluster has; a view filter, never a change to the cluster. */
export function isSystemObject(namespace: string, name: string, kind: 'pod' | 'svc'): boolean {
  if (kind === 'svc')
    return (
      (namespace === 'kube-system' && name === 'kube-dns') ||
      (namespace === 'default' && name === 'kubernetes')
    );
  return namespace === 'kube-system';
}

export function withoutSystemObjects(
  state: ClusterState,
  controllers: Record<GraphId, GraphId[]>,
): ClusterState {
  const keep = new Set(Object.values(controllers).flat());
  const meta = (m: { namespace: string; name: string }) => [m.namespace, m.name] as const;
  return {
    ...state,
    pods: state.pods.filter(
      (p) =>
        keep.has(`pod/${p.metadata.namespace}/${p.metadata.name}`) ||
        !isSystemObject(...meta(p.metadata), 'pod'),
    ),
    services: state.services.filter((x) => !isSystemObject(...meta(x.manifest.metadata), 'svc')),
    endpoints: state.endpoints.filter((e) => !isSystemObject(...meta(e.metadata), 'svc')),
  };
}
