/**
 * Service validation as the API server does it (pkg/apis/core/validation/validation.go: ValidateService,
 * validateServicePort, validateServiceExternalTrafficPolicy, validateClientIPAffinityConfig), plus the
 * node-port range check the allocator makes (pkg/registry/core/service/portallocator). Stateful checks
 * (already allocated, range full) belong to the control plane.
 */
import type { ServiceManifest } from '../../model/objects.ts';
import { duplicate, forbidden, invalid, PORT_RANGE_ERROR, required, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { report, reportError } from '../objectContext.ts';
import { getArray, getMap, getString, has, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { validateLabels } from './meta.ts';
import { isDns1123Label, isDns1123Subdomain, isIp, isValidPortName, isValidPortNum } from './names.ts';

export const NODE_PORT_RANGE = { min: 30000, max: 32767 };
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const POLICIES = ['Cluster', 'Local'];
const MAX_AFFINITY_SECONDS = 86400;
const KUBELET_PORT = 10250;

/** How Go prints the (port, protocol) key of a duplicate Service port (%#v of core.ServicePort). */
function servicePortKey(port: number, protocol: string): string {
  return `core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

export function validateService(ctx: ObjectContext, svc: ServiceManifest, raw: PlainMap): void {
  const spec = getMap(raw, 'spec');
  const rawPorts = getArray(spec, 'ports');
  const type = getString(spec, 'type') ?? 'ClusterIP';
  const headless = svc.spec.clusterIP === 'None';

  if (svc.spec.ports.length === 0 && !headless && type !== 'ExternalName') {
    reportError(ctx, 'spec.ports', required(), 'svc-ports-required');
  }
  if (!TYPES.includes(type)) reportError(ctx, 'spec.type', unsupported(type, TYPES), 'svc-type');

  const clusterIP = getString(spec, 'clusterIP');
  if (type === 'NodePort' || type === 'LoadBalancer') {
    if (headless) {
      reportError(
        ctx,
        'spec.clusterIPs[0]',
        invalid('None', `may not be set to 'None' for ${type} services`),
        'svc-headless-nodeport',
        'spec.clusterIP',
      );
    }
    if (type === 'LoadBalancer') {
      svc.spec.ports.forEach((p, i) => {
        if (p.port === KUBELET_PORT)
          reportError(
            ctx,
            `spec.ports[${i}]`,
            invalid(p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`),
            'svc-kubelet-port',
          );
      });
    }
  } else if (type === 'ExternalName') {
    if (clusterIP || has(spec, 'clusterIPs')) {
      reportError(
        ctx,
        'spec.clusterIPs',
        forbidden('may not be set for ExternalName services'),
        'svc-externalname-clusterip',
        clusterIP ? 'spec.clusterIP' : 'spec.clusterIPs',
      );
    }
    const cname = (getString(spec, 'externalName') ?? '').replace(/\.$/, '');
    if (cname.length > 0) {
      for (const msg of isDns1123Subdomain(cname))
        reportError(ctx, 'spec.externalName', invalid(cname, msg), 'svc-externalname-invalid');
    } else {
      reportError(ctx, 'spec.externalName', required(), 'svc-externalname-required');
    }
  }
  if (clusterIP && clusterIP !== 'None' && !isIp(clusterIP) && type !== 'ExternalName') {
    reportError(
      ctx,
      'spec.clusterIPs[0]',
      invalid(clusterIP, "must be empty, 'None', or a valid IP address"),
      'svc-clusterip-invalid',
      'spec.clusterIP',
    );
  }

  validatePorts(ctx, svc, rawPorts);

  if (svc.spec.selector !== undefined) validateLabels(ctx, svc.spec.selector, 'spec.selector');

  const affinity = getString(spec, 'sessionAffinity') ?? 'None';
  if (!AFFINITIES.includes(affinity))
    reportError(ctx, 'spec.sessionAffinity', unsupported(affinity, AFFINITIES), 'svc-affinity');
  const affinityConfig = has(spec, 'sessionAffinityConfig');
  if (affinity === 'ClientIP') {
    const t = svc.spec.sessionAffinityTimeoutSeconds;
    if (t <= 0 || t > MAX_AFFINITY_SECONDS) {
      reportError(
        ctx,
        'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        invalid(t, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`),
        'svc-affinity-timeout',
      );
    }
  } else if (affinity === 'None' && affinityConfig) {
    reportError(
      ctx,
      'spec.sessionAffinityConfig',
      forbidden('must not be set when session affinity is None'),
      'svc-affinity-config-forbidden',
    );
  }

  getArray(spec, 'externalIPs').forEach((ip, i) => {
    if (typeof ip === 'string' && !isIp(ip)) {
      reportError(
        ctx,
        `spec.externalIPs[${i}]`,
        invalid(ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'),
        'svc-externalip-invalid',
      );
    }
  });

  if (type === 'ClusterIP') {
    svc.spec.ports.forEach((p, i) => {
      if (p.nodePort)
        reportError(
          ctx,
          `spec.ports[${i}].nodePort`,
          forbidden("may not be used when `type` is 'ClusterIP'"),
          'svc-nodeport-on-clusterip',
        );
    });
  }

  if (has(spec, 'loadBalancerSourceRanges') && type !== 'LoadBalancer') {
    reportError(
      ctx,
      'spec.loadBalancerSourceRanges',
      forbidden("may only be used when `type` is 'LoadBalancer'"),
      'svc-lb-source-ranges',
    );
  }
  if (has(spec, 'allocateLoadBalancerNodePorts') && type !== 'LoadBalancer') {
    reportError(
      ctx,
      'spec.allocateLoadBalancerNodePorts',
      forbidden("may only be used when `type` is 'LoadBalancer'"),
      'svc-allocate-lb-nodeports',
    );
  }
  if (has(spec, 'loadBalancerIP') && type === 'LoadBalancer') {
    report(
      ctx,
      'warning',
      'spec.loadBalancerIP',
      'spec.loadBalancerIP is deprecated since v1.24 and most load balancer implementations ignore it',
      'svc-lb-ip-deprecated',
    );
  }

  validateTrafficPolicies(ctx, spec, type);
  validateIpFamilies(ctx, spec, type);
}

const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const FAMILIES = ['IPv4', 'IPv6'];

/** ValidateServiceClusterIPsRelatedFields: the family fields' values, and none of them on ExternalName. */
function validateIpFamilies(ctx: ObjectContext, spec: PlainMap | undefined, type: string): void {
  const policy = getString(spec, 'ipFamilyPolicy');
  const families = getArray(spec, 'ipFamilies');
  if (type === 'ExternalName') {
    if (policy !== undefined)
      reportError(
        ctx,
        'spec.ipFamilyPolicy',
        forbidden('may not be set for ExternalName services'),
        'svc-externalname-families',
      );
    if (families.length > 0)
      reportError(
        ctx,
        'spec.ipFamilies',
        forbidden('may not be set for ExternalName services'),
        'svc-externalname-families',
      );
    return;
  }
  if (policy !== undefined && !FAMILY_POLICIES.includes(policy))
    reportError(ctx, 'spec.ipFamilyPolicy', unsupported(policy, FAMILY_POLICIES), 'svc-family-policy');
  families.forEach((f, i) => {
    if (typeof f === 'string' && !FAMILIES.includes(f))
      reportError(ctx, `spec.ipFamilies[${i}]`, unsupported(f, FAMILIES), 'svc-ip-family');
  });
  if (policy === 'SingleStack' && families.length > 1) {
    reportError(
      ctx,
      'spec.ipFamilies',
      `Invalid value: []core.IPFamily{${families.map((f) => JSON.stringify(f)).join(', ')}}: when \`ipFamilyPolicy\` is \`SingleStack\`, at most one ip family may be specified`,
      'svc-ip-families-single',
    );
  }
}

function validatePorts(ctx: ObjectContext, svc: ServiceManifest, rawPorts: unknown[]): void {
  const names = new Set<string>();
  const seen = new Set<string>();
  const seenNodePorts = new Set<string>();
  const multi = svc.spec.ports.length > 1;
  const type = svc.spec.type;
  svc.spec.ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    const raw = rawPorts[i];
    const rawPort = isPlainMap(raw) ? raw : undefined;
    if (multi && !p.name) reportError(ctx, `${path}.name`, required(), 'svc-port-name-required');
    else if (p.name) {
      for (const msg of isDns1123Label(p.name))
        reportError(ctx, `${path}.name`, invalid(p.name, msg), 'svc-port-name-invalid');
      if (names.has(p.name)) reportError(ctx, `${path}.name`, duplicate(p.name), 'svc-port-name-duplicate');
      names.add(p.name);
    }
    if (!isValidPortNum(p.port))
      reportError(ctx, `${path}.port`, invalid(p.port, PORT_RANGE_ERROR), 'svc-port-range');
    const protocol = getString(rawPort, 'protocol') ?? 'TCP';
    if (!PROTOCOLS.includes(protocol))
      reportError(ctx, `${path}.protocol`, unsupported(protocol, PROTOCOLS), 'svc-port-protocol');
    if (typeof p.targetPort === 'number') {
      if (!isValidPortNum(p.targetPort))
        reportError(
          ctx,
          `${path}.targetPort`,
          invalid(p.targetPort, PORT_RANGE_ERROR),
          'svc-targetport-range',
        );
    } else {
      for (const msg of isValidPortName(p.targetPort))
        reportError(ctx, `${path}.targetPort`, invalid(p.targetPort, msg), 'svc-targetport-name');
    }
    if (p.nodePort !== undefined && type !== 'ClusterIP' && type !== 'ExternalName') {
      if (p.nodePort < NODE_PORT_RANGE.min || p.nodePort > NODE_PORT_RANGE.max) {
        reportError(
          ctx,
          `${path}.nodePort`,
          invalid(
            p.nodePort,
            `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`,
          ),
          'svc-nodeport-range',
        );
      }
      const npKey = `${protocol}/${p.nodePort}`;
      if (seenNodePorts.has(npKey))
        reportError(ctx, `${path}.nodePort`, duplicate(p.nodePort), 'svc-nodeport-duplicate');
      seenNodePorts.add(npKey);
    }
    const key = `${protocol}/${p.port}`;
    if (seen.has(key))
      reportError(ctx, path, `Duplicate value: ${servicePortKey(p.port, protocol)}`, 'svc-port-duplicate');
    seen.add(key);
  });
}

function validateTrafficPolicies(ctx: ObjectContext, spec: PlainMap | undefined, type: string): void {
  const externallyAccessible =
    type === 'NodePort' ||
    type === 'LoadBalancer' ||
    (type === 'ClusterIP' && getArray(spec, 'externalIPs').length > 0);
  const etp = getString(spec, 'externalTrafficPolicy');
  if (etp !== undefined && etp !== '') {
    if (!externallyAccessible) {
      reportError(
        ctx,
        'spec.externalTrafficPolicy',
        invalid(etp, 'may only be set for externally-accessible services'),
        'svc-etp-clusterip',
      );
    } else if (!POLICIES.includes(etp)) {
      reportError(ctx, 'spec.externalTrafficPolicy', unsupported(etp, POLICIES), 'svc-etp-value');
    }
  }
  const itp = getString(spec, 'internalTrafficPolicy');
  if (itp !== undefined && itp !== '' && !POLICIES.includes(itp)) {
    reportError(ctx, 'spec.internalTrafficPolicy', unsupported(itp, POLICIES), 'svc-itp-value');
  }
  const hc = spec?.['healthCheckNodePort'];
  if (typeof hc === 'number' && hc !== 0) {
    if (!(type === 'LoadBalancer' && etp === 'Local')) {
      reportError(
        ctx,
        'spec.healthCheckNodePort',
        invalid(hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"),
        'svc-healthcheck-nodeport',
      );
    } else if (!isValidPortNum(hc)) {
      reportError(ctx, 'spec.healthCheckNodePort', invalid(hc, PORT_RANGE_ERROR), 'svc-healthcheck-range');
    } else if (hc < NODE_PORT_RANGE.min || hc > NODE_PORT_RANGE.max) {
      // The health check port comes from the node-port allocator, which refuses it the same way.
      reportError(
        ctx,
        'spec.healthCheckNodePort',
        invalid(
          hc,
          `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`,
        ),
        'svc-healthcheck-range',
      );
    }
  }
}
