/**
 * OutsideHost checks, worded as the API server words the same checks on Kubernetes fields
 * (k8s.io/apimachinery/pkg/util/validation/field errors: `Required value`, `Invalid value: …`).
 */
import type { OutsideHostManifest } from '../../model/objects.ts';
import { duplicate, invalid, required } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { isDns1123Subdomain, isIPv4, isValidPortNum } from './names.ts';

export function validateOutsideHost(ctx: ObjectContext, host: OutsideHostManifest): void {
  if (!host.address) reportError(ctx, 'spec.address', required(), 'outside-address-required');
  else if (!isIPv4(host.address))
    reportError(
      ctx,
      'spec.address',
      invalid(host.address, 'must be a valid IPv4 address, (e.g. 11.11.11.11)'),
      'outside-address-invalid',
    );
  host.hostnames.forEach((name, i) => {
    const errors = isDns1123Subdomain(name);
    if (errors.length > 0)
      reportError(ctx, `spec.hostnames[${i}]`, invalid(name, errors.join(', ')), 'outside-hostname-invalid');
  });
  const seen = new Set<number>();
  host.ports.forEach((p, i) => {
    if (!isValidPortNum(p.port))
      reportError(
        ctx,
        `spec.ports[${i}].port`,
        invalid(p.port, 'must be between 1 and 65535, inclusive'),
        'outside-port-invalid',
      );
    else if (seen.has(p.port))
      reportError(ctx, `spec.ports[${i}].port`, duplicate(p.port), 'outside-port-duplicate');
    seen.add(p.port);
  });
}
