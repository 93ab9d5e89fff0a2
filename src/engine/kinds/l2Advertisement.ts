/** MetalLB's L2Advertisement: which pools MetalLB announces on the nodes' network (ARP in layer-2 mode). */
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { any, obj, strList } from '../parse/schema/types.ts';
import { METALLB_NAMESPACE } from '../cluster/loadBalancerAllocator.ts';
import { metalLbStorage } from './metallb.ts';
import { buildL2Advertisement } from '../parse/kinds/metallb.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { metaBase } from '../shell/kubectl/listing.ts';

export const l2AdvertisementKind: KindModule<'L2Advertisement'> = {
  kind: 'L2Advertisement',
  scope: 'Namespaced',
  installNamespace: METALLB_NAMESPACE,
  // MetalLB's CRD (https://github.com/metallb/metallb/tree/main/api/v1beta1)
  versions: {
    'metallb.io/v1beta1': {
      schema: resource({
        spec: obj({
          ipAddressPools: strList,
          ipAddressPoolSelectors: any,
          nodeSelectors: any,
          interfaces: strList,
        }),
      }),
    },
  },
  resource: {
    plural: 'l2advertisements',
    singular: 'l2advertisement',
    shortNames: [],
    group: 'metallb.io',
    version: 'v1beta1',
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion) {
    const manifest = buildL2Advertisement(raw, apiVersion);
    return manifest;
  },
  ...metalLbStorage('l2'),
  list(state) {
    const kind = 'L2Advertisement' as const;
    return (state.metallb?.l2 ?? []).map((l2) => ({ kind, l2, ...metaBase(l2.metadata, 0) }));
  },
  headers(wide) {
    return [
      'NAME',
      'IPADDRESSPOOLS',
      'IPADDRESSPOOL SELECTORS',
      'INTERFACES',
      ...(wide ? ['NODE SELECTORS'] : []),
      'AGE',
    ];
  },
  row(obj, _state, wide, age) {
    const pools = obj.l2.ipAddressPools.length ? JSON.stringify(obj.l2.ipAddressPools) : '<none>';
    return [obj.name, pools, '<none>', '<none>', ...(wide ? ['<none>'] : []), age];
  },
  toApiObject(obj, _state, { head, key }) {
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
      spec: obj.l2.ipAddressPools.length ? { ipAddressPools: [...obj.l2.ipAddressPools] } : {},
    }) as JsonObject;
  },
};
