/** A hand-written Endpoints object (for a Service without a selector). */
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  EndpointsManifest,
} from '../../model/objects.ts';
import { getArray, getMap, getNumber, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';
import { toProtocol } from './pod.ts';

function buildAddress(a: PlainMap, namespace: string): EndpointAddress {
  const nodeName = getString(a, 'nodeName');
  const hostname = getString(a, 'hostname');
  const ref = getMap(a, 'targetRef');
  const refName = getString(ref, 'name');
  return {
    ip: getString(a, 'ip') ?? '',
    ...(nodeName ? { nodeName } : {}),
    ...(hostname ? { hostname } : {}),
    ...(ref && refName && (getString(ref, 'kind') ?? 'Pod') === 'Pod'
      ? {
          targetRef: {
            kind: 'Pod' as const,
            namespace: getString(ref, 'namespace') || namespace,
            name: refName,
          },
        }
      : {}),
  };
}

function buildPort(p: PlainMap): EndpointPort {
  const name = getString(p, 'name');
  return {
    ...(name ? { name } : {}),
    port: getNumber(p, 'port') ?? 0,
    protocol: toProtocol(getString(p, 'protocol')),
  };
}

export function buildEndpoints(raw: PlainMap, apiVersion: string): EndpointsManifest {
  const metadata = buildMeta(raw, true);
  const subsets: EndpointSubset[] = getArray(raw, 'subsets')
    .filter(isPlainMap)
    .map((s) => ({
      addresses: getArray(s, 'addresses')
        .filter(isPlainMap)
        .map((a) => buildAddress(a, metadata.namespace)),
      notReadyAddresses: getArray(s, 'notReadyAddresses')
        .filter(isPlainMap)
        .map((a) => buildAddress(a, metadata.namespace)),
      ports: getArray(s, 'ports').filter(isPlainMap).map(buildPort),
    }));
  return { kind: 'Endpoints', apiVersion, metadata, subsets };
}
