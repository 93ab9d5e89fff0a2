/**
 * The kubectl commands that change the cluster. Each becomes an Action (model/actions.ts) applied to
 * the simulation, so the app can log and replay it: apply/create -f, delete, scale, label, annotate,
 * expose. Messages are kubectl's: `service/kubia created`, `pod "x" deleted`, `... scaled`.
 */
import { waitForPodsGone } from './deleteWait.ts';
import { deletedWord, readDeleteGrace } from './deleteOptions.ts';
import { isMap, parseAllDocuments, stringify } from 'yaml';
import type { ObjectKindName } from '../../model/actions.ts';
import type { Manifest } from '../../model/objects.ts';
import type { ClusterState } from '../../model/state.ts';
import { parseManifests } from '../../parse/parseManifests.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { performAction } from '../context.ts';
import { flagAll, flagBool, flagString } from './flags.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { findObject, notFoundMessage, resolveResourceArgs } from './get.ts';
import { matchesSelector, parseLabelSelector } from './labelSelector.ts';
import type { ListedObject } from './listing.ts';
import { kindModule } from '../../kinds/registry.ts';
import { listObjects } from './listing.ts';
import type { ResourceType } from './resources.ts';
import { findResourceType, qualifiedPlural, qualifiedSingular } from './resources.ts';
import { parseIntFlag } from './intFlag.ts';
import { isLabelValue } from '../../parse/validate/names.ts';
import { exceedsPodLimit } from '../../cluster/capacity.ts';
import { UNDELETABLE_NAMESPACES } from '../../cluster/deleteObject.ts';
import { podLimitDetail } from '../../limits.ts';
import { invalid } from '../../parse/messages.ts';
import { readSessionFile } from '../sessionFiles.ts';

export const APPLY_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', value: true, multi: true },
  { name: 'output', short: 'o', value: true },
  { name: 'dry-run', value: true },
  { name: 'validate', value: true },
  { name: 'save-config', value: false },
];
export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', value: true, multi: true },
  { name: 'all', value: false },
  { name: 'selector', short: 'l', value: true },
  { name: 'force', value: false },
  { name: 'grace-period', value: true },
  { name: 'now', value: false },
  { name: 'wait', value: true },
  { name: 'ignore-not-found', value: false },
];
export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', value: true },
  { name: 'current-replicas', value: true },
];
export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', value: false },
  { name: 'all', value: false },
  { name: 'selector', short: 'l', value: true },
];
export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'port', value: true },
  { name: 'target-port', value: true },
  { name: 'type', value: true },
  { name: 'name', value: true },
  { name: 'protocol', value: true },
  { name: 'session-affinity', value: true },
  { name: 'selector', value: true },
  { name: 'labels', short: 'l', value: true },
  { name: 'external-ip', value: true },
  { name: 'cluster-ip', value: true },
  { name: 'load-balancer-ip', value: true },
  { name: 'filename', short: 'f', value: true },
];

/**
 * The kind a `delete` or `label`/`annotate` action names for an object of this type, when its kind
 * module can do it (`remove`, `relabel`: the registry says which); undefined for the others, which
 * kubectl then reports as not found.
 */
function actionKind(type: ResourceType, hook: 'remove' | 'relabel'): ObjectKindName | undefined {
  // Every kind with these hooks is an ObjectKindName: kinds/registry.test.ts checks it.
  return kindModule(type.kind)[hook] ? (type.kind as ObjectKindName) : undefined;
}

function manifestName(m: Manifest): string {
  return m.kind === 'Cluster' ? m.name : m.metadata.name;
}

function manifestNamespace(m: Manifest, fallback: string): string {
  if (m.kind === 'Cluster') return '';
  return m.metadata.namespace || fallback;
}

/** The state's own record of an object, for telling `configured` from `unchanged`. */
function snapshotOf(
  state: ClusterState,
  type: ResourceType,
  namespace: string,
  name: string,
): string | undefined {
  const found = findObject(state, type, namespace, name);
  if (!found) return undefined;
  const { createdAt: _c, ...rest } = found as ListedObject & { createdAt: number };
  return JSON.stringify(rest, (key, value: unknown) =>
    key === 'status' || key === 'createdAt' || key === 'source' || key === 'pods' || key === 'pod'
      ? undefined
      : value,
  );
}

export function readSource(
  ctx: ShellContext,
  file: string,
  stdin: string,
): string | { error: string } | undefined {
  if (file === '-') return stdin || ctx.session.stdin || '';
  const known =
    readSessionFile(ctx.session.files, file) ?? readSessionFile(ctx.session.files, file.replace(/^\.\//, ''));
  if (known !== undefined) return known;
  // the simulated laptop has no internet: a URL fails the way kubectl fails offline
  const url = /^https?:\/\/([^/:]+)/.exec(file);
  if (url)
    return {
      error: `error: unable to read URL "${file}", server reported Get "${file}": dial tcp: lookup ${url[1] ?? ''}: no such host`,
    };
  return undefined;
}

/** Which object (kind, name, apiVersion) a line of a multi-document YAML text belongs to. */
function objectAtLine(text: string, line: number): { kind: string; name: string; apiVersion: string } {
  const docs = parseAllDocuments(text);
  let found = { kind: 'Object', name: '', apiVersion: '' };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const start = doc.range[0];
    const startLine = text.slice(0, start).split('\n').length;
    if (startLine > line) break;
    // Only three fields are needed: read them, not the whole document (toJS() would print a console
    // warning for a list or mapping used as a key, which the parse errors already report).
    if (isMap(doc.contents)) {
      const kind: unknown = doc.get('kind');
      const name: unknown = doc.getIn(['metadata', 'name']);
      const apiVersion: unknown = doc.get('apiVersion');
      found = {
        kind: typeof kind === 'string' ? kind : 'Object',
        name: typeof name === 'string' ? name : '',
        apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
      };
    }
  }
  return found;
}

interface ObjectError {
  /** `Kind/name`, or '' for an error that belongs to no object (YAML syntax). */
  key: string;
  /** How kubectl prints it when it is the only error (checkErr on the bare StatusError). */
  alone: string;
  /**
   * How kubectl prints it among several: apply and create collect one error per object and print the
   * aggregate with MultipleErrors, each StatusError's message wrapped by cmdutil.AddSourceToErr
   * (`error when creating "FILE": ...`), behind StandardErrorMessage's `Error from server (Reason): `.
   * https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/apply/apply.go (errs, NewAggregate),
   * https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/util/helpers.go (AddSourceToErr, checkErr)
   */
  among: string;
}

function sameBothWays(key: string, text: string): ObjectError {
  return { key, alone: text, among: text };
}

/**
 * Diagnostics -> kubectl's messages, one per object: `The Service "x" is invalid: path: msg` (several
 * causes as MultilineError's bullet list), strict decoding as a BadRequest, YAML syntax as kubectl's
 * parse error.
 */
function formatErrors(
  diagnostics: { line: number; path: string; message: string; code: string }[],
  text: string,
  file: string,
  isNew: (kind: string, name: string) => boolean,
): ObjectError[] {
  const byObject = new Map<
    string,
    { kind: string; name: string; apiVersion: string; causes: string[]; strict: string[] }
  >();
  const out: ObjectError[] = [];
  for (const d of diagnostics) {
    if (d.code === 'yaml-syntax') {
      out.push(
        sameBothWays(
          '',
          `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${d.line}: ${d.message}`,
        ),
      );
      continue;
    }
    // go-yaml stops the whole file at a tag its value cannot hold or a list/mapping key, before any
    // object exists; its failf errors carry no line (https://github.com/go-yaml/yaml/blob/v2/decode.go).
    if (d.code === 'yaml-tag' || d.code === 'yaml-complex-key') {
      out.push(
        sameBothWays('', `error: error parsing ${file}: error converting YAML to JSON: yaml: ${d.message}`),
      );
      continue;
    }
    const obj = objectAtLine(text, d.line);
    const key = `${obj.kind}/${obj.name}`;
    const entry = byObject.get(key) ?? { ...obj, causes: [], strict: [] };
    if (d.code === 'unknown-field') entry.strict.push(d.message);
    else if (!d.path) entry.causes.push(d.message);
    else entry.causes.push(`${d.path}: ${d.message}`);
    byObject.set(key, entry);
  }
  for (const [key, e] of byObject) {
    if (e.strict.length) {
      out.push(
        sameBothWays(
          key,
          `Error from server (BadRequest): error when creating "${file}": ${e.kind} in version "${e.apiVersion.replace(/^.*\//, '')}" cannot be handled as a ${e.kind}: strict decoding error: ${e.strict.join(', ')}`,
        ),
      );
      continue;
    }
    if (e.causes.length === 0) continue;
    if (
      e.causes.every((c) => c.startsWith('no matches for kind') || c.startsWith('apiVersion: no matches'))
    ) {
      // a client-side mapping error: checkErr adds `error: ` when it is alone, MultipleErrors does not
      const mapping = `resource mapping not found for name: "${e.name}" namespace: "" from "${file}": ${e.causes[0]?.replace(/^apiVersion: /, '') ?? ''}\nensure CRDs are installed first`;
      out.push({ key, alone: `error: ${mapping}`, among: mapping });
      continue;
    }
    // checkErr on an Invalid StatusError: `The Kind "name" is invalid: ` then MultilineError's causes
    const alone =
      e.causes.length === 1
        ? `The ${e.kind} "${e.name}" is invalid: ${e.causes[0] ?? ''}`
        : `The ${e.kind} "${e.name}" is invalid: \n${e.causes.map((c) => `* ${c}`).join('\n')}`;
    // the status message itself (apimachinery's NewInvalid: one cause bare, several in brackets)
    const message = `${e.kind} "${e.name}" is invalid: ${e.causes.length === 1 ? (e.causes[0] ?? '') : `[${e.causes.join(', ')}]`}`;
    out.push({
      key,
      alone,
      among: isNew(e.kind, e.name)
        ? `Error from server (Invalid): error when creating "${file}": ${message}`
        : `Error from server (Invalid): ${message}`,
    });
  }
  return out;
}

/** One object's errors as kubectl prints them: alone, or each among the others (MultipleErrors). */
function printObjectErrors(errors: ObjectError[]): string {
  if (errors.length === 1) return `${errors[0]?.alone ?? ''}\n`;
  return errors.map((e) => `${e.among}\n`).join('');
}

function diagnosticKey(d: {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}): string {
  return `${d.file}:${d.line}:${d.column}:${d.path}:${d.message}`;
}

/**
 * An object a generator built (`kubectl run`, `create deployment|service`, `expose`), sent the way
 * kubectl sends it: through the same validation as YAML (so `--name="$(id)"` or `--port=0` gets the API
 * server's own `The Service "$(id)" is invalid: …`), then the control plane, whose refusals (a node port
 * in use, a playground limit) are printed too. Nothing is created when either refuses.
 */
export function applyGenerated(
  ctx: ShellContext,
  object: Record<string, unknown>,
  success: string,
): CommandOutput {
  const yaml = stringify(object);
  const errors = parseManifests([{ file: '-', text: yaml }]).diagnostics.filter(
    (d) => d.severity === 'error',
  );
  if (errors.length > 0) {
    const text = printObjectErrors(formatErrors(errors, yaml, '-', () => true));
    return { stdout: '', stderr: text, exitCode: 1 };
  }
  const known = new Set(ctx.sim.diagnostics.map(diagnosticKey));
  performAction(ctx, { type: 'apply', yaml });
  const refused = ctx.sim.diagnostics.filter((d) => d.severity === 'error' && !known.has(diagnosticKey(d)));
  if (refused.length > 0) {
    const text = printObjectErrors(formatErrors(refused, yaml, '-', () => true));
    return { stdout: '', stderr: text, exitCode: 1 };
  }
  return { stdout: success, stderr: '', exitCode: 0 };
}

/** `kubectl apply -f` / `kubectl create -f`. */
export function runApplyOrCreate(
  ctx: ShellContext,
  parsed: ParsedFlags,
  verb: 'apply' | 'create',
  stdin: string,
): CommandOutput {
  const files = flagAll(parsed, 'filename');
  if (files.length === 0) {
    if (verb === 'create' && parsed.args.length > 0)
      return {
        stdout: '',
        stderr: `error: kubeplay does not simulate 'kubectl create ${parsed.args[0] ?? ''}'; write the object as YAML and use 'kubectl create -f FILE'\n`,
        exitCode: 1,
      };
    return { stdout: '', stderr: 'error: must specify one of -f and -k\n\n', exitCode: 1 };
  }
  let stdout = '';
  // every error of the invocation, printed at the end as kubectl prints its aggregate
  const errors: ObjectError[] = [];
  const namespaceFlag = flagString(parsed, 'namespace');
  for (const file of files) {
    const text = readSource(ctx, file, stdin);
    if (text === undefined || typeof text !== 'string') {
      errors.push(sameBothWays('', text ? text.error : `error: the path "${file}" does not exist`));
      continue;
    }
    // the name kubectl's errors give the source: standard input is "STDIN" (cli-runtime's
    // resource/visitor.go, constSTDINstr), as in `error when creating "STDIN": …`
    const source = file === '-' ? 'STDIN' : file;
    const result = parseManifests([{ file, text }]);
    const parseErrors = result.diagnostics.filter((d) => d.severity === 'error');
    const namespaceOf = (kind: string, m?: Manifest): string => {
      const type = findResourceType(kind);
      if (!type?.namespaced) return '';
      return m
        ? manifestNamespace(m, namespaceFlag ?? ctx.session.namespace)
        : (namespaceFlag ?? ctx.session.namespace);
    };
    const isNew = (kind: string, name: string): boolean => {
      const type = findResourceType(kind);
      return !type || snapshotOf(ctx.sim.state, type, namespaceOf(kind), name) === undefined;
    };
    errors.push(...formatErrors(parseErrors, text, source, isNew));
    const docs = parseAllDocuments(text);
    // A document the yaml library could not read has no text of its own (String() throws on it); its
    // errors are already in parseErrors.
    const docTexts = (Array.isArray(docs) ? docs : [docs]).map((d) =>
      d.errors.length === 0 ? String(d) : undefined,
    );
    // a document's own text when it holds one object (a List's items are written out one by one)
    const objectsPerDoc = new Map<number, number>();
    for (const m of result.manifests) {
      const doc = m.source?.doc;
      if (doc !== undefined) objectsPerDoc.set(doc, (objectsPerDoc.get(doc) ?? 0) + 1);
    }
    const textOf = (m: Manifest): string => {
      const doc = m.source?.doc;
      const own = doc !== undefined && objectsPerDoc.get(doc) === 1 ? docTexts[doc] : undefined;
      return own ?? stringify(m);
    };
    const toApply: string[] = [];
    const pending: {
      type: ResourceType;
      ns: string;
      name: string;
      before: string | undefined;
      label: string;
    }[] = [];
    for (const m of result.manifests) {
      if (m.kind === 'Cluster') continue;
      const type = findResourceType(m.kind);
      if (!type) continue;
      const name = manifestName(m);
      const ns = namespaceOf(m.kind, m);
      const before = snapshotOf(ctx.sim.state, type, ns, name);
      if (verb === 'create' && before !== undefined) {
        errors.push(
          sameBothWays(
            `${m.kind}/${name}`,
            `Error from server (AlreadyExists): error when creating "${source}": ${qualifiedPlural(type)} "${name}" already exists`,
          ),
        );
        continue;
      }
      toApply.push(textOf(m));
      pending.push({ type, ns, name, before, label: `${qualifiedSingular(type)}/${name}` });
    }
    if (toApply.length === 0) continue;
    // the whole file when every document goes in (the log keeps the user's text and comments)
    const whole = toApply.length === result.manifests.length && parseErrors.length === 0;
    let yaml = whole ? text : toApply.map((t) => t.replace(/\n?$/, '\n')).join('---\n');
    if (namespaceFlag) yaml = withDefaultNamespace(yaml, namespaceFlag);
    const known = new Set(ctx.sim.diagnostics.map(diagnosticKey));
    const createdBefore = new Set(
      pending.filter((p) => p.before === undefined).map((p) => `${p.type.kind}/${p.name}`),
    );
    performAction(ctx, { type: 'apply', yaml });
    // the control plane's refusals (a node port already allocated, a full range) come back as diagnostics
    const refused = ctx.sim.diagnostics.filter((d) => d.severity === 'error' && !known.has(diagnosticKey(d)));
    const refusedErrors = formatErrors(refused, yaml, source, (kind, name) =>
      createdBefore.has(`${kind}/${name}`),
    );
    errors.push(...refusedErrors);
    const refusedKeys = new Set(refusedErrors.map((e) => e.key));
    for (const p of pending) {
      if (refusedKeys.has(`${p.type.kind}/${p.name}`)) continue;
      const after = snapshotOf(ctx.sim.state, p.type, p.ns, p.name);
      if (after === undefined) continue;
      const what = p.before === undefined ? 'created' : after === p.before ? 'unchanged' : 'configured';
      stdout += `${p.label} ${verb === 'create' ? 'created' : what}\n`;
    }
  }
  const stderr = printObjectErrors(errors);
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

function withDefaultNamespace(yaml: string, namespace: string): string {
  const docs = parseAllDocuments(yaml);
  return (Array.isArray(docs) ? docs : [docs])
    .map((d) => {
      if (!d.hasIn(['metadata', 'namespace']) && d.hasIn(['metadata']))
        d.setIn(['metadata', 'namespace'], namespace);
      return String(d);
    })
    .join('---\n');
}

function toTargets(
  ctx: ShellContext,
  parsed: ParsedFlags,
): { ok: true; targets: { type: ResourceType; names: string[] }[] } | { ok: false; error: string } {
  const resolved = resolveResourceArgs(parsed.args);
  if (!resolved.ok) return resolved;
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const selectorText = flagString(parsed, 'selector');
  const all = flagBool(parsed, 'all');
  const targets = resolved.requests.map((r) => {
    if (r.names.length > 0 || (!all && selectorText === undefined)) return { type: r.type, names: r.names };
    const selector = selectorText
      ? parseLabelSelector(selectorText)
      : { ok: true as const, requirements: [] };
    const names = listObjects(ctx.sim.state, r.type.kind)
      .filter((o) => !r.type.namespaced || o.namespace === namespace)
      .filter((o) => (selector.ok ? matchesSelector(selector.requirements, o.labels) : false))
      .map((o) => o.name)
      .sort();
    return { type: r.type, names };
  });
  return { ok: true, targets };
}

export function runDelete(ctx: ShellContext, parsed: ParsedFlags, stdin: string): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const read = readDeleteGrace(parsed);
  if (!read.ok) return { stdout: '', stderr: `error: ${read.error}\n`, exitCode: 1 };
  const { grace } = read;
  let stdout = '';
  let stderr = '';
  const files = flagAll(parsed, 'filename');
  const targets: { type: ResourceType; names: string[] }[] = [];
  for (const file of files) {
    const text = readSource(ctx, file, stdin);
    if (text === undefined || typeof text !== 'string') {
      stderr += text ? `${text.error}\n` : `error: the path "${file}" does not exist\n`;
      continue;
    }
    for (const m of parseManifests([{ file, text }]).manifests) {
      const type = findResourceType(m.kind);
      if (type) targets.push({ type, names: [manifestName(m)] });
    }
  }
  if (files.length === 0) {
    if (parsed.args.length === 0)
      return {
        stdout: '',
        stderr:
          "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
        exitCode: 1,
      };
    const resolved = toTargets(ctx, parsed);
    if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
    if (
      resolved.targets.every((t) => t.names.length === 0) &&
      !flagBool(parsed, 'all') &&
      flagString(parsed, 'selector') === undefined
    )
      return {
        stdout: '',
        stderr: 'error: resource(s) were provided, but no name was specified\n',
        exitCode: 1,
      };
    targets.push(...resolved.targets);
  }
  const ignore = flagBool(parsed, 'ignore-not-found');
  const deletedPods: { namespace: string; name: string }[] = [];
  for (const t of targets) {
    for (const name of t.names) {
      const found = findObject(ctx.sim.state, t.type, namespace, name);
      const kind = actionKind(t.type, 'remove');
      if (!found || !kind) {
        if (!ignore) stderr += notFoundMessage(t.type, name) + '\n';
        continue;
      }
      if (kind === 'Namespace' && UNDELETABLE_NAMESPACES.includes(name)) {
        // kube-apiserver's NamespaceLifecycle admission plugin refuses these three.
        stderr += `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted\n`;
        continue;
      }
      // The grace period is the pod's DeleteOptions; a controller's pods keep their own.
      const ownGrace = kind !== 'Pod' || grace.gracePeriod < 0;
      performAction(ctx, {
        type: 'delete',
        kind,
        namespace: t.type.namespaced ? found.namespace : '',
        name,
        ...(ownGrace ? {} : { gracePeriodSeconds: grace.gracePeriod }),
      });
      if (kind === 'Pod') deletedPods.push({ namespace: found.namespace, name });
      stdout += `${qualifiedSingular(t.type)} "${name}" ${deletedWord(grace)}\n`;
    }
  }
  if (flagString(parsed, 'wait') !== 'false') waitForPodsGone(ctx, deletedPods);
  // a selector or --all that matches nothing is not an error for kubectl
  if (!stdout && !stderr)
    return { stdout: '', stderr: `${grace.warning ?? ''}No resources found\n`, exitCode: 0 };
  const exitCode = stderr ? 1 : 0;
  if (!grace.warning) return { stdout, stderr, exitCode };
  // kubectl warns before it deletes anything: on a terminal the warning comes first
  return { stdout, stderr: grace.warning + stderr, exitCode, display: grace.warning + stdout + stderr };
}

export function runScale(ctx: ShellContext, parsed: ParsedFlags): CommandOutput {
  const replicasText = flagString(parsed, 'replicas');
  if (replicasText === undefined)
    return { stdout: '', stderr: 'error: required flag(s) "replicas" not set\n', exitCode: 1 };
  // kubectl scale's --replicas is an int (64-bit): pflag refuses what is not one.
  const parsedReplicas = parseIntFlag({ name: 'replicas' }, replicasText, 64);
  if (!parsedReplicas.ok) return { stdout: '', stderr: `error: ${parsedReplicas.error}\n`, exitCode: 1 };
  const replicas = parsedReplicas.value;
  if (replicas < 0)
    return {
      stdout: '',
      stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
      exitCode: 1,
    };
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const resolved = toTargets(ctx, parsed);
  if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
  let stdout = '';
  let stderr = '';
  for (const t of resolved.targets) {
    if (!kindModule(t.type.kind).scalable) {
      stderr += `error: no objects passed to scale ${qualifiedPlural(t.type)} is not scalable\n`;
      continue;
    }
    if (t.names.length === 0) {
      stderr += 'error: resource(s) were provided, but no name was specified\n';
      continue;
    }
    for (const name of t.names) {
      const found = findObject(ctx.sim.state, t.type, namespace, name);
      if (!found) {
        stderr += notFoundMessage(t.type, name) + '\n';
        continue;
      }
      const kind = t.type.kind as 'Deployment' | 'ReplicationController' | 'ReplicaSet';
      if (exceedsPodLimit(ctx.sim.state, kind, namespace, name, replicas)) {
        // Refused before the controller makes a single pod, as the API server refuses an invalid object.
        stderr += `The ${kind} "${name}" is invalid: spec.replicas: ${invalid(replicas, podLimitDetail())}\n`;
        continue;
      }
      performAction(ctx, {
        type: 'scale',
        kind: t.type.kind as 'Deployment' | 'ReplicationController' | 'ReplicaSet',
        namespace,
        name,
        replicas,
      });
      stdout += `${qualifiedSingular(t.type)}/${name} scaled\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** `kubectl label|annotate TYPE NAME k=v k2-` */
export function runLabel(ctx: ShellContext, parsed: ParsedFlags, verb: 'label' | 'annotate'): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  // the args are TYPE NAME... then k=v / k- pairs; TYPE/NAME works too
  const changes = parsed.args.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const resources = parsed.args.filter((a) => !changes.includes(a));
  if (changes.length === 0)
    return {
      stdout: '',
      stderr: `error: at least one ${verb === 'label' ? 'label' : 'annotation'} update is required\n`,
      exitCode: 1,
    };
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const eq = c.indexOf('=');
      const value = c.slice(eq + 1);
      // kubectl label checks each value itself before sending anything (parseLabels in
      // https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/label/label.go).
      const problems = verb === 'label' ? isLabelValue(value) : [];
      if (problems.length > 0)
        return {
          stdout: '',
          stderr: `error: invalid label value: ${JSON.stringify(c)}: ${problems.join(';')}\n`,
          exitCode: 1,
        };
      set[c.slice(0, eq)] = value;
    }
  }
  const resolved = toTargets(ctx, { ...parsed, args: resources });
  if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
  const overwrite = flagBool(parsed, 'overwrite');
  let stdout = '';
  let stderr = '';
  for (const t of resolved.targets) {
    for (const name of t.names) {
      const found = findObject(ctx.sim.state, t.type, namespace, name);
      const kind = actionKind(t.type, 'relabel');
      if (!found || !kind) {
        stderr += notFoundMessage(t.type, name) + '\n';
        continue;
      }
      const current = verb === 'label' ? found.labels : found.annotations;
      const clash = Object.keys(set).find((k) => current[k] !== undefined && current[k] !== set[k]);
      if (clash && !overwrite) {
        stderr += `error: '${clash}' already has a value (${current[clash] ?? ''}), and --overwrite is false\n`;
        continue;
      }
      const changed =
        Object.keys(set).some((k) => current[k] !== set[k]) || remove.some((k) => current[k] !== undefined);
      for (const k of remove)
        if (current[k] === undefined)
          stderr += `${verb === 'label' ? 'label' : 'annotation'} "${k}" not found.\n`;
      if (changed)
        performAction(ctx, {
          type: verb,
          kind,
          namespace: t.type.namespaced ? found.namespace : '',
          name,
          set,
          remove,
        });
      // kubectl label's updateDataChangeMsg: fewer labels without --overwrite reads "unlabeled"
      const shrinks =
        remove.some((k) => current[k] !== undefined) &&
        Object.keys(set).every((k) => current[k] !== undefined);
      const past = verb === 'label' ? (shrinks && !overwrite ? 'unlabeled' : 'labeled') : 'annotated';
      stdout += `${qualifiedSingular(t.type)}/${name} ${changed ? past : `not ${verb === 'label' ? 'labeled' : 'annotated'}`}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr && !stdout ? 1 : 0 };
}

/** `kubectl expose` builds the Service the way kubectl's generator does, then creates it. */
export function runExpose(ctx: ShellContext, parsed: ParsedFlags): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const resolved = resolveResourceArgs(parsed.args);
  if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
  const request = resolved.requests[0];
  const name = request?.names[0];
  if (!request || name === undefined)
    return {
      stdout: '',
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      exitCode: 1,
    };
  const found = findObject(ctx.sim.state, request.type, namespace, name);
  if (!found) return { stdout: '', stderr: notFoundMessage(request.type, name) + '\n', exitCode: 1 };
  const source = kindModule(found.kind).exposeSource?.(found) ?? {
    error: `error: cannot expose a ${found.kind}\n`,
  };
  if ('error' in source) return { stdout: '', stderr: source.error, exitCode: 1 };
  let selector = source.selector;
  const containerPorts = source.containerPorts;
  const selectorFlag = flagString(parsed, 'selector');
  if (selectorFlag)
    selector = Object.fromEntries(selectorFlag.split(',').map((kv) => kv.split('=') as [string, string]));
  if (!selector || Object.keys(selector).length === 0)
    return {
      stdout: '',
      stderr:
        "error: couldn't retrieve selectors via --selector flag or introspection: the object has no selector\n",
      exitCode: 1,
    };
  const portFlag = flagString(parsed, 'port');
  const targetPortFlag = flagString(parsed, 'target-port');
  const protocol = flagString(parsed, 'protocol') ?? 'TCP';
  let ports: Record<string, unknown>[];
  if (portFlag !== undefined) {
    const targetPort =
      targetPortFlag === undefined
        ? Number(portFlag)
        : /^\d+$/.test(targetPortFlag)
          ? Number(targetPortFlag)
          : targetPortFlag;
    ports = [{ port: Number(portFlag), protocol, targetPort }];
  } else {
    if (containerPorts.length === 0)
      return {
        stdout: '',
        stderr:
          "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
        exitCode: 1,
      };
    ports = containerPorts.map((p, i) => ({
      ...(containerPorts.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: p.port,
      protocol: flagString(parsed, 'protocol') ?? p.protocol,
      targetPort:
        targetPortFlag === undefined
          ? p.port
          : /^\d+$/.test(targetPortFlag)
            ? Number(targetPortFlag)
            : targetPortFlag,
    }));
  }
  const serviceName = flagString(parsed, 'name') ?? name;
  const type = flagString(parsed, 'type');
  if (type !== undefined && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type))
    return { stdout: '', stderr: `error: invalid service type "${type}"\n`, exitCode: 1 };
  const affinity = flagString(parsed, 'session-affinity');
  if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP')
    return {
      stdout: '',
      stderr: `The Service "${serviceName}" is invalid: spec.sessionAffinity: Unsupported value: "${affinity}": supported values: "ClientIP", "None"\n`,
      exitCode: 1,
    };
  const serviceType = findResourceType('service');
  if (serviceType && findObject(ctx.sim.state, serviceType, namespace, serviceName))
    return {
      stdout: '',
      stderr: `Error from server (AlreadyExists): services "${serviceName}" already exists\n`,
      exitCode: 1,
    };
  const labelsFlag = flagString(parsed, 'labels');
  const labels = labelsFlag
    ? Object.fromEntries(labelsFlag.split(',').map((kv) => kv.split('=') as [string, string]))
    : found.labels;
  const spec: Record<string, unknown> = { ports, selector: { ...selector } };
  if (type) spec['type'] = type;
  if (affinity) spec['sessionAffinity'] = affinity;
  const externalIp = flagString(parsed, 'external-ip');
  if (externalIp) spec['externalIPs'] = externalIp.split(',');
  const clusterIp = flagString(parsed, 'cluster-ip');
  if (clusterIp) spec['clusterIP'] = clusterIp;
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: serviceName,
      namespace,
      ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
    },
    spec,
  };
  return applyGenerated(ctx, service, `service/${serviceName} exposed\n`);
}
