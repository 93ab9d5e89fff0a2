/**
 * What `trace` and `load` share: build the simulation (rejected documents reported on stderr, the
 * rest applied, as kubectl apply does), and check that --from names something that exists (else exit 2).
 */
import { createSimulation } from '../engine/index.ts';
import type { ClusterState, RequestSpec, SourceFile } from '../engine/index.ts';
import { EXIT_USAGE } from './io.ts';
import type { CliIo } from './io.ts';
import { reportRejected } from './reportRejected.ts';

export type Prepared = { ok: true; state: ClusterState } | { ok: false; exitCode: number };

const LISTED = 10;

function listSome(names: string[]): string {
  if (names.length === 0) return 'there are none';
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

/** Why --from does not name anything in the state, or undefined when it does. */
export function findUnknownSource(state: ClusterState, from: string): string | undefined {
  const [kind, a, b] = from.split('/');
  if (kind === 'client') return undefined; // an unknown client is created on the fly (docs/architecture.md#cli)
  if (kind === 'node') {
    if (state.nodes.some((n) => n.name === a)) return undefined;
    return `no node "${a}"; nodes: ${listSome(state.nodes.map((n) => n.name))}`;
  }
  if (state.pods.some((p) => p.metadata.namespace === a && p.metadata.name === b)) return undefined;
  const inNamespace = state.pods.filter((p) => p.metadata.namespace === a).map((p) => p.metadata.name);
  return `no pod "${b}" in namespace "${a}"; pods there: ${listSome(inNamespace)}`;
}

export function prepareRequest(
  files: SourceFile[],
  seed: number | undefined,
  request: RequestSpec,
  io: CliIo,
): Prepared {
  const sim = createSimulation({ files, ...(seed === undefined ? {} : { seed }) });
  reportRejected(sim.diagnostics, io);
  const unknown = findUnknownSource(sim.state, request.from);
  if (unknown !== undefined) {
    io.stderr.write(`kubeplay: unknown --from target ${request.from}: ${unknown}\n`);
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return { ok: true, state: sim.state };
}
