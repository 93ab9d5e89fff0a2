/**
 * NodePort allocation, as kube-apiserver's portallocator does it
 * (pkg/registry/core/service/portallocator/allocator.go, KEP-3668, GA in 1.29):
 *
 * - one pool for all protocols and namespaces: a port held by any Service is taken;
 * - the range (default 30000-32767) is split at `min(max(16, size/32), 128)` (86 for the default range);
 *   dynamic allocation takes a RANDOM free port of the upper band (30086-32767) first;
 * - requested ports are checked: `provided port is not in the valid range. The range of valid ports is
 *   30000-32767`, `provided port is already allocated`.
 */
import type { ClusterState } from '../model/state.ts';
import type { Rng } from '../rng.ts';

export type NodePortResult = { ok: true; port: number } | { ok: false; message: string; code: string };

export function usedNodePorts(state: ClusterState, exceptService?: string): Set<number> {
  const used = new Set<number>();
  for (const svc of state.services) {
    const key = `${svc.manifest.metadata.namespace}/${svc.manifest.metadata.name}`;
    if (key === exceptService) continue;
    for (const port of svc.manifest.spec.ports) if (port.nodePort !== undefined) used.add(port.nodePort);
    if (svc.manifest.spec.healthCheckNodePort !== undefined) used.add(svc.manifest.spec.healthCheckNodePort);
  }
  return used;
}

export function nodePortBandOffset(rangeSize: number): number {
  const min = 16;
  const max = 128;
  if (rangeSize < min) return 0;
  return Math.max(min, Math.min(max, Math.floor(rangeSize / 32)));
}

export function checkRequestedNodePort(state: ClusterState, port: number, used: Set<number>): NodePortResult {
  const { min, max } = state.settings.nodePortRange;
  if (port < min || port > max) {
    return {
      ok: false,
      message: `Invalid value: ${port}: provided port is not in the valid range. The range of valid ports is ${min}-${max}`,
      code: 'svc-nodeport-range',
    };
  }
  if (used.has(port)) {
    return {
      ok: false,
      message: `Invalid value: ${port}: provided port is already allocated`,
      code: 'svc-nodeport-allocated',
    };
  }
  return { ok: true, port };
}

export function allocateNodePort(state: ClusterState, rng: Rng, used: Set<number>): NodePortResult {
  const { min, max } = state.settings.nodePortRange;
  const size = max - min + 1;
  const offset = nodePortBandOffset(size);
  const pick = (from: number, to: number): number | undefined => {
    const n = to - from;
    if (n <= 0) return undefined;
    const start = rng.index(n);
    for (let i = 0; i < n; i++) {
      const port = min + from + ((start + i) % n);
      if (!used.has(port)) return port;
    }
    return undefined;
  };
  const port = pick(offset, size) ?? pick(0, Math.min(offset, size));
  if (port === undefined)
    return { ok: false, message: 'Internal error: range is full', code: 'svc-nodeport-full' };
  return { ok: true, port };
}
