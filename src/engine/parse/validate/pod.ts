/**
 * Pod spec checks from pkg/apis/core/validation/validation.go (validateContainers, validateContainerPorts,
 * validateDNSPolicy, validateRestartPolicy), for Pods and for the pod templates of controllers.
 */
import type { PodSpec } from '../../model/objects.ts';
import { duplicate, invalid, PORT_RANGE_ERROR, required, unsupported } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import { getArray, getString, has, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { validateLabels } from './meta.ts';
import { isDns1123Label, isValidPortName, isValidPortNum } from './names.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];

function validateContainerList(ctx: ObjectContext, list: PlainMap[], path: string, names: Set<string>): void {
  list.forEach((c, i) => {
    const cPath = `${path}[${i}]`;
    const name = getString(c, 'name') ?? '';
    if (name === '') reportError(ctx, `${cPath}.name`, required(), 'container-name-required');
    else {
      for (const msg of isDns1123Label(name))
        reportError(ctx, `${cPath}.name`, invalid(name, msg), 'container-name-invalid');
      if (names.has(name)) reportError(ctx, `${cPath}.name`, duplicate(name), 'container-name-duplicate');
      names.add(name);
    }
    if ((getString(c, 'image') ?? '').trim() === '')
      reportError(ctx, `${cPath}.image`, required(), 'container-image-required');
    const portNames = new Set<string>();
    getArray(c, 'ports').forEach((p, j) => {
      if (!isPlainMap(p)) return;
      const pPath = `${cPath}.ports[${j}]`;
      const portName = getString(p, 'name');
      if (portName !== undefined && portName !== '') {
        for (const msg of isValidPortName(portName))
          reportError(ctx, `${pPath}.name`, invalid(portName, msg), 'container-port-name');
        if (portNames.has(portName))
          reportError(ctx, `${pPath}.name`, duplicate(portName), 'container-port-name-duplicate');
        portNames.add(portName);
      }
      const port = p['containerPort'];
      if (port === undefined || port === null || port === 0)
        reportError(ctx, `${pPath}.containerPort`, required(), 'container-port-required');
      else if (typeof port === 'number' && !isValidPortNum(port))
        reportError(ctx, `${pPath}.containerPort`, invalid(port, PORT_RANGE_ERROR), 'container-port-range');
      const hostPort = p['hostPort'];
      if (typeof hostPort === 'number' && hostPort !== 0 && !isValidPortNum(hostPort)) {
        reportError(
          ctx,
          `${pPath}.hostPort`,
          invalid(hostPort, PORT_RANGE_ERROR),
          'container-hostport-range',
        );
      }
      const protocol = getString(p, 'protocol');
      if (protocol !== undefined && !PROTOCOLS.includes(protocol))
        reportError(ctx, `${pPath}.protocol`, unsupported(protocol, PROTOCOLS), 'container-port-protocol');
    });
    getArray(c, 'env').forEach((e, j) => {
      if (isPlainMap(e) && !getString(e, 'name'))
        reportError(ctx, `${cPath}.env[${j}].name`, required(), 'env-name-required');
    });
  });
}

/**
 * `path` is `spec` for a Pod, `spec.template.spec` for a controller; `restartPolicies` narrows the
 * allowed values for controllers, which only accept Always.
 */
export function validatePodSpec(
  ctx: ObjectContext,
  spec: PlainMap | undefined,
  model: PodSpec,
  path: string,
  restartPolicies = RESTART_POLICIES,
): void {
  const containers = getArray(spec, 'containers').filter(isPlainMap);
  if (containers.length === 0) reportError(ctx, `${path}.containers`, required(), 'containers-required');
  const names = new Set<string>();
  validateContainerList(ctx, containers, `${path}.containers`, names);
  validateContainerList(
    ctx,
    getArray(spec, 'initContainers').filter(isPlainMap),
    `${path}.initContainers`,
    names,
  );

  if (model.hostNetwork) {
    // validateHostNetwork: with the host's network namespace a port cannot be remapped.
    model.containers.forEach((c, i) =>
      c.ports.forEach((p, j) => {
        if (p.hostPort !== undefined && p.hostPort !== p.containerPort) {
          reportError(
            ctx,
            `${path}.containers[${i}].ports[${j}].hostPort`,
            invalid(p.hostPort, 'must match `containerPort` when `hostNetwork` is true'),
            'pod-hostnetwork-hostport',
          );
        }
      }),
    );
  }

  const dnsPolicy = getString(spec, 'dnsPolicy');
  if (dnsPolicy !== undefined && !DNS_POLICIES.includes(dnsPolicy))
    reportError(ctx, `${path}.dnsPolicy`, unsupported(dnsPolicy, DNS_POLICIES), 'pod-dns-policy');
  if (dnsPolicy === 'None' && !has(spec, 'dnsConfig')) {
    reportError(
      ctx,
      `${path}.dnsConfig`,
      required('must provide `dnsConfig` when `dnsPolicy` is None'),
      'pod-dns-config-required',
    );
  }
  const restart = getString(spec, 'restartPolicy');
  if (restart !== undefined && !restartPolicies.includes(restart))
    reportError(ctx, `${path}.restartPolicy`, unsupported(restart, restartPolicies), 'pod-restart-policy');
  for (const field of ['hostname', 'subdomain'] as const) {
    const v = model[field];
    if (v)
      for (const msg of isDns1123Label(v))
        reportError(ctx, `${path}.${field}`, invalid(v, msg), `pod-${field}-invalid`);
  }
  validateLabels(ctx, model.nodeSelector, `${path}.nodeSelector`);
}
