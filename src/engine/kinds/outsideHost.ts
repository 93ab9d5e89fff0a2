/** kubeplay's own OutsideHost kind (docs/outside-hosts.md): a server outside the cluster that the scenario's pods can reach. */
import { applyOutsideHost } from '../cluster/outsideHosts.ts';
import type { KindModule } from './kindModule.ts';
import { graphIdOfIdentity } from '../sim/objectIdentity.ts';
import { resource } from '../parse/schema/meta.ts';
import { outsideHostSpec } from '../parse/schema/outsideHost.ts';
import { buildOutsideHost } from '../parse/kinds/outsideHost.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { validateOutsideHost } from '../parse/validate/outsideHost.ts';

export const outsideHostKind: KindModule<'OutsideHost'> = {
  kind: 'OutsideHost',
  scope: 'Cluster',
  topology: true,
  graphPrefix: 'outside',
  // kubeplay's own kind for servers outside the cluster (docs/outside-hosts.md).
  versions: { 'kubeplay.dev/v1alpha1': { schema: resource({ spec: outsideHostSpec }) } },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildOutsideHost(raw, apiVersion);
    validateOutsideHost(ctx, manifest);
    return manifest;
  },
  apply(cp, manifest) {
    return applyOutsideHost(cp, manifest);
  },
  graphIds(state, identity) {
    return state.outsideHosts.some((h) => h.name === identity.name) ? [graphIdOfIdentity(identity)] : [];
  },
};
