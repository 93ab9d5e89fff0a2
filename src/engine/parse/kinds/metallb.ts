/**
 * MetalLB's configuration objects (metallb.io/v1beta1): IPAddressPool and L2Advertisement.
 * https://metallb.universe.tf/configuration/ and
 * https://github.com/metallb/metallb/blob/main/api/v1beta1/ipaddresspool_types.go (autoAssign defaults to true).
 */
import type { IpAddressPoolManifest, L2AdvertisementManifest } from '../../model/objects.ts';
import { getBoolean, getMap, getStringArray } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

export const METALLB_API_VERSION = 'metallb.io/v1beta1';

export function buildIpAddressPool(raw: PlainMap, apiVersion: string): IpAddressPoolManifest {
  const spec = getMap(raw, 'spec');
  return {
    kind: 'IPAddressPool',
    apiVersion,
    metadata: buildMeta(raw, true),
    addresses: getStringArray(spec, 'addresses'),
    autoAssign: getBoolean(spec, 'autoAssign') ?? true,
  };
}

export function buildL2Advertisement(raw: PlainMap, apiVersion: string): L2AdvertisementManifest {
  return {
    kind: 'L2Advertisement',
    apiVersion,
    metadata: buildMeta(raw, true),
    ipAddressPools: getStringArray(getMap(raw, 'spec'), 'ipAddressPools'),
  };
}
