/**
 * How an edit recognises "the same object": by kind, namespace and name, as the API server and
 * `kubectl apply` do. Cluster-scoped kinds (Namespace, Node, IngressClass) have the empty namespace.
 */
import type { Manifest } from '../model/objects.ts';
import { findKindModule } from '../kinds/registry.ts';
import { isClusterScoped } from '../model/scope.ts';

export interface ObjectIdentity {
  kind: string;
  namespace: string;
  name: string;
}

/** `Service/default/kubia`: the key an edit matches documents by. */
export function objectKey(id: ObjectIdentity): string {
  return `${id.kind}/${id.namespace}/${id.name}`;
}

export function identityOfManifest(m: Manifest): ObjectIdentity {
  if (m.kind === 'Cluster') return { kind: 'Cluster', namespace: '', name: m.name };
  return {
    kind: m.kind,
    namespace: isClusterScoped(m.kind) ? '' : m.metadata.namespace,
    name: m.metadata.name,
  };
}

/** What the API server would call the object the raw text names (namespace defaulted to `default`). */
export function identityOfRaw(kind: string, namespace: string | undefined, name: string): ObjectIdentity {
  return { kind, namespace: isClusterScoped(kind) ? '' : namespace || 'default', name };
}

/**
 * The graph's id for an object (trace.ts's graphIdOf… scheme: `svc/default/kubia`, `node/kind-worker`):
 * the kind module's `graphPrefix`; kinds the graph does not draw get `<kind>/<namespace>/<name>` in
 * lower case. Cluster-scoped objects have no namespace part.
 */
export function graphIdOfIdentity(id: ObjectIdentity): string {
  const prefix = findKindModule(id.kind)?.graphPrefix ?? id.kind.toLowerCase();
  return id.namespace === '' ? `${prefix}/${id.name}` : `${prefix}/${id.namespace}/${id.name}`;
}
