/**
 * `kubectl get`: tables like the API server's table convertor, `-o wide|name|json|yaml|jsonpath=`,
 * `-n`, `-A`, `-l`, `--show-labels`, several types at once (`svc,ep`, `all`) and `TYPE/NAME`.
 */
import type { ClusterState } from '../../model/state.ts';
import type { CommandOutput } from '../context.ts';
import { formatTable } from '../format/tabwriter.ts';
import { formatObjects, toApiObject } from './apiObjects.ts';
import { flagAll, flagBool, flagString } from './flags.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { evaluateJsonPath, select } from './jsonpath.ts';
import { formatLabels, matchesSelector, parseLabelSelector } from './labelSelector.ts';
import type { ListedObject } from './listing.ts';
import { listObjects } from './listing.ts';
import { headersOf, rowOf } from './printers.ts';
import type { ResourceType } from './resources.ts';
import {
  resourcesInCategory,
  findResourceType,
  qualifiedPlural,
  qualifiedSingular,
  resourceTypeOfKind,
} from './resources.ts';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'all-namespaces', short: 'A', value: false },
  { name: 'selector', short: 'l', value: true },
  { name: 'show-labels', value: false },
  { name: 'label-columns', short: 'L', value: true, multi: true },
  { name: 'no-headers', value: false },
  { name: 'watch', short: 'w', value: false },
  { name: 'show-kind', value: false },
  { name: 'sort-by', value: true },
];

export interface ResourceRequest {
  type: ResourceType;
  /** Empty: every object of the type (in scope). */
  names: string[];
}

export type ResolvedArgs =
  | { ok: true; requests: ResourceRequest[]; multiType: boolean; byName: boolean }
  | { ok: false; error: string };

/** `svc,ep kubia`, `all`, `pod/a svc/b` -> which types and names were asked for. */
export function resolveResourceArgs(args: string[]): ResolvedArgs {
  const first = args[0];
  if (first === undefined) return { ok: false, error: 'error: Required resource not specified.' };
  if (first.includes('/')) {
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        return {
          ok: false,
          error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        };
      const type = findResourceType(arg.slice(0, slash));
      if (!type)
        return {
          ok: false,
          error: `error: the server doesn't have a resource type "${arg.slice(0, slash)}"`,
        };
      const existing = requests.find((r) => r.type.kind === type.kind);
      if (existing) existing.names.push(arg.slice(slash + 1));
      else requests.push({ type, names: [arg.slice(slash + 1)] });
    }
    return { ok: true, requests, multiType: requests.length > 1, byName: true };
  }
  const words = first.split(',').filter((w) => w !== '');
  const types: ResourceType[] = [];
  for (const word of words) {
    if (word === 'all') {
      for (const type of resourcesInCategory('all'))
        if (!types.some((t) => t.kind === type.kind)) types.push(type);
      continue;
    }
    const type = findResourceType(word);
    if (!type) return { ok: false, error: `error: the server doesn't have a resource type "${word}"` };
    if (!types.some((t) => t.kind === type.kind)) types.push(type);
  }
  const names = args.slice(1);
  if (names.length > 0 && words.includes('all') && words.length === 1)
    return { ok: true, requests: types.map((type) => ({ type, names })), multiType: true, byName: true };
  return {
    ok: true,
    requests: types.map((type) => ({ type, names: [...names] })),
    multiType: types.length > 1 || words.includes('all'),
    byName: names.length > 0,
  };
}

function sortObjects(objects: ListedObject[]): ListedObject[] {
  return [...objects].sort((a, b) =>
    a.kind === 'Event' && b.kind === 'Event'
      ? a.createdAt - b.createdAt
      : a.namespace === b.namespace
        ? a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : 0
        : a.namespace < b.namespace
          ? -1
          : 1,
  );
}

/** Finds one named object of a type in a namespace (ignored for cluster-scoped types). */
export function findObject(
  state: ClusterState,
  type: ResourceType,
  namespace: string,
  name: string,
): ListedObject | undefined {
  return listObjects(state, type.kind).find(
    (o) => o.name === name && (!type.namespaced || o.namespace === namespace),
  );
}

export function notFoundMessage(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedPlural(type)} "${name}" not found`;
}

/** `--sort-by=.metadata.creationTimestamp` / `{.status.podIP}`: a stable sort on one field of the API object. */
function sortByField(objects: ListedObject[], field: string, state: ClusterState): ListedObject[] {
  const path = field.replace(/^\{|\}$/g, '');
  const keyed = objects.map((o) => {
    const v = select(path.startsWith('.') ? path : `.${path}`, toApiObject(o, state))?.[0];
    return {
      o,
      v: typeof v === 'number' || typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v),
    };
  });
  keyed.sort((a, b) =>
    typeof a.v === 'number' && typeof b.v === 'number'
      ? a.v - b.v
      : String(a.v).localeCompare(String(b.v), 'en', { numeric: true }),
  );
  return keyed.map((k) => k.o);
}

export function runGet(state: ClusterState, parsed: ParsedFlags, defaultNamespace: string): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? defaultNamespace;
  const allNamespaces = flagBool(parsed, 'all-namespaces');
  const output = flagString(parsed, 'output') ?? '';
  const showLabels = flagBool(parsed, 'show-labels');
  const noHeaders = flagBool(parsed, 'no-headers');
  const labelColumns = flagAll(parsed, 'label-columns')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const wide = output === 'wide';

  if (parsed.args.length === 0) {
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      exitCode: 1,
    };
  }
  const format = output.startsWith('jsonpath=')
    ? 'jsonpath'
    : output.startsWith('custom-columns=')
      ? 'custom-columns'
      : output;
  if (!['', 'wide', 'name', 'json', 'yaml', 'jsonpath', 'custom-columns'].includes(format)) {
    return {
      stdout: '',
      stderr: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`,
      exitCode: 1,
    };
  }
  const resolved = resolveResourceArgs(parsed.args);
  if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
  let requirements: ReturnType<typeof parseLabelSelector> = { ok: true, requirements: [] };
  const selectorText = flagString(parsed, 'selector');
  if (selectorText !== undefined) {
    requirements = parseLabelSelector(selectorText);
    if (!requirements.ok) return { stdout: '', stderr: requirements.error + '\n', exitCode: 1 };
  }

  let stderr = '';
  const groups: { type: ResourceType; objects: ListedObject[] }[] = [];
  for (const request of resolved.requests) {
    let objects: ListedObject[];
    if (request.names.length > 0) {
      objects = [];
      for (const name of request.names) {
        const found = findObject(state, request.type, namespace, name);
        if (found) objects.push(found);
        else stderr += notFoundMessage(request.type, name) + '\n';
      }
    } else {
      objects = sortObjects(
        listObjects(state, request.type.kind).filter(
          (o) => !request.type.namespaced || allNamespaces || o.namespace === namespace,
        ),
      );
    }
    if (requirements.ok && requirements.requirements.length > 0)
      objects = objects.filter((o) =>
        matchesSelector(requirements.ok ? requirements.requirements : [], o.labels),
      );
    const sortBy = flagString(parsed, 'sort-by');
    if (sortBy) objects = sortByField(objects, sortBy, state);
    groups.push({ type: request.type, objects });
  }

  const all = groups.flatMap((g) => g.objects);
  const exitCode = stderr ? 1 : 0;
  if (format === 'json' || format === 'yaml' || format === 'jsonpath') {
    const single =
      !resolved.multiType &&
      resolved.byName &&
      all.length === 1 &&
      (resolved.requests[0]?.names.length ?? 0) === 1;
    if (all.length === 0 && !single && stderr) return { stdout: '', stderr, exitCode };
    const api = all.map((o) => toApiObject(o, state));
    if (format === 'jsonpath') {
      const value = single
        ? api[0]
        : { apiVersion: 'v1', items: api, kind: 'List', metadata: { resourceVersion: '' } };
      const r = evaluateJsonPath(output.slice('jsonpath='.length), value);
      if (!r.ok) return { stdout: '', stderr: stderr + r.error + '\n', exitCode: 1 };
      return { stdout: r.text, stderr, exitCode };
    }
    return { stdout: formatObjects(api, format, !single), stderr, exitCode };
  }
  if (format === 'custom-columns') {
    // NAME:.metadata.name,IP:.status.podIP — one column per spec, `<none>` where the path finds nothing
    const specs = output
      .slice('custom-columns='.length)
      .split(',')
      .map((c) => {
        const colon = c.indexOf(':');
        return { header: c.slice(0, colon), path: c.slice(colon + 1).replace(/^\{|\}$/g, '') };
      });
    if (specs.some((c) => c.header === '' || c.path === ''))
      return {
        stdout: '',
        stderr: 'error: custom-columns format specified but no custom columns given\n',
        exitCode: 1,
      };
    const rows = noHeaders ? [] : [specs.map((c) => c.header)];
    for (const o of all) {
      const api = toApiObject(o, state);
      rows.push(
        specs.map((c) => {
          const values = select(c.path.startsWith('.') ? c.path : `.${c.path}`, api) ?? [];
          return values.length === 0
            ? '<none>'
            : values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
        }),
      );
    }
    if (all.length === 0 && !stderr)
      return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
    return { stdout: rows.length ? formatTable(rows) : '', stderr, exitCode };
  }
  if (format === 'name') {
    return {
      stdout: all.map((o) => `${qualifiedSingular(resourceTypeOfKind(o.kind))}/${o.name}\n`).join(''),
      stderr,
      exitCode,
    };
  }

  if (all.length === 0) {
    if (stderr) return { stdout: '', stderr, exitCode };
    const scoped = groups.some((g) => g.type.namespaced) && !allNamespaces;
    return {
      stdout: '',
      stderr: scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n',
      exitCode: 0,
    };
  }

  const tables: string[] = [];
  for (const group of groups) {
    if (group.objects.length === 0) continue;
    const withNamespace = allNamespaces && group.type.namespaced;
    const rows: string[][] = [];
    const headers = headersOf(group.type.kind, wide);
    if (!noHeaders)
      rows.push([
        ...(withNamespace ? ['NAMESPACE'] : []),
        ...headers,
        // -L: one column per label key, headed by its last path segment in capitals (kubectl formatLabelHeaders)
        ...labelColumns.map((k) => (k.split('/').pop() ?? k).toUpperCase()),
        ...(showLabels ? ['LABELS'] : []),
      ]);
    for (const obj of group.objects) {
      const row = rowOf(obj, state, wide);
      if (resolved.multiType) {
        const nameIndex = obj.kind === 'Event' ? -1 : 0;
        if (nameIndex === 0) row[0] = `${qualifiedSingular(group.type)}/${row[0] ?? ''}`;
      }
      rows.push([
        ...(withNamespace ? [obj.namespace] : []),
        ...row,
        ...labelColumns.map((k) => obj.labels[k] ?? ''),
        ...(showLabels ? [formatLabels(obj.labels)] : []),
      ]);
    }
    tables.push(formatTable(rows));
  }
  return { stdout: tables.join('\n'), stderr, exitCode };
}
