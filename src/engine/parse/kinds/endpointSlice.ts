/**
 * A hand-written EndpointSlice, defaulted as the API server defaults discovery/v1
 * (pkg/apis/discovery/v1/defaults.go: a port's name defaults to '' and its protocol to TCP).
 */
import type { EndpointSliceManifest, SliceEndpoint, SlicePort } from '../../model/objects.ts';
import { getArray, getBoolean, getMap, getNumber, getString, getStringArray, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';
import { toProtocol } from './pod.ts';

function buildEndpoint(e: PlainMap, namespace: string): SliceEndpoint {
  const c = getMap(e, 'conditions');
  const conditions: SliceEndpoint['conditions'] = {};
  for (const key of ['ready', 'serving', 'terminating'] as const) {
    const value = getBoolean(c, key);
    if (value !== undefined) conditions[key] = value;
  }
  const hostname = getString(e, 'hostname');
  const nodeName = getString(e, 'nodeName');
  const zone = getString(e, 'zone');
  const ref = getMap(e, 'targetRef');
  const refName = getString(ref, 'name');
  return {
    addresses: getStringArray(e, 'addresses'),
    conditions,
    ...(hostname !== undefined ? { hostname } : {}),
    ...(nodeName !== undefined ? { nodeName } : {}),
    ...(zone !== undefined ? { zone } : {}),
    ...(ref && refName
      ? {
          targetRef: {
            kind: getString(ref, 'kind') ?? '',
            namespace: getString(ref, 'namespace') || namespace,
            name: refName,
          },
        }
      : {}),
  };
}

function buildPort(p: PlainMap): SlicePort {
  const port = getNumber(p, 'port');
  const appProtocol = getString(p, 'appProtocol');
  return {
    name: getString(p, 'name') ?? '',
    ...(port !== undefined ? { port } : {}),
    protocol: toProtocol(getString(p, 'protocol')),
    ...(appProtocol !== undefined ? { appProtocol } : {}),
  };
}

export function buildEndpointSlice(raw: PlainMap, apiVersion: string): EndpointSliceManifest {
  const metadata = buildMeta(raw, true);
  return {
    kind: 'EndpointSlice',
    apiVersion,
    metadata,
    addressType: getString(raw, 'addressType') ?? '',
    endpoints: getArray(raw, 'endpoints')
      .filter(isPlainMap)
      .map((e) => buildEndpoint(e, metadata.namespace)),
    ports: getArray(raw, 'ports').filter(isPlainMap).map(buildPort),
  };
}
