/**
 * Hand-written EndpointSlice checks, with the API server's field paths and wording
 * (ValidateEndpointSlice in
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/discovery/validation/validation.go).
 * validatePorts checks no port range (a nil port means all ports). Only IPv4 is simulated: an IPv6 or FQDN slice is accepted and kept, but serves no traffic here.
 */
import type { EndpointSliceManifest } from '../../model/objects.ts';
import { duplicate, invalid, required, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { getArray, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { specialIpMessage } from './endpoints.ts';
import { isDns1123Label, isIPv4, isIPv6, isQualifiedName } from './names.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;

function tooMany(actual: number, max: number): string {
  return `Too many: ${actual}: must have at most ${max} items`;
}

export function validateEndpointSlice(ctx: ObjectContext, slice: EndpointSliceManifest, raw: PlainMap): void {
  const type = slice.addressType;
  if (type === '') reportError(ctx, 'addressType', required(), 'eps-address-type-required');
  else if (!ADDRESS_TYPES.includes(type))
    reportError(ctx, 'addressType', unsupported(type, ADDRESS_TYPES), 'eps-address-type');

  if (slice.endpoints.length > MAX_ENDPOINTS)
    reportError(ctx, 'endpoints', tooMany(slice.endpoints.length, MAX_ENDPOINTS), 'eps-too-many');
  else
    slice.endpoints.forEach((e, i) => {
      const path = `endpoints[${i}].addresses`;
      if (e.addresses.length === 0)
        reportError(ctx, path, required('must contain at least 1 address'), 'eps-address-required');
      else if (e.addresses.length > MAX_ADDRESSES)
        reportError(ctx, path, tooMany(e.addresses.length, MAX_ADDRESSES), 'eps-addresses-too-many');
      e.addresses.forEach((address, j) => {
        const at = `${path}[${j}]`;
        if (type === 'IPv4' || type === 'IPv6') {
          const valid = type === 'IPv4' ? isIPv4(address) : isIPv6(address);
          if (!valid)
            reportError(ctx, at, invalid(address, `must be a valid ${type} address`), 'eps-address-invalid');
          else {
            const special = specialIpMessage(address);
            if (special) reportError(ctx, at, invalid(address, special), 'eps-address-special');
          }
        }
      });
      if (e.hostname !== undefined)
        for (const msg of isDns1123Label(e.hostname))
          reportError(ctx, `endpoints[${i}].hostname`, invalid(e.hostname, msg), 'eps-hostname');
    });

  if (slice.ports.length > MAX_PORTS)
    reportError(ctx, 'ports', tooMany(slice.ports.length, MAX_PORTS), 'eps-ports-too-many');
  else {
    const names = new Set<string>();
    slice.ports.forEach((p, i) => {
      const path = `ports[${i}]`;
      if (p.name.length > 0)
        for (const msg of isDns1123Label(p.name))
          reportError(ctx, `${path}.name`, invalid(p.name, msg), 'eps-port-name');
      if (names.has(p.name)) reportError(ctx, `${path}.name`, duplicate(p.name), 'eps-port-name-duplicate');
      names.add(p.name);
      if (p.appProtocol !== undefined)
        for (const msg of isQualifiedName(p.appProtocol))
          reportError(ctx, `${path}.appProtocol`, invalid(p.appProtocol, msg), 'eps-app-protocol');
    });
  }
  // The protocol is defaulted to TCP when absent; a written one must be supported.
  getArray(raw, 'ports').forEach((p, i) => {
    const protocol = isPlainMap(p) ? getString(p, 'protocol') : undefined;
    if (protocol !== undefined && !PROTOCOLS.includes(protocol))
      reportError(ctx, `ports[${i}].protocol`, unsupported(protocol, PROTOCOLS), 'eps-port-protocol');
  });
}
