/**
 * Service with the API server's defaults (pkg/apis/core/v1/defaults.go SetDefaults_Service and
 * SetDefaults_ServicePort): type ClusterIP, protocol TCP, targetPort = port, sessionAffinity None with
 * a 10800 s timeout when ClientIP, externalTrafficPolicy Cluster for externally reachable Services,
 * internalTrafficPolicy Cluster (not for ExternalName), allocateLoadBalancerNodePorts true for LoadBalancer.
 */
import type { ServiceManifest, ServicePort, ServiceType } from '../../model/objects.ts';
import {
  getArray,
  getBoolean,
  getIntOrString,
  getMap,
  getNumber,
  getString,
  getStringArray,
  getStringMap,
  has,
  isPlainMap,
} from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';
import { toProtocol } from './pod.ts';

export const SERVICE_TYPES: readonly ServiceType[] = [
  'ClusterIP',
  'NodePort',
  'LoadBalancer',
  'ExternalName',
];
export const DEFAULT_AFFINITY_TIMEOUT = 10800;

function buildPort(p: PlainMap): ServicePort {
  const name = getString(p, 'name');
  const port = getNumber(p, 'port') ?? 0;
  const target = getIntOrString(p, 'targetPort');
  const nodePort = getNumber(p, 'nodePort');
  return {
    ...(name ? { name } : {}),
    protocol: toProtocol(getString(p, 'protocol')),
    port,
    // An empty string or 0 means "not set" to the API server: it copies the port.
    targetPort: target === undefined || target === '' || target === 0 ? port : target,
    ...(nodePort ? { nodePort } : {}),
  };
}

export function buildService(raw: PlainMap, apiVersion: string): ServiceManifest {
  const spec = getMap(raw, 'spec');
  const typeValue = getString(spec, 'type');
  const type = SERVICE_TYPES.find((t) => t === typeValue) ?? 'ClusterIP';
  const clusterIP = getString(spec, 'clusterIP') || getStringArray(spec, 'clusterIPs')[0];
  const externalName = getString(spec, 'externalName');
  const loadBalancerIP = getString(spec, 'loadBalancerIP');
  const loadBalancerClass = getString(spec, 'loadBalancerClass');
  const sourceRanges = getStringArray(spec, 'loadBalancerSourceRanges');
  const healthCheckNodePort = getNumber(spec, 'healthCheckNodePort');
  const timeout = getNumber(getMap(getMap(spec, 'sessionAffinityConfig'), 'clientIP'), 'timeoutSeconds');
  return {
    kind: 'Service',
    apiVersion,
    metadata: buildMeta(raw, true),
    spec: {
      type,
      ...(has(spec, 'selector') ? { selector: getStringMap(spec, 'selector') } : {}),
      ports: getArray(spec, 'ports').filter(isPlainMap).map(buildPort),
      ...(clusterIP && type !== 'ExternalName' ? { clusterIP } : {}),
      ...(externalName && type === 'ExternalName' ? { externalName } : {}),
      externalIPs: getStringArray(spec, 'externalIPs'),
      sessionAffinity: getString(spec, 'sessionAffinity') === 'ClientIP' ? 'ClientIP' : 'None',
      sessionAffinityTimeoutSeconds: timeout ?? DEFAULT_AFFINITY_TIMEOUT,
      externalTrafficPolicy: getString(spec, 'externalTrafficPolicy') === 'Local' ? 'Local' : 'Cluster',
      internalTrafficPolicy: getString(spec, 'internalTrafficPolicy') === 'Local' ? 'Local' : 'Cluster',
      ...(loadBalancerIP ? { loadBalancerIP } : {}),
      ...(loadBalancerClass ? { loadBalancerClass } : {}),
      ...(sourceRanges.length > 0 ? { loadBalancerSourceRanges: sourceRanges } : {}),
      allocateLoadBalancerNodePorts: getBoolean(spec, 'allocateLoadBalancerNodePorts') ?? true,
      publishNotReadyAddresses: getBoolean(spec, 'publishNotReadyAddresses') ?? false,
      ...(healthCheckNodePort ? { healthCheckNodePort } : {}),
    },
  };
}
