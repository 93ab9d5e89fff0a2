/**
 * MetalLB's admission webhook refuses a pool it cannot parse, with its config package's words
 * (https://github.com/metallb/metallb/blob/main/internal/config/config.go: "pool has no prefixes
 * defined", `invalid CIDR %q in pool %q`). Each address is a CIDR or a `first-last` range.
 */
import { parseRange } from '../../cluster/ipv4.ts';
import type { IpAddressPoolManifest } from '../../model/objects.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';

export function validateIpAddressPool(ctx: ObjectContext, pool: IpAddressPoolManifest): void {
  if (pool.addresses.length === 0) {
    reportError(ctx, 'spec.addresses', 'pool has no prefixes defined', 'metallb-pool-empty');
    return;
  }
  pool.addresses.forEach((text, i) => {
    if (parseRange(text.trim()) === undefined)
      reportError(
        ctx,
        `spec.addresses[${i}]`,
        `invalid CIDR "${text}" in pool "${pool.metadata.name}": a CIDR (172.18.255.0/24) or a range (172.18.255.200-172.18.255.250)`,
        'metallb-pool-invalid',
      );
  });
}
