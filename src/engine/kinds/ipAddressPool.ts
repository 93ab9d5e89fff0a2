/** MetalLB's IPAddressPool: the addresses MetalLB may give LoadBalancer Services. */
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { any, bool, obj, strList } from '../parse/schema/types.ts';
import { METALLB_NAMESPACE } from '../cluster/loadBalancerAllocator.ts';
import { metalLbStorage } from './metallb.ts';
import { buildIpAddressPool } from '../parse/kinds/metallb.ts';
import { validateIpAddressPool } from '../parse/validate/metallb.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { metaBase } from '../shell/kubectl/listing.ts';

export const ipAddressPoolKind: KindModule<'IPAddressPool'> = {
  kind: 'IPAddressPool',
  scope: 'Namespaced',
  installNamespace: METALLB_NAMESPACE,
  // MetalLB's CRD (https://github.com/metallb/metallb/tree/main/api/v1beta1)
  versions: {
    'metallb.io/v1beta1': {
      schema: resource({
        spec: obj({ addresses: strList, autoAssign: bool, avoidBuggyIPs: bool, serviceAllocation: any }),
      }),
    },
  },
  resource: {
    plural: 'ipaddresspools',
    singular: 'ipaddresspool',
    shortNames: [],
    group: 'metallb.io',
    version: 'v1beta1',
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildIpAddressPool(raw, apiVersion);
    validateIpAddressPool(ctx, manifest);
    return manifest;
  },
  ...metalLbStorage('pools'),
  list(state) {
    const kind = 'IPAddressPool' as const;
    return (state.metallb?.pools ?? []).map((pool) => ({ kind, pool, ...metaBase(pool.metadata, 0) }));
  },
  headers() {
    return ['NAME', 'AUTO ASSIGN', 'AVOID BUGGY IPS', 'ADDRESSES', 'AGE'];
  },
  row(obj, _state, _wide, age) {
    // a string column over a list prints it as JSON; avoidBuggyIPs defaults to false
    return [obj.name, String(obj.pool.autoAssign), 'false', JSON.stringify(obj.pool.addresses), age];
  },
  toApiObject(obj, _state, { head, key }) {
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
      spec: { addresses: [...obj.pool.addresses], autoAssign: obj.pool.autoAssign, avoidBuggyIPs: false },
    }) as JsonObject;
  },
};
