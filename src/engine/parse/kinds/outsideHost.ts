/**
 * kubeplay.dev/v1alpha1 OutsideHost: a server outside the cluster that answers HTTP (docs/outside-hosts.md).
 * Defaults: one port, 80; the body is written by the engine when absent.
 */
import type { OutsideHostManifest, OutsideHostPort } from '../../model/objects.ts';
import { getArray, getMap, getNumber, getString, getStringArray, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

export const OUTSIDE_HOST_API_VERSION = 'kubeplay.dev/v1alpha1';

export function buildOutsideHost(raw: PlainMap, apiVersion: string): OutsideHostManifest {
  const spec = getMap(raw, 'spec');
  const ports: OutsideHostPort[] = getArray(spec, 'ports')
    .filter(isPlainMap)
    .map((p) => {
      const body = getString(p, 'body');
      return { port: getNumber(p, 'port') ?? 0, ...(body !== undefined ? { body } : {}) };
    });
  return {
    kind: 'OutsideHost',
    apiVersion,
    metadata: buildMeta(raw, false),
    address: getString(spec, 'address') ?? '',
    hostnames: getStringArray(spec, 'hostnames').map((h) => h.toLowerCase().replace(/\.$/, '')),
    ports: ports.length > 0 ? ports : [{ port: 80 }],
  };
}
