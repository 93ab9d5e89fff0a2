/**
 * Ingress and IngressClass checks (pkg/apis/networking/validation/validation.go): rules or a default
 * backend, hosts (DNS names, single-label wildcards, never IPs), paths per pathType, backends (service
 * name and exactly one of port name / number), class name and the class annotation agreeing.
 */
import type { IngressBackend, IngressClassManifest, IngressManifest } from '../../model/objects.ts';
import { invalid, required, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { getArray, getMap, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { isBetaIngress, PATH_TYPES } from '../kinds/ingress.ts';
import {
  isDns1035Label,
  isDns1123Subdomain,
  isIp,
  isValidPortName,
  isValidPortNum,
  isWildcardDns1123Subdomain,
} from './names.ts';
import { PORT_RANGE_ERROR } from '../messages.ts';

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateHost(ctx: ObjectContext, host: string, path: string): void {
  if (isIp(host)) {
    reportError(ctx, path, invalid(host, 'must be a DNS name, not an IP address'), 'ing-host-ip');
    return;
  }
  const msgs = host.includes('*') ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host);
  for (const msg of msgs) reportError(ctx, path, invalid(host, msg), 'ing-host-invalid');
}

function validateBackend(ctx: ObjectContext, b: IngressBackend, path: string): void {
  if (b.resource && b.service) {
    reportError(ctx, path, invalid('', 'cannot set both resource and service backends'), 'ing-backend-both');
    return;
  }
  if (b.resource) {
    if (!b.resource.kind) reportError(ctx, `${path}.resource.kind`, required(), 'ing-resource-kind');
    if (!b.resource.name) reportError(ctx, `${path}.resource.name`, required(), 'ing-resource-name');
    return;
  }
  if (!b.service) {
    reportError(ctx, path, invalid('', 'resource or service backend is required'), 'ing-backend-required');
    return;
  }
  const name = b.service.name;
  if (name === '') reportError(ctx, `${path}.service.name`, required(), 'ing-service-name-required');
  else
    for (const msg of isDns1035Label(name))
      reportError(ctx, `${path}.service.name`, invalid(name, msg), 'ing-service-name-invalid');
  const { name: portName, number } = b.service.port;
  if (portName && number)
    reportError(ctx, path, invalid('', 'cannot set both port name & port number'), 'ing-port-both');
  else if (portName) {
    for (const msg of isValidPortName(portName))
      reportError(ctx, `${path}.service.port.name`, invalid(portName, msg), 'ing-port-name');
  } else if (number) {
    if (!isValidPortNum(number))
      reportError(ctx, `${path}.service.port.number`, invalid(number, PORT_RANGE_ERROR), 'ing-port-range');
  } else {
    reportError(ctx, path, required('port name or number is required'), 'ing-port-required');
  }
}

export function validateIngress(ctx: ObjectContext, ing: IngressManifest, raw: PlainMap): void {
  const spec = getMap(raw, 'spec');
  const beta = isBetaIngress(ing.apiVersion);
  if (!ing.spec.defaultBackend && ing.spec.rules.length === 0) {
    reportError(
      ctx,
      'spec',
      'Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
      'ing-empty',
    );
  }
  if (ing.spec.defaultBackend)
    validateBackend(ctx, ing.spec.defaultBackend, beta ? 'spec.backend' : 'spec.defaultBackend');
  const rawRules = getArray(spec, 'rules');
  ing.spec.rules.forEach((rule, i) => {
    const rPath = `spec.rules[${i}]`;
    if (rule.host !== undefined) validateHost(ctx, rule.host, `${rPath}.host`);
    const rawRule = rawRules[i];
    const http = isPlainMap(rawRule) ? getMap(rawRule, 'http') : undefined;
    if (http && rule.paths.length === 0)
      reportError(ctx, `${rPath}.http.paths`, required(), 'ing-paths-required');
    const rawPaths = getArray(http, 'paths');
    rule.paths.forEach((p, j) => {
      const pPath = `${rPath}.http.paths[${j}]`;
      const rawPath = rawPaths[j];
      const pathType = isPlainMap(rawPath) ? getString(rawPath, 'pathType') : undefined;
      if (pathType === undefined && !beta) {
        reportError(
          ctx,
          `${pPath}.pathType`,
          required('pathType must be specified'),
          'ing-pathtype-required',
        );
      } else if (pathType !== undefined && !PATH_TYPES.some((t) => t === pathType)) {
        reportError(ctx, `${pPath}.pathType`, unsupported(pathType, PATH_TYPES), 'ing-pathtype-value');
      } else if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
        if (!p.path.startsWith('/'))
          reportError(ctx, `${pPath}.path`, invalid(p.path, 'must be an absolute path'), 'ing-path-absolute');
        if (p.path.length > 0) {
          for (const seq of INVALID_SEQUENCES) {
            if (p.path.includes(seq))
              reportError(
                ctx,
                `${pPath}.path`,
                invalid(p.path, `must not contain '${seq}'`),
                'ing-path-sequence',
              );
          }
          for (const suffix of INVALID_SUFFIXES) {
            if (p.path.endsWith(suffix))
              reportError(
                ctx,
                `${pPath}.path`,
                invalid(p.path, `cannot end with '${suffix}'`),
                'ing-path-suffix',
              );
          }
        }
      } else if (p.path.length > 0 && !p.path.startsWith('/')) {
        reportError(ctx, `${pPath}.path`, invalid(p.path, 'must be an absolute path'), 'ing-path-absolute');
      }
      validateBackend(ctx, p.backend, `${pPath}.backend`);
    });
  });
  ing.spec.tls.forEach((t, i) => {
    t.hosts.forEach((h, j) => {
      const msgs = h.includes('*') ? isWildcardDns1123Subdomain(h) : isDns1123Subdomain(h);
      for (const msg of msgs) reportError(ctx, `spec.tls[${i}].hosts[${j}]`, invalid(h, msg), 'ing-tls-host');
    });
  });
  const className = ing.spec.ingressClassName;
  if (className !== undefined) {
    for (const msg of isDns1123Subdomain(className))
      reportError(ctx, 'spec.ingressClassName', invalid(className, msg), 'ing-class-name');
    const annotation = ing.metadata.annotations[INGRESS_CLASS_ANNOTATION];
    if (annotation !== undefined && annotation !== className) {
      reportError(
        ctx,
        `annotations.${INGRESS_CLASS_ANNOTATION}`,
        invalid(annotation, 'must match `ingressClassName` when both are specified'),
        'ing-class-annotation-mismatch',
        `metadata.annotations.${INGRESS_CLASS_ANNOTATION}`,
      );
    }
  }
}

export function validateIngressClass(ctx: ObjectContext, cls: IngressClassManifest): void {
  const controller = cls.controller;
  if (controller === '') {
    reportError(ctx, 'spec.controller', required(), 'ingclass-controller-required');
    return;
  }
  const slash = controller.indexOf('/');
  const domain = slash > 0 ? controller.slice(0, slash) : '';
  if (slash <= 0 || slash === controller.length - 1) {
    reportError(
      ctx,
      'spec.controller',
      invalid(controller, 'must be a domain-prefixed path (such as "acme.io/foo")'),
      'ingclass-controller-invalid',
    );
  } else {
    for (const msg of isDns1123Subdomain(domain))
      reportError(ctx, 'spec.controller', invalid(domain, msg), 'ingclass-controller-invalid');
  }
}
