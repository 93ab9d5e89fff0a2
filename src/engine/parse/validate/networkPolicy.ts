/**
 * NetworkPolicy checks, with the API server's wording (ValidateNetworkPolicySpec in
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/networking/validation/validation.go):
 * ports (protocol, number or IANA name, endPort only after a numeric port and not below it), peers
 * (at least one selector or an ipBlock, and an ipBlock alone), CIDRs and their exceptions, policyTypes.
 * Reads the raw map so that a value the builder could not type is still reported where it is written.
 */
import { parseCidr } from '../../cluster/ipv4.ts';
import { forbidden, invalid, PORT_RANGE_ERROR, required, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { getArray, getIntOrString, getMap, getNumber, getString, has, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { isValidPortName, isValidPortNum } from './names.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const POLICY_TYPES = ['Ingress', 'Egress'] as const;

function validatePort(ctx: ObjectContext, raw: PlainMap, path: string): void {
  const protocol = getString(raw, 'protocol');
  if (protocol !== undefined && !PROTOCOLS.some((p) => p === protocol))
    reportError(ctx, `${path}.protocol`, unsupported(protocol, PROTOCOLS), 'netpol-protocol');
  const port = getIntOrString(raw, 'port');
  const endPort = getNumber(raw, 'endPort');
  if (typeof port === 'number') {
    if (!isValidPortNum(port))
      reportError(ctx, `${path}.port`, invalid(port, PORT_RANGE_ERROR), 'netpol-port');
    if (endPort !== undefined) {
      if (endPort < port)
        reportError(
          ctx,
          `${path}.endPort`,
          invalid(port, 'must be greater than or equal to `port`'),
          'netpol-endport-below',
        );
      if (!isValidPortNum(endPort))
        reportError(ctx, `${path}.endPort`, invalid(endPort, PORT_RANGE_ERROR), 'netpol-endport');
    }
  } else if (typeof port === 'string') {
    if (endPort !== undefined)
      reportError(
        ctx,
        `${path}.endPort`,
        invalid(endPort, 'may not be specified when `port` is non-numeric'),
        'netpol-endport-named',
      );
    for (const msg of isValidPortName(port))
      reportError(ctx, `${path}.port`, invalid(port, msg), 'netpol-port-name');
  } else if (endPort !== undefined) {
    reportError(
      ctx,
      `${path}.endPort`,
      invalid(endPort, 'may not be specified when `port` is not specified'),
      'netpol-endport-alone',
    );
  }
}

function validateIpBlock(ctx: ObjectContext, raw: PlainMap, path: string): void {
  const cidrText = getString(raw, 'cidr') ?? '';
  if (cidrText === '') {
    reportError(ctx, `${path}.cidr`, required(), 'netpol-cidr-required');
    return;
  }
  const cidr = parseCidr(cidrText);
  if (!cidr) {
    reportError(
      ctx,
      `${path}.cidr`,
      invalid(cidrText, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'),
      'netpol-cidr',
    );
    return;
  }
  getArray(raw, 'except').forEach((e, i) => {
    const exceptPath = `${path}.except[${i}]`;
    const text = typeof e === 'string' ? e : '';
    const except = parseCidr(text);
    if (!except) {
      reportError(
        ctx,
        exceptPath,
        invalid(text, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'),
        'netpol-except-cidr',
      );
    } else if (
      except.prefix <= cidr.prefix ||
      except.base < cidr.base ||
      except.base + except.size > cidr.base + cidr.size
    ) {
      reportError(
        ctx,
        exceptPath,
        invalid(text, 'must be a strict subset of `cidr`'),
        'netpol-except-subset',
      );
    }
  });
}

function validatePeer(ctx: ObjectContext, raw: PlainMap, path: string): void {
  const count = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => has(raw, k)).length;
  if (count === 0) {
    reportError(ctx, path, required('must specify a peer'), 'netpol-peer-empty');
    return;
  }
  const block = getMap(raw, 'ipBlock');
  if (block && count > 1) {
    reportError(ctx, path, forbidden('may not specify both ipBlock and another peer'), 'netpol-peer-ipblock');
    return;
  }
  if (block) validateIpBlock(ctx, block, `${path}.ipBlock`);
}

function validateRules(ctx: ObjectContext, spec: PlainMap | undefined, key: string, peersKey: string): void {
  getArray(spec, key).forEach((rule, i) => {
    if (!isPlainMap(rule)) return;
    const path = `spec.${key}[${i}]`;
    getArray(rule, 'ports').forEach((port, j) => {
      if (isPlainMap(port)) validatePort(ctx, port, `${path}.ports[${j}]`);
    });
    getArray(rule, peersKey).forEach((peer, j) => {
      if (isPlainMap(peer)) validatePeer(ctx, peer, `${path}.${peersKey}[${j}]`);
    });
  });
}

export function validateNetworkPolicy(ctx: ObjectContext, raw: PlainMap): void {
  const spec = getMap(raw, 'spec');
  validateRules(ctx, spec, 'ingress', 'from');
  validateRules(ctx, spec, 'egress', 'to');
  const types = getArray(spec, 'policyTypes');
  types.forEach((t, i) => {
    if (typeof t !== 'string' || !POLICY_TYPES.some((p) => p === t))
      reportError(ctx, `spec.policyTypes[${i}]`, unsupported(t, POLICY_TYPES), 'netpol-policy-type');
  });
  if (types.length > POLICY_TYPES.length)
    reportError(
      ctx,
      'spec.policyTypes',
      invalid(types, 'may not specify more than two policyTypes'),
      'netpol-policy-types-many',
    );
}
