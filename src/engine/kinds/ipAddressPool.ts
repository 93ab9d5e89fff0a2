/** KIND */
import { METALLB_NAMESPACE } from '../cluster/apiServer.ts';
import { locate } from '../cluster/diagnostics.ts';
import type { KindModule } from './kindModule.ts';
import { applyMetalLbConfig } from './metallb.ts';
import { buildIpAddressPool } from '../parse/kinds/metallb.ts';
import { validateIpAddressPool } from '../parse/validate/metallb.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { metaBase } from '../shell/kubectl/listing.ts';

export const ipAddressPoolKind: KindModule<'IPAddressPool'> = {
  kind: 'IPAddressPool',
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildIpAddressPool(raw, apiVersion);
    validateIpAddressPool(ctx, manifest);
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
    state.metallb = { ...config, pools: keep(config.pools) };
    return state.metallb.pools.length + state.metallb.l2.length !== before;
  },
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
