/** MetalLB's two configuration kinds (IPAddressPool, L2Advertisement) share how they are stored, changed and removed. */
import { sameName } from '../cluster/apiServer.ts';
import { METALLB_NAMESPACE } from '../cluster/loadBalancerAllocator.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { locate } from '../cluster/diagnostics.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { IpAddressPoolManifest, L2AdvertisementManifest } from '../model/objects.ts';
import type { KindModule } from './kindModule.ts';
import { relabelled } from './relabelled.ts';

type MetalLbManifest = IpAddressPoolManifest | L2AdvertisementManifest;
type MetalLbList = 'pools' | 'l2';

/**
 * Stores the object; MetalLB's controller reads it in the next pass (retryPendingLoadBalancers).
 * MetalLB watches only its own namespace, so an object elsewhere is kept but warned about:
 * https://metallb.universe.tf/configuration/
 */
export function applyMetalLbConfig(cp: ControlPlane, manifest: MetalLbManifest): Diagnostic[] {
  const config = cp.state.metallb ?? { pools: [], l2: [] };
  if (manifest.kind === 'IPAddressPool')
    config.pools = [...config.pools.filter((p) => !sameName(p, manifest)), manifest];
  else config.l2 = [...config.l2.filter((p) => !sameName(p, manifest)), manifest];
  cp.state.metallb = config;
  if (manifest.metadata.namespace === METALLB_NAMESPACE) return [];
  return [
    locate(
      manifest,
      'metadata.namespace',
      `MetalLB reads its configuration only from its own namespace, ${METALLB_NAMESPACE}; this ${manifest.kind} is ignored`,
      'metallb-namespace',
      'warning',
    ),
  ];
}

/** Deletes one object from MetalLB's stored configuration; false when there was none of that name. */
export function removeMetalLbConfig(
  cp: ControlPlane,
  list: MetalLbList,
  namespace: string,
  name: string,
): boolean {
  const config = cp.state.metallb;
  if (!config) return false;
  const kept = (config[list] as MetalLbManifest[]).filter(
    (o) => !(o.metadata.name === name && o.metadata.namespace === namespace),
  );
  if (kept.length === config[list].length) return false;
  cp.state.metallb = { ...config, [list]: kept };
  return true;
}

/**
 * Replaces one stored object by `change` of it (`kubectl label|annotate`); false when there is none of
 * that name. The lists are copied for a write but their objects are shared, so the object is replaced.
 */
export function relabelMetalLbConfig(
  cp: ControlPlane,
  list: MetalLbList,
  namespace: string,
  name: string,
  change: <M extends MetalLbManifest>(manifest: M) => M,
): boolean {
  const config = cp.state.metallb;
  const objects: MetalLbManifest[] = config?.[list] ?? [];
  const at = objects.findIndex((o) => o.metadata.name === name && o.metadata.namespace === namespace);
  const found = objects[at];
  if (!config || !found) return false;
  cp.state.metallb = { ...config, [list]: objects.map((o, i) => (i === at ? change(o) : o)) };
  return true;
}

/** The API server's hooks for one of MetalLB's kinds, kept in `list` of the cluster's MetalLB config. */
export function metalLbStorage<K extends 'IPAddressPool' | 'L2Advertisement'>(
  list: MetalLbList,
): Pick<KindModule<K>, 'apply' | 'remove' | 'relabel'> {
  return {
    // K is one of the two MetalLB kinds, so its manifest is one of theirs (TypeScript cannot narrow K).
    apply: (cp, manifest) => applyMetalLbConfig(cp, manifest as MetalLbManifest),
    remove: (cp, namespace, name) => removeMetalLbConfig(cp, list, namespace, name),
    relabel: (cp, namespace, name, field, edit) =>
      relabelMetalLbConfig(cp, list, namespace, name, (m) => relabelled(m, field, edit)),
  };
}
