/**
 * Create-or-update of one manifest, as `kubectl apply` against kube-apiserver does it: existing objects
 * (same kind, namespace, name) are updated in place, keeping what the server allocated; namespaced
 * objects need their namespace to exist (`namespaces "x" not found`, the object is not created).
 * Controllers of an applied workload run at once, so its pods exist before the next document is read.
 */
import { kindModule } from '../kinds/registry.ts';
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
  // kind's cluster config is no API object (it has no metadata): nothing to store
  if (manifest.kind === 'Cluster') return [];
  const kind = kindModule(manifest.kind);
  // A kind served by an add-on exists only where the add-on's install ran, and that install created its namespace
  const home = kind.installNamespace;
  if (
    home !== undefined &&
    manifest.metadata.namespace === home &&
    !state.namespaces.some((n) => n.name === home)
  )
    state.namespaces.push({ name: home, createdAt: state.clock });
  if (kind.scope === 'Namespaced') {
    const ns = manifest.metadata.namespace;
    if (!state.namespaces.some((n) => n.name === ns)) {
      return [locate(manifest, 'metadata.namespace', `namespaces "${ns}" not found`, 'namespace-not-found')];
    }
  }
  return kind.apply?.(cp, manifest) ?? [];
}
