/** Hand-written Endpoints checks (pkg/apis/core/validation: ValidateEndpoints, ValidateNonSpecialIP). */
import type { EndpointsManifest } from '../../model/objects.ts';
import { duplicate, invalid, PORT_RANGE_ERROR, required, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { getArray, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { isDns1123Label, isIPv4, isIp, isValidPortNum } from './names.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** Loopback, link-local and unspecified addresses may not be endpoints (ValidateNonSpecialIP). */
export function specialIpMessage(ip: string): string | undefined {
  if (ip === '0.0.0.0' || ip === '::') return 'may not be unspecified (0.0.0.0)';
  if ((isIPv4(ip) && ip.startsWith('127.')) || ip === '::1')
    return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  if ((isIPv4(ip) && ip.startsWith('169.254.')) || ip.toLowerCase().startsWith('fe80:'))
    return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (isIPv4(ip) && ip.startsWith('224.'))
    return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return undefined;
}

export function validateEndpoints(ctx: ObjectContext, ep: EndpointsManifest): void {
  ep.subsets.forEach((s, i) => {
    const sPath = `subsets[${i}]`;
    const check = (list: typeof s.addresses, field: string) =>
      list.forEach((a, j) => {
        const path = `${sPath}.${field}[${j}].ip`;
        if (a.ip === '') reportError(ctx, path, required(), 'ep-ip-required');
        else if (!isIp(a.ip))
          reportError(
            ctx,
            path,
            invalid(a.ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'),
            'ep-ip-invalid',
          );
        else {
          const special = specialIpMessage(a.ip);
          if (special) reportError(ctx, path, invalid(a.ip, special), 'ep-ip-special');
        }
      });
    check(s.addresses, 'addresses');
    check(s.notReadyAddresses, 'notReadyAddresses');
    const names = new Set<string>();
    s.ports.forEach((p, j) => {
      const pPath = `${sPath}.ports[${j}]`;
      if (s.ports.length > 1 && !p.name)
        reportError(ctx, `${pPath}.name`, required(), 'ep-port-name-required');
      if (p.name) {
        for (const msg of isDns1123Label(p.name))
          reportError(ctx, `${pPath}.name`, invalid(p.name, msg), 'ep-port-name-invalid');
        if (names.has(p.name)) reportError(ctx, `${pPath}.name`, duplicate(p.name), 'ep-port-name-duplicate');
        names.add(p.name);
      }
      if (!isValidPortNum(p.port))
        reportError(ctx, `${pPath}.port`, invalid(p.port, PORT_RANGE_ERROR), 'ep-port-range');
    });
  });
}

export function validateEndpointProtocols(ctx: ObjectContext, raw: PlainMap): void {
  getArray(raw, 'subsets').forEach((s, i) => {
    if (!isPlainMap(s)) return;
    getArray(s, 'ports').forEach((p, j) => {
      const protocol = isPlainMap(p) ? getString(p, 'protocol') : undefined;
      if (protocol !== undefined && !PROTOCOLS.includes(protocol))
        reportError(
          ctx,
          `subsets[${i}].ports[${j}].protocol`,
          unsupported(protocol, PROTOCOLS),
          'ep-port-protocol',
        );
    });
  });
}
