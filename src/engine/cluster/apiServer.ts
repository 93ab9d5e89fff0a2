/**
 * Create-or-update of one manifest, as `kubectl apply` against kube-apiserver does it: existing objects
 * (same kind, namespace, name) are updated in place, keeping what the server allocated; namespaced
 * objects need their namespace to exist (`namespaces "x" not found`, the object is not created).
 * Controllers of an applied workload run at once, so its pods exist before the next document is read.
 */
import { kindModule } from '../kinds/registry.ts';
import { isClusterScoped } from '../model/scope.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ControlPlane } from './controlPlane.ts';
import { locate } from './diagnostics.ts';

export function sameName(
  a: { metadata: { name: string; namespace: string } },
  b: { metadata: { name: string; namespace: string } },
) {
  return a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
}

export function applyManifest(cp: ControlPlane, manifest: Manifest): Diagnostic[] {
  const { state } = cp;
  if (manifest.kind === 'Cluster') return [];
  // MetalLB's CRDs exist only where MetalLB is installed, and its install creates metallb-system
  if (
    (manifest.kind === 'IPAddressPool' || manifest.kind === 'L2Advertisement') &&
    manifest.metadata.namespace === METALLB_NAMESPACE &&
    !state.namespaces.some((n) => n.name === METALLB_NAMESPACE)
  )
    state.namespaces.push({ name: METALLB_NAMESPACE, createdAt: state.clock });
  if (!isClusterScoped(manifest.kind)) {
    const ns = manifest.metadata.namespace;
    if (!state.namespaces.some((n) => n.name === ns)) {
      return [locate(manifest, 'metadata.namespace', `namespaces "${ns}" not found`, 'namespace-not-found')];
    }
  }
  return kindModule(manifest.kind).apply?.(cp, manifest) ?? [];
}

/** Where MetalLB's install puts it and where its controller reads its configuration (https://metallb.universe.tf/installation/). */
export const METALLB_NAMESPACE = 'metallb-system';
