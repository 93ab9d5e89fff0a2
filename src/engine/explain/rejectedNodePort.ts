/**
 * A node port no Service holds because the API server rejected the Service that asked for it:
 * `spec.ports[0].nodePort: Invalid value: 3080: provided port is not in the valid range. The range of
 * valid ports is 30000-32767`, or `provided port is already allocated`
 * (pkg/registry/core/service/portallocator). The rejected Service is not in the cluster at all.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ClusterState } from '../model/state.ts';
import { usedNodePorts } from '../cluster/nodePortAllocator.ts';
import type { Explanation, QuickFix } from './types.ts';

const CODES = new Set(['svc-nodeport-range', 'svc-nodeport-allocated']);

/** A free port of the range, as close to the requested one as possible. */
export function freeNodePort(state: ClusterState, requested: number): number | undefined {
  const { min, max } = state.settings.nodePortRange;
  const used = usedNodePorts(state);
  const start = Math.min(
    max,
    Math.max(min, requested < min && requested * 10 >= min ? requested * 10 : requested),
  );
  for (let d = 0; d <= max - min; d++) {
    for (const p of [start + d, start - d]) if (p >= min && p <= max && !used.has(p)) return p;
  }
  return undefined;
}

function requestedPort(d: Diagnostic): number | undefined {
  const m = /Invalid value: (\d+):/.exec(d.message);
  return m ? Number(m[1]) : undefined;
}

/** The explanation when `dialedPort` (or any rejected node port, if none matches) belongs to a rejected Service. */
export function explainRejectedNodePort(
  state: ClusterState,
  diagnostics: readonly Diagnostic[],
  dialedPort: number,
): Explanation | undefined {
  const rejected = diagnostics.filter(
    (d) => d.severity === 'error' && CODES.has(d.code) && d.path.endsWith('.nodePort'),
  );
  const hit = rejected.find((d) => requestedPort(d) === dialedPort) ?? rejected[0];
  if (!hit) return undefined;
  const requested = requestedPort(hit) ?? dialedPort;
  const free = freeNodePort(state, requested);
  const why =
    hit.code === 'svc-nodeport-range'
      ? `${requested} is outside the node port range ${state.settings.nodePortRange.min}-${state.settings.nodePortRange.max}`
      : `another Service already holds node port ${requested}`;
  const fix: QuickFix | undefined =
    free !== undefined && hit.file !== 'actions'
      ? {
          label: `set nodePort to ${free}`,
          file: hit.file,
          line: hit.line,
          column: hit.column,
          path: hit.path,
          value: free,
        }
      : undefined;
  return {
    kind: 'nodeport-rejected',
    summary: `no Service listens on node port ${dialedPort}: the API server rejected the Service that asked for ${requested} (${why}), so it does not exist and nothing on the node answers.`,
    detail: `The Service "…" is invalid: ${hit.path}: ${hit.message}`,
    blame: { path: hit.path, location: { file: hit.file, line: hit.line, column: hit.column } },
    ...(fix ? { fix } : {}),
  };
}
