/**
 * An edit of the files in a running page: the new text is applied to the previous cluster as
 * `kubectl apply --prune -f` of the whole file would be, so allocations belong to their object
 * (docs/editing.md):
 *
 * - a valid document whose object changed is applied (create or update: the API server keeps an
 *   updated Service's ClusterIP, node ports and LoadBalancer address, serviceRegistry.ts); a document
 *   equal to what was last accepted is not sent again, so what actions did to it (scale, delete pod)
 *   stays, as does every pod name and IP;
 * - an invalid document (validation error, or the API server refuses the update) leaves its object at
 *   the last accepted version and is reported in `rejected`; when the broken text no longer names an
 *   object, the object that document position held last time is the one kept;
 * - an object whose document is gone is deleted (with a controller's pods), like `--prune`; pruning
 *   runs before the applies so that a renamed Service can take the node port its old name held, and
 *   not at all while a document is refused (kubectl prunes only after every object applied);
 * - new objects draw fresh allocations from the pools, which already hold every live allocation,
 *   so they never take another object's address or port;
 * - a syntax error keeps the whole previous cluster (`stale`), since the text names nothing reliably;
 * - a change of the topology (kind Cluster config, Node documents) rebuilds the cluster from scratch,
 *   as `kind create cluster` would.
 *
 * Deterministic: the same (previous, input) gives the same result (the rng continues from the
 * previous state). A page load or a share link still builds from scratch with createSimulation.
 */
import { isManifestKind, kindModule } from '../kinds/registry.ts';
import type { Action } from '../model/actions.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import type { SourceFile } from '../parse/parseManifests.ts';
import { applyManifest } from '../cluster/apiServer.ts';
import { closeControlPlane, openControlPlane } from '../cluster/controlPlane.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { runControllers } from '../cluster/controllers.ts';
import { advanceClock } from '../cluster/timedChanges.ts';
import { deleteObject } from '../cluster/deleteObject.ts';
import type { ObjectKindName } from '../model/actions.ts';
import { copyStateForWrite } from './copyState.ts';
import { readDocumentSlots } from './documentSlots.ts';
import type { DocumentSlot } from './documentSlots.ts';
import { graphIdOfIdentity, identityOfManifest, objectKey } from './objectIdentity.ts';
import { sameManifest } from './sameCluster.ts';
import type { ObjectIdentity } from './objectIdentity.ts';
import { applyAction, createSimulation, DEFAULT_SEED, safeParse, withDiagnostics } from './simulation.ts';
import { removesSomething } from './removesSomething.ts';
import type {
  AppliedObject,
  EditOptions,
  RejectedChange,
  Simulation,
  SimulationInput,
  SimulationOptions,
} from './simulation.ts';

/** A syntax error (or a reader limit): the text names nothing reliably, so nothing of it is applied. */
export function hasSyntaxError(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('yaml'));
}

function sameActions(a: Action[], b: Action[]): boolean {
  return a.every((action, i) => JSON.stringify(action) === JSON.stringify(b[i]));
}

function sameFiles(a: SourceFile[], b: SourceFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.file === b[i]?.file && f.text === b[i]?.text);
}

/**
 * The page adds a `wait` right after a `wait` to it (src/store/scenarioStore.ts appendAction): when
 * `previous`'s last action is a wait that `actions` holds longer, the longer wait; else undefined.
 */
function grownWait(previous: Action[], actions: Action[]): (Action & { type: 'wait' }) | undefined {
  const at = previous.length - 1;
  const before = previous[at];
  const after = actions[at];
  if (before?.type !== 'wait' || after?.type !== 'wait' || !(after.seconds > before.seconds))
    return undefined;
  return sameActions(previous.slice(0, at), actions) ? after : undefined;
}

/** The rest of a grown wait passes on the cluster on screen; the log holds the one longer wait. */
function extendLastWait(previous: Simulation, wait: Action & { type: 'wait' }): Simulation {
  const before = previous.actions[previous.actions.length - 1] as Action & { type: 'wait' };
  const sim = applyAction(previous, { type: 'wait', seconds: wait.seconds - before.seconds });
  return { ...sim, actions: [...previous.actions.slice(0, -1), wait] };
}

/**
 * The simulation after the user changed the input of `previous`: the files edited and/or actions
 * appended. Anything else (another seed, actions taken back, no previous) builds from scratch.
 */
export function reviseSimulation(
  previous: Simulation | null | undefined,
  input: SimulationInput,
  options: EditOptions = {},
): Simulation {
  const seed = typeof input.seed === 'number' && Number.isFinite(input.seed) ? input.seed : DEFAULT_SEED;
  const actions = Array.isArray(input.actions) ? input.actions : [];
  const files = Array.isArray(input.files) ? input.files : [];
  const grown = previous ? grownWait(previous.actions, actions) : undefined;
  if (
    !previous?.files ||
    !previous.applied ||
    previous.state.seed !== seed ||
    previous.actions.length > actions.length ||
    (!grown && !sameActions(previous.actions, actions))
  ) {
    return createSimulation(input, options);
  }
  let sim = previous;
  if (previous.stale || !sameFiles(previous.files, files)) {
    const edited = editFiles(previous, files, options);
    // Held: the previous cluster and its files, so that the next call (typing paused) edits again.
    sim = options.holdRemovals && removesSomething(previous, edited) ? { ...previous, held: true } : edited;
  }
  if (grown) sim = extendLastWait(sim, grown);
  for (const action of actions.slice(sim.actions.length)) sim = applyAction(sim, action);
  return sim;
}

/** Parse diagnostics of applied YAML (actions), which an edit of the files keeps. */
function actionParseDiagnostics(previous: Simulation): Diagnostic[] {
  const fileNames = new Set(previous.fileOrder ?? []);
  return (previous.parseDiagnostics ?? []).filter((d) => !fileNames.has(d.file));
}

function stripDiagnostics(sim: Simulation): Omit<Simulation, 'diagnostics'> {
  const { diagnostics: _old, ...rest } = sim;
  void _old;
  return rest;
}

/** The previous cluster unchanged, told that the text in front of the user does not parse. */
function staleSimulation(
  previous: Simulation,
  files: SourceFile[],
  parseDiagnostics: Diagnostic[],
): Simulation {
  return withDiagnostics({
    ...stripDiagnostics(previous),
    parseDiagnostics: [...parseDiagnostics, ...actionParseDiagnostics(previous)],
    fileOrder: files.map((f) => f.file),
    stale: true,
    held: false,
    rejected: [],
  });
}

/**
 * The world the cluster lives in: its nodes, the servers outside it and the load balancer the host runs
 * (an edit rebuilds from scratch). Each kind's module says whether it is one (KindModule.topology).
 */
function isTopology(m: Manifest): boolean {
  return kindModule(m.kind).topology === true;
}

function topologyKey(manifests: Manifest[]): string {
  return JSON.stringify(manifests.filter(isTopology).map((m) => ({ ...m, source: undefined })));
}

function firstError(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error');
}

/** Where each document ends: the next document's first line in the same file. */
function errorOfSlot(slot: DocumentSlot, next: DocumentSlot | undefined, diagnostics: Diagnostic[]) {
  const end = next && next.file === slot.file ? next.line : Number.POSITIVE_INFINITY;
  return firstError(diagnostics.filter((d) => d.file === slot.file && d.line >= slot.line && d.line < end));
}

function keptNotice(manifest: Manifest, file: string, line: number): Diagnostic {
  const id = identityOfManifest(manifest);
  return {
    file,
    line,
    column: 1,
    severity: 'info',
    path: '',
    message: `the change was rejected: ${id.kind} "${id.name}" keeps its last accepted version`,
    code: 'change-rejected',
  };
}

interface Plan {
  /** The document manifests the cluster should now hold, in order (kept versions in their place). */
  effective: Manifest[];
  /** Keys whose invalid document keeps the previous version (not sent to the API server). */
  kept: Set<string>;
  rejected: RejectedChange[];
  notices: Diagnostic[];
}

/** Pairs each document with the object it names, deciding what is sent and what is kept. */
function planEdit(previous: Simulation, files: SourceFile[], parsed: ReturnType<typeof safeParse>): Plan {
  const before = new Map((previous.applied ?? []).map((a) => [a.key, a]));
  const slots = readDocumentSlots(files, parsed.chunks);
  const byPosition = new Map<string, Manifest[]>();
  for (const m of parsed.manifests) {
    const at = `${m.source?.file ?? ''}#${m.source?.doc ?? -1}`;
    byPosition.set(at, [...(byPosition.get(at) ?? []), m]);
  }
  const plan: Plan = { effective: [], kept: new Set(), rejected: [], notices: [] };
  const seen = new Set<Manifest>();
  slots.forEach((slot, i) => {
    const here = byPosition.get(`${slot.file}#${slot.doc}`) ?? [];
    const key = slot.identity ? objectKey(slot.identity) : undefined;
    const accepted = here.find(
      (m) => !seen.has(m) && (key === undefined || objectKey(identityOfManifest(m)) === key),
    );
    if (accepted) {
      seen.add(accepted);
      plan.effective.push(accepted);
      return;
    }
    const error = errorOfSlot(slot, slots[i + 1], parsed.diagnostics);
    const known = slot.identity && isManifestKind(slot.identity.kind) ? slot.identity : undefined;
    if (!error && known) return; // not an object the simulation stores, and nothing wrong: skipped
    // The text no longer names a stored object: keep what this document position held last time.
    const fallback = known
      ? before.get(objectKey(known))
      : (previous.applied ?? []).find(
          (a) => a.manifest.source?.file === slot.file && a.manifest.source.doc === slot.doc,
        );
    const identity: ObjectIdentity | undefined = known ?? (fallback && identityOfManifest(fallback.manifest));
    if (!identity) return;
    const line = error?.line ?? slot.line;
    plan.rejected.push({
      id: graphIdOfIdentity(identity),
      file: slot.file,
      line,
      message: error?.message ?? `kind "${slot.identity?.kind ?? ''}" is not one the API server knows here`,
    });
    if (fallback && !plan.kept.has(fallback.key)) {
      plan.kept.add(fallback.key);
      plan.effective.push(fallback.manifest);
      plan.notices.push(keptNotice(fallback.manifest, slot.file, line));
    }
  });
  // Manifests no slot claimed (never expected: every manifest comes from a document) still count.
  for (const m of parsed.manifests) if (!seen.has(m)) plan.effective.push(m);
  return plan;
}

/** An unchanged document that moved in the text: the stored object learns its new position. */
function refreshSource(state: ClusterState, m: Manifest): void {
  const source = m.source;
  if (source) kindModule(m.kind).refreshSource?.(state, m, source);
}

function prune(cp: ControlPlane, previous: AppliedObject[], wanted: Set<string>): void {
  for (const record of [...previous].reverse()) {
    // A topology object is never pruned: one that is gone changed the topology, which rebuilds instead.
    if (wanted.has(record.key) || isTopology(record.manifest)) continue;
    const id = identityOfManifest(record.manifest);
    // Not found (an action deleted it) or undeletable (`default`): nothing to do, as with --prune.
    deleteObject(cp, id.kind as ObjectKindName, id.namespace, id.name);
  }
}

function editFiles(previous: Simulation, files: SourceFile[], options: SimulationOptions): Simulation {
  const parsed = safeParse(files, options.parseCache);
  if (hasSyntaxError(parsed.diagnostics)) return staleSimulation(previous, files, parsed.diagnostics);
  const plan = planEdit(previous, files, parsed);
  if (topologyKey(plan.effective) !== topologyKey((previous.applied ?? []).map((a) => a.manifest))) {
    // A different cluster shape: kind would create a new cluster, so everything starts over.
    return createSimulation({ files, seed: previous.state.seed, actions: previous.actions }, options);
  }
  const before = new Map((previous.applied ?? []).map((a) => [a.key, a]));
  const fileNames = new Set(previous.fileOrder ?? []);
  const state = copyStateForWrite(previous.state);
  state.diagnostics = state.diagnostics.filter((d) => !fileNames.has(d.file));
  const cp = openControlPlane(state);
  advanceClock(cp, state.clock + 1, runControllers);
  const wanted = new Set(plan.effective.map((m) => objectKey(identityOfManifest(m))));
  const applied = new Map<string, AppliedObject>();
  const record = (key: string, manifest: Manifest) => {
    applied.delete(key);
    applied.set(key, { key, manifest });
  };
  // kubectl apply returns on a refused object before its post-processor prunes (apply.go, Run:
  // https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/apply/apply.go): while a document is
  // refused, nothing is deleted, so a name half-typed into something invalid does not delete the
  // object it named. What was not pruned stays on record, to be pruned by the first clean edit.
  if (plan.rejected.length === 0) prune(cp, previous.applied ?? [], wanted);
  else for (const last of previous.applied ?? []) if (!wanted.has(last.key)) record(last.key, last.manifest);
  const rejected = [...plan.rejected];
  for (const m of plan.effective) {
    const key = objectKey(identityOfManifest(m));
    const last = before.get(key);
    if (plan.kept.has(key) || isTopology(m)) {
      record(key, last?.manifest ?? m);
      continue;
    }
    // The same object (a reading the parse cache kept, in the same place) needs no compare and no move.
    if (last && (last.manifest === m || sameManifest(last.manifest, m))) {
      if (last.manifest !== m) refreshSource(state, m);
      record(key, m);
      continue;
    }
    const answer = applyManifest(cp, m);
    state.diagnostics.push(...answer);
    const error = firstError(answer);
    if (!error) {
      record(key, m);
      continue;
    }
    // Refused by the API server (an immutable field, a taken port): the old version stays.
    if (last) {
      record(key, last.manifest);
      state.diagnostics.push(keptNotice(m, error.file, error.line));
    }
    rejected.push({
      id: graphIdOfIdentity(identityOfManifest(m)),
      file: error.file,
      line: error.line,
      message: error.message,
    });
  }
  state.diagnostics.push(...plan.notices);
  runControllers(cp);
  const fileManifestCount = previous.fileManifestCount ?? previous.manifests.length;
  return withDiagnostics({
    ...stripDiagnostics(previous),
    state: closeControlPlane(cp),
    manifests: [...plan.effective, ...previous.manifests.slice(fileManifestCount)],
    parseDiagnostics: [...parsed.diagnostics, ...actionParseDiagnostics(previous)],
    fileOrder: files.map((f) => f.file),
    files: files.map((f) => ({ file: f.file, text: f.text })),
    applied: [...applied.values()],
    fileManifestCount: plan.effective.length,
    stale: false,
    held: false,
    rejected,
  });
}
