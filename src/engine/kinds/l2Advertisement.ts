/** KIND */
import { METALLB_NAMESPACE } from '../cluster/apiServer.ts';
import { locate } from '../cluster/diagnostics.ts';
import type { KindModule } from './kindModule.ts';
import { applyMetalLbConfig } from './metallb.ts';
import { buildL2Advertisement } from '../parse/kinds/metallb.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { metaBase } from '../shell/kubectl/listing.ts';

export const l2AdvertisementKind: KindModule<'L2Advertisement'> = {
  kind: 'L2Advertisement',
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion) {
    const manifest = buildL2Advertisement(raw, apiVersion);
    return manifest;
  },
  apply(cp, manifest) {
    applyMetalLbConfig(cp, manifest);
    return manifest.metadata.namespace === METALLB_NAMESPACE
      ? []
      : [
          locate(
            manifest,
            'metadata.namespace',
            `MetalLB reads its configuration only from its own namespace, ${METALLB_NAMESPACE}; this ${manifest.kind} is ignored`,
            'metallb-namespace',
            'warning',
          ),
        ];
  },
  remove(cp, namespace, name) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const config = state.metallb;
    if (!config) return false;
    const keep = <T extends { metadata: { name: string; namespace: string } }>(list: T[]) =>
      list.filter((o) => !inNs(o.metadata));
    const before = config.pools.length + config.l2.length;
    state.metallb = { ...config, l2: keep(config.l2) };
    return state.metallb.pools.length + state.metallb.l2.length !== before;
  },
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
