/**
 * Which kinds live outside namespaces (`kubectl api-resources --namespaced=false`): the API server
 * drops a namespace given to them, and everything else defaults to `default`.
 */
const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'IngressClass',
  'Cluster',
  'OutsideHost',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
