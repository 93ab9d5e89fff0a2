/** MetalLB */
import { sameName } from '../cluster/apiServer.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import type { IpAddressPoolManifest, L2AdvertisementManifest } from '../model/objects.ts';

/** MetalLB's configuration: stored; its controller reads it in the next pass (retryPendingLoadBalancers). */
export function applyMetalLbConfig(
  cp: ControlPlane,
  manifest: IpAddressPoolManifest | L2AdvertisementManifest,
): void {
  const config = cp.state.metallb ?? { pools: [], l2: [] };
  if (manifest.kind === 'IPAddressPool')
    config.pools = [...config.pools.filter((p) => !sameName(p, manifest)), manifest];
  else config.l2 = [...config.l2.filter((p) => !sameName(p, manifest)), manifest];
  cp.state.metallb = config;
}
