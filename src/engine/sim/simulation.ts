/**
 * The simulation's entry points. State = f(files, seed, actions): `createSimulation` parses the
 * files, reconciles them (reconcile.ts) and replays the actions through `applyAction`, which clones the
 * state once and runs one action (runAction.ts) on the copy. An edit of the files in a running page
 * goes through `reviseSimulation` (editSimulation.ts) instead, which applies the new text to the
 * previous cluster as `kubectl apply --prune` would, so every untouched object keeps its allocations.
 */
import type { Action } from '../model/actions.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import type { SourceFile } from '../parse/parseManifests.ts';
import { parseManifests } from '../parse/parseManifests.ts';
import { parseManifestsCached } from '../parse/parseCache.ts';
import type { CachedParseResult, ParseCache } from '../parse/parseCache.ts';
import { getHints } from '../lint/hints.ts';
import { closeControlPlane, openControlPlane } from '../cluster/controlPlane.ts';
import { copyStateForWrite } from './copyState.ts';
import { identityOfManifest, objectKey } from './objectIdentity.ts';
import { reconcile } from './reconcile.ts';
import { runAction } from './runAction.ts';
import { readAllocationLedger } from './allocationLedger.ts';
import type { AllocationLedger } from './allocationLedger.ts';
import { restoreAllocations } from './restoreAllocations.ts';

/** An object the files manage, as the API server last accepted it (its manifest carries its position). */
export interface AppliedObject {
  /** `Service/default/kubia` (objectIdentity.ts). */
  key: string;
  manifest: Manifest;
}

/** A document whose change the API server refused: the object keeps its last accepted version. */
export interface RejectedChange {
  /** The graph's id of the object (`svc/default/kubia`). */
  id: string;
  file: string;
  line: number;
  message: string;
}

export interface SimulationInput {
  files: SourceFile[];
  seed?: number;
  actions?: Action[];
  /**
   * What the cluster on screen held when the page saved it (allocationLedger.ts): a build from scratch
   * (a reload) takes those pod names and addresses back after the replay (restoreAllocations.ts).
   */
  allocations?: AllocationLedger | null;
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
  /** The files the cluster was last built or edited from (the last text that parsed). */
  files?: SourceFile[];
  /** The objects those files manage, in document order: what an edit compares the new text with. */
  applied?: AppliedObject[];
  /** How many of `manifests` came from the files (the rest were applied by actions). */
  fileManifestCount?: number;
  /**
   * The latest text has a syntax error: the cluster is the last one that parsed, unchanged, and every
   * consumer (graph, terminal, requests) works on it.
   */
  stale?: boolean;
  /** Documents of the latest text whose object kept its previous version (validation or API error). */
  rejected?: RejectedChange[];
  /**
   * The latest text would take something away (a pod, an object) and was sent while the user was still
   * typing: the cluster is the one before it until the typing pauses (EditOptions.holdRemovals).
   */
  held?: boolean;
}

/** How a caller that simulates again and again (the engine host) lets the engine keep work between calls. */
export interface SimulationOptions {
  /** Each document's reading, kept by its text: an edit re-reads only what changed (parse/parseCache.ts). */
  parseCache?: ParseCache;
}

/** How the page sends an edit of the files (reviseSimulation). */
export interface EditOptions extends SimulationOptions {
  /**
   * The user is still typing: an edit that would remove an object or terminate a pod is not applied
   * yet (the result is `held`), so a half-typed value never scales down or renames for real
   * (sim/removesSomething.ts). The page sends the same text again without it once the typing pauses.
   */
  holdRemovals?: boolean;
}

export const DEFAULT_SEED = 1;

/** Name given to the YAML of the n-th action (1-based) in diagnostics. */
export function applyFileName(actionNumber: number): string {
  return `apply-${actionNumber}.yaml`;
}

export function safeParse(
  files: SourceFile[],
  cache?: ParseCache,
): { manifests: Manifest[]; diagnostics: Diagnostic[]; chunks?: CachedParseResult['chunks'] } {
  try {
    return cache ? parseManifestsCached(files, cache) : parseManifests(files);
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

export function withDiagnostics(sim: Omit<Simulation, 'diagnostics'>): Simulation {
  const all = [...(sim.parseDiagnostics ?? []), ...sim.state.diagnostics, ...safeHints(sim.state)];
  return { ...sim, diagnostics: sortDiagnostics(all, sim.fileOrder ?? []) };
}

/** State = f(files, seed, actions). Never throws. */
export function createSimulation(input: SimulationInput, options: SimulationOptions = {}): Simulation {
  const files = Array.isArray(input.files) ? input.files : [];
  const seed = typeof input.seed === 'number' && Number.isFinite(input.seed) ? input.seed : DEFAULT_SEED;
  const parsed = safeParse(files, options.parseCache);
  const applied = new Map<string, AppliedObject>();
  const state = reconcile(parsed.manifests, seed, (manifest, answer) => {
    if (answer.some((d) => d.severity === 'error')) return;
    const key = objectKey(identityOfManifest(manifest));
    applied.delete(key);
    applied.set(key, { key, manifest });
  });
  let sim = withDiagnostics({
    state,
    manifests: parsed.manifests,
    actions: [],
    parseDiagnostics: parsed.diagnostics,
    fileOrder: files.map((f) => f.file),
    files: files.map((f) => ({ file: String(f?.file ?? ''), text: String(f?.text ?? '') })),
    applied: [...applied.values()],
    fileManifestCount: parsed.manifests.length,
    stale: false,
    rejected: [],
  });
  for (const action of input.actions ?? []) sim = applyAction(sim, action);
  const ledger = input.allocations ? readAllocationLedger(input.allocations) : null;
  if (ledger)
    sim = withDiagnostics({ ...sim, state: restoreAllocations(copyStateForWrite(sim.state), ledger) });
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
  const { diagnostics: _old, ...rest } = sim;
  void _old;
  return withDiagnostics({
    ...rest,
    state: closeControlPlane(cp),
    manifests: [...sim.manifests, ...applied],
    actions: [...sim.actions, action],
    parseDiagnostics,
  });
}
