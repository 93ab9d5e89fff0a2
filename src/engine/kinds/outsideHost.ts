/** KIND */
import { applyOutsideHost } from '../cluster/outsideHosts.ts';
import type { KindModule } from './kindModule.ts';
import { buildOutsideHost } from '../parse/kinds/outsideHost.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { validateOutsideHost } from '../parse/validate/outsideHost.ts';

export const outsideHostKind: KindModule<'OutsideHost'> = {
  kind: 'OutsideHost',
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildOutsideHost(raw, apiVersion);
    validateOutsideHost(ctx, manifest);
    return manifest;
  },
  apply(cp, manifest) {
    return applyOutsideHost(cp, manifest);
  },
};
