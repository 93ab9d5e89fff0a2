/**
 * `kubeplay trace`: one request -> its Trace as JSON; with --count N, N requests, one Trace a line,
 * each a new connection, the state (rng, affinity, IPVS cursors) carried from one to the next.
 */
import { printedTrace, routeRequest } from '../../engine/index.ts';
import type { ClusterState, RequestSpec } from '../../engine/index.ts';
import { EXIT_OK } from '../io.ts';
import type { CliIo } from '../io.ts';

export function runTrace(
  state: ClusterState,
  request: RequestSpec,
  count: number | undefined,
  io: CliIo,
): number {
  if (count === undefined) {
    io.stdout.write(JSON.stringify(printedTrace(routeRequest(state, request).trace), null, 2) + '\n');
    return EXIT_OK;
  }
  let current = state;
  for (let i = 0; i < count; i++) {
    const { trace, state: next } = routeRequest(current, request);
    current = next;
    io.stdout.write(JSON.stringify(printedTrace(trace)) + '\n');
  }
  return EXIT_OK;
}
