/** A v1 Node written by hand: role from the node-role label, InternalIP from status, podCIDR, unschedulable. */
import type { NodeManifest } from '../../model/objects.ts';
import { getArray, getBoolean, getMap, getString, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

export function buildNode(raw: PlainMap, apiVersion: string): NodeManifest {
  const metadata = buildMeta(raw, false);
  const spec = getMap(raw, 'spec');
  const addresses = getArray(getMap(raw, 'status'), 'addresses').filter(isPlainMap);
  const internal = addresses.find((a) => getString(a, 'type') === 'InternalIP');
  const internalIP = getString(internal, 'address');
  const podCIDR = getString(spec, 'podCIDR');
  return {
    kind: 'Node',
    apiVersion,
    metadata,
    role: CONTROL_PLANE_LABELS.some((l) => l in metadata.labels) ? 'control-plane' : 'worker',
    ...(internalIP ? { internalIP } : {}),
    ...(podCIDR ? { podCIDR } : {}),
    unschedulable: getBoolean(spec, 'unschedulable') ?? false,
  };
}
