/**
 * `kubectl patch TYPE NAME -p PATCH [--type=strategic|merge|json] [--subresource=status]`
 * (https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/).
 * The patch is applied to the object as the API server returns it (`kubectl get -o json`):
 *
 * - on the object itself, the patched object is written back as an `apply` action (its spec, labels and
 *   annotations; the status is the controllers');
 * - with `--subresource=status`, only the status counts, as the API server keeps the rest: a Service's
 *   `status.loadBalancer.ingress` becomes a `serviceStatus` action, what a cloud controller writes.
 *
 * Messages are kubectl's (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go in
 * https://github.com/kubernetes/kubernetes): `service/x patched`, `service/x patched (no change)`.
 */
import { parseDocument, stringify } from 'yaml';
import { findCollectionKey } from '../../parse/collectionKey.ts';
import { parseManifests } from '../../parse/parseManifests.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { performAction } from '../context.ts';
import { toApiObject } from './apiObjects.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { findObject, notFoundMessage, resolveResourceArgs } from './get.ts';
import { applyJsonPatch } from './patch/jsonPatch.ts';
import type { Json, JsonMap } from './patch/jsonValue.ts';
import { isMap, jsonEqual } from './patch/jsonValue.ts';
import { applyMergePatch } from './patch/mergePatch.ts';
import { applyStrategicMerge } from './patch/strategicMerge.ts';
import { qualifiedSingular } from './resources.ts';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', value: true },
  { name: 'type', value: true },
  { name: 'subresource', value: true },
];

const PATCH_TYPES = ['json', 'merge', 'strategic'] as const;
type PatchType = (typeof PATCH_TYPES)[number];

/** apimachinery's NewGenericServerResponse message for a 422 (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go). */
const UNPROCESSABLE_PATCH = 'the server rejected our request due to an error in our request';

const fail = (stderr: string): CommandOutput => ({ stdout: '', stderr: `${stderr}\n`, exitCode: 1 });

/** kubectl reads -p as YAML or JSON (yaml.ToJSON); an unreadable one is refused before any request. */
function readPatch(text: string): { ok: true; value: Json } | { ok: false; error: string } {
  try {
    const doc = parseDocument(text);
    const firstError = doc.errors[0];
    if (firstError) throw firstError;
    const collectionKey = findCollectionKey(doc);
    if (collectionKey)
      return {
        ok: false,
        error: `error: unable to parse "${text}": yaml: invalid map key: ${String(collectionKey.key)}`,
      };
    const value = doc.toJS() as Json | undefined;
    return { ok: true, value: value ?? null };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, error: `error: unable to parse "${text}": yaml: ${why ?? ''}` };
  }
}

function patched(
  type: PatchType,
  target: Json,
  patch: Json,
): { ok: true; value: Json } | { ok: false; error: string; unprocessable?: true } {
  if (type === 'json') return applyJsonPatch(target, patch);
  if (!isMap(patch))
    return {
      ok: false,
      error: `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
    };
  return {
    ok: true,
    value: type === 'merge' ? applyMergePatch(target, patch) : applyStrategicMerge(target, patch),
  };
}

/** What a `kubectl apply` of the patched object needs: what the user may write, not the server's fields. */
export function writableText(obj: JsonMap): string {
  const meta = isMap(obj['metadata']) ? obj['metadata'] : {};
  const kept: JsonMap = {};
  for (const key of ['name', 'namespace', 'labels', 'annotations'])
    if (meta[key] !== undefined) kept[key] = meta[key];
  const { status: _status, metadata: _metadata, ...rest } = obj;
  if (obj['kind'] === 'Service' && isMap(rest['spec'])) rest['spec'] = dropTypeDependentFields(rest['spec']);
  return stringify({ ...rest, metadata: kept });
}

/**
 * The API server clears the Service fields the new type or traffic policy no longer uses, rather than
 * refusing them (dropTypeDependentFields in
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/registry/core/service/strategy.go).
 */
function dropTypeDependentFields(spec: JsonMap): JsonMap {
  const out = { ...spec };
  const type = out['type'];
  if (type !== 'LoadBalancer' || out['externalTrafficPolicy'] !== 'Local') delete out['healthCheckNodePort'];
  if (type !== 'LoadBalancer') {
    delete out['allocateLoadBalancerNodePorts'];
    delete out['loadBalancerClass'];
  }
  // needsNodePort / needsExternalTrafficPolicy: only NodePort and LoadBalancer keep them
  if (type !== 'NodePort' && type !== 'LoadBalancer') {
    delete out['externalTrafficPolicy'];
    if (Array.isArray(out['ports']))
      out['ports'] = out['ports'].map((p) => {
        if (!isMap(p)) return p;
        const { nodePort: _nodePort, ...port } = p;
        return port;
      });
  }
  return out;
}

/**
 * The status as the API server stores it: an ingress entry with an `ip` and no `ipMode` gets
 * `ipMode: VIP` (SetDefaults_Service, pkg/apis/core/v1/defaults.go, LoadBalancerIPMode on by default
 * since 1.30), so sending the same address again changes nothing and kubectl says `(no change)`.
 */
function withIpModeDefault(status: Json | undefined): Json | undefined {
  if (!isMap(status) || !isMap(status['loadBalancer'])) return status;
  const ingress = status['loadBalancer']['ingress'];
  if (!Array.isArray(ingress)) return status;
  const defaulted = ingress.map((i) =>
    isMap(i) && typeof i['ip'] === 'string' && i['ip'] !== '' && i['ipMode'] === undefined
      ? { ...i, ipMode: 'VIP' }
      : i,
  );
  return { ...status, loadBalancer: { ...status['loadBalancer'], ingress: defaulted } };
}

/** The addresses a status patch gives a Service: each entry's ip, else its hostname. */
function loadBalancerIngress(obj: Json): string[] | undefined {
  if (!isMap(obj) || !isMap(obj['status'])) return [];
  const lb = obj['status']['loadBalancer'];
  if (lb === undefined || lb === null) return [];
  if (!isMap(lb)) return undefined;
  const ingress = lb['ingress'];
  if (ingress === undefined || ingress === null) return [];
  if (!Array.isArray(ingress)) return undefined;
  const out: string[] = [];
  for (const i of ingress) {
    if (!isMap(i)) return undefined;
    const address = typeof i['ip'] === 'string' ? i['ip'] : i['hostname'];
    if (typeof address === 'string' && address !== '') out.push(address);
  }
  return out;
}

export function runPatch(ctx: ShellContext, parsed: ParsedFlags): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const typeFlag = flagString(parsed, 'type') ?? 'strategic';
  if (!(PATCH_TYPES as readonly string[]).includes(typeFlag))
    return fail(`error: --type must be one of [${PATCH_TYPES.join(' ')}], not "${typeFlag}"`);
  const patchType = typeFlag as PatchType;
  const subresource = flagString(parsed, 'subresource');
  if (subresource !== undefined && subresource !== 'status' && subresource !== 'scale')
    return fail(`error: invalid subresource value: "${subresource}". Must be one of [status scale]`);
  const patchText = flagString(parsed, 'patch');
  if (patchText === undefined || patchText === '')
    return fail('error: must specify --patch or --patch-file containing the contents of the patch');
  if (parsed.args.length === 0)
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const resolved = resolveResourceArgs(parsed.args);
  if (!resolved.ok) return fail(resolved.error);
  const request = resolved.requests[0];
  const name = request?.names[0];
  if (!request || name === undefined)
    return fail(`error: resource(s) were provided, but no name was specified`);
  const patch = readPatch(patchText);
  if (!patch.ok) return fail(patch.error);
  const found = findObject(ctx.sim.state, request.type, namespace, name);
  if (!found) return fail(notFoundMessage(request.type, name));
  const label = `${qualifiedSingular(request.type)}/${name}`;
  const before = toApiObject(found, ctx.sim.state) as JsonMap;
  const result = patched(patchType, before, patch.value);
  if (!result.ok)
    // a 422 with no kind, name or causes: kubectl's checkErr prints "The request is invalid: " and the
    // status message (https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/util/helpers.go)
    return fail(
      result.unprocessable
        ? `The request is invalid: ${UNPROCESSABLE_PATCH}`
        : `Error from server (BadRequest): ${result.error}`,
    );
  const after = result.value;
  if (!isMap(after)) return fail(`Error from server (BadRequest): the patch does not leave an object`);
  const unchanged = (key: 'status' | undefined): boolean =>
    key
      ? jsonEqual(before[key], withIpModeDefault(after[key]))
      : jsonEqual({ ...before, status: null }, { ...after, status: null });
  const ok = (changed: boolean): CommandOutput => ({
    stdout: `${label} patched${changed ? '' : ' (no change)'}\n`,
    stderr: '',
    exitCode: 0,
  });

  if (subresource !== undefined) {
    // the status subresource keeps everything but the status (and scale: only spec.replicas)
    if (subresource === 'scale' || unchanged('status')) return ok(false);
    if (found.kind !== 'Service')
      return fail(
        `kubeplay: the status of a ${found.kind} is written by its controllers in this simulation; only a Service's status.loadBalancer can be patched`,
      );
    const ingress = loadBalancerIngress(after);
    if (ingress === undefined)
      return fail(
        `The Service "${name}" is invalid: status.loadBalancer.ingress: Invalid value: each entry is an object with an ip or a hostname`,
      );
    performAction(ctx, { type: 'serviceStatus', namespace: found.namespace, name, ingress });
    return ok(true);
  }

  if (unchanged(undefined)) return ok(false);
  const text = writableText(after);
  const check = parseManifests([{ file: 'patch', text }]);
  const invalid = check.diagnostics.filter((d) => d.severity === 'error');
  if (invalid.length > 0) {
    // checkErr on the Invalid StatusError: one cause on the line, several as MultilineError's list
    const causes = invalid.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
    const head = `The ${found.kind} "${name}" is invalid: `;
    return fail(
      causes.length === 1
        ? `${head}${causes[0] ?? ''}`
        : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`,
    );
  }
  performAction(ctx, { type: 'apply', yaml: text });
  return ok(true);
}
