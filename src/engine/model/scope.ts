import { findKindModule } from '../kinds/registry.ts';

/**
 * Whether a kind lives outside namespaces (`kubectl api-resources --namespaced=false`): the API server
 * drops a namespace given to it. Each kind module declares its scope; kinds kubeplay does not know are
 * namespaced, as most kinds are.
 */
export function isClusterScoped(kind: string): boolean {
  return findKindModule(kind)?.scope === 'Cluster';
}
