/**
 * The simulation's two entry points. State = f(files, seed, actions): `createSimulation` parses the
 * files, reconciles them (reconcile.ts) and replays the actions through `applyAction`, which clones the
 * state once and runs one action (runAction.ts) on the copy.
 */
import type { Action } from '../model/actions.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import type { SourceFile } from '../parse/parseManifests.ts';
import { parseManifests } from '../parse/parseManifests.ts';
import { getHints } from '../lint/hints.ts';
import { closeControlPlane, openControlPlane } from '../cluster/controlPlane.ts';
import { copyStateForWrite } from './copyState.ts';
import { reconcile } from './reconcile.ts';
import { runAction } from './runAction.ts';

export interface SimulationInput {
  files: SourceFile[];
  seed?: number;
  actions?: Action[];
}

/** The whole simulation: the cluster state plus everything the user should be told about the input. */
export interface Simulation {
  state: ClusterState;
  /** Parse diagnostics plus control-plane ones (allocation failures, teacher hints), in file order. */
  diagnostics: Diagnostic[];
  /** The parsed manifests the state was built from (documents first, then what actions applied). */
  manifests: Manifest[];
  /** The actions replayed so far, in order. */
  actions: Action[];
  /** The parser's diagnostics alone (the files', then those of applied YAML), kept to rebuild `diagnostics`. */
  parseDiagnostics?: Diagnostic[];
  /** File names in input order, so diagnostics sort in file order. */
  fileOrder?: string[];
}

export const DEFAULT_SEED = 1;

/** Name given to the YAML of the n-th action (1-based) in diagnostics. */
export function applyFileName(actionNumber: number): string {
  return `apply-${actionNumber}.yaml`;
}

function safeParse(files: SourceFile[]): { manifests: Manifest[]; diagnostics: Diagnostic[] } {
  try {
    return parseManifests(files);
  } catch (error) {
    const file = files[0]?.file ?? 'manifest.yaml';
    const message = error instanceof Error ? error.message : String(error);
    return {
      manifests: [],
      diagnostics: [{ file, line: 1, column: 1, severity: 'error', path: '', message, code: 'parse-failed' }],
    };
  }
}

function safeHints(state: ClusterState): Diagnostic[] {
  try {
    return getHints(state);
  } catch {
    return [];
  }
}

function sortDiagnostics(diagnostics: Diagnostic[], fileOrder: string[]): Diagnostic[] {
  const rank = (file: string) => {
    const i = fileOrder.indexOf(file);
    if (i !== -1) return i;
    const m = /^apply-(\d+)\.yaml$/.exec(file);
    if (m) return fileOrder.length + Number(m[1]);
    return Number.MAX_SAFE_INTEGER;
  };
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        rank(a.d.file) - rank(b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i,
    )
    .map((x) => x.d);
}

function withDiagnostics(sim: Omit<Simulation, 'diagnostics'>): Simulation {
  const all = [...(sim.parseDiagnostics ?? []), ...sim.state.diagnostics, ...safeHints(sim.state)];
  return { ...sim, diagnostics: sortDiagnostics(all, sim.fileOrder ?? []) };
}

/** State = f(files, seed, actions). Never throws. */
export function createSimulation(input: SimulationInput): Simulation {
  const files = Array.isArray(input.files) ? input.files : [];
  const seed = typeof input.seed === 'number' && Number.isFinite(input.seed) ? input.seed : DEFAULT_SEED;
  const parsed = safeParse(files);
  const state = reconcile(parsed.manifests, seed);
  let sim = withDiagnostics({
    state,
    manifests: parsed.manifests,
    actions: [],
    parseDiagnostics: parsed.diagnostics,
    fileOrder: files.map((f) => f.file),
  });
  for (const action of input.actions ?? []) sim = applyAction(sim, action);
  return sim;
}

/** One more action; returns the new simulation (the old one is untouched). */
export function applyAction(sim: Simulation, action: Action): Simulation {
  const number = sim.actions.length + 1;
  const state = copyStateForWrite(sim.state);
  let applied: Manifest[] = [];
  let parseDiagnostics = sim.parseDiagnostics ?? [];
  if (action.type === 'apply') {
    const parsed = safeParse([{ file: applyFileName(number), text: action.yaml }]);
    applied = parsed.manifests;
    parseDiagnostics = [...parseDiagnostics, ...parsed.diagnostics];
  }
  const cp = openControlPlane(state);
  try {
    state.diagnostics.push(...runAction(cp, action, number, applied));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    state.diagnostics.push({
      file: 'actions',
      line: number,
      column: 1,
      severity: 'error',
      path: '',
      message,
      code: 'action-failed',
    });
  }
  return withDiagnostics({
    state: closeControlPlane(cp),
    manifests: [...sim.manifests, ...applied],
    actions: [...sim.actions, action],
    parseDiagnostics,
    ...(sim.fileOrder ? { fileOrder: sim.fileOrder } : {}),
  });
}
