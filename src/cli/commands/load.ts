/**
 * `kubeplay load`: N requests (each a new connection, state carried) -> one JSON summary
 * `{requests, outcomes, byEndpoint, seconds}`. `seconds` is the wall time of the routing loop alone.
 */
import { routeRequest } from '../../engine/index.ts';
import type { ClusterState, Outcome, RequestSpec, Trace } from '../../engine/index.ts';
import { EXIT_OK } from '../io.ts';
import type { CliIo } from '../io.ts';

export interface LoadSummary {
  requests: number;
  /** Every outcome appears, 0 when none ended that way, so scripts never meet a missing key. */
  outcomes: Record<Outcome, number>;
  /** `ns/pod` (or `ip:port` for an address outside the cluster) -> requests that landed there; sorted keys. */
  byEndpoint: Record<string, number>;
  seconds: number;
}

function endpointKey(trace: Trace): string | undefined {
  const ep = trace.endpoint;
  if (!ep) return undefined;
  return ep.pod ?? `${ep.ip}:${ep.port}`;
}

export function runLoadRequests(
  state: ClusterState,
  request: RequestSpec,
  requests: number,
  now: () => number,
): LoadSummary {
  const outcomes: Record<Outcome, number> = { ok: 0, refused: 0, timeout: 0, unresolved: 0, 'http-error': 0 };
  const counts = new Map<string, number>();
  let current = state;
  const start = now();
  for (let i = 0; i < requests; i++) {
    const { trace, state: next } = routeRequest(current, request);
    current = next;
    outcomes[trace.outcome]++;
    const key = endpointKey(trace);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seconds = Math.round((now() - start) * 1000) / 1e6;
  const byEndpoint: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) byEndpoint[key] = counts.get(key) ?? 0;
  return { requests, outcomes, byEndpoint, seconds };
}

export function runLoad(state: ClusterState, request: RequestSpec, requests: number, io: CliIo): number {
  const summary = runLoadRequests(state, request, requests, () => performance.now());
  io.stdout.write(JSON.stringify(summary) + '\n');
  return EXIT_OK;
}
