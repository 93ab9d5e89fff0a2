/**
 * `kubectl explain RESOURCE[.field...] [--recursive] [--api-version=G/V]`: the documentation of a kind
 * or a field, read from the Kubernetes 1.33 OpenAPI schema that the editor uses too. Resource names are
 * those of `kubectl api-resources` (plural, singular, short names, `deployments.apps`); the messages are
 * kubectl's (https://github.com/kubernetes/kubectl/blob/release-1.33/pkg/cmd/explain/explain.go).
 */
import type { CommandOutput } from '../context.ts';
import { k8sOpenApi } from '../../schema/k8sOpenApi.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagString } from './flags.ts';
import { ExplainError, ExplainRenderer } from './explainRender.ts';
import type { ResourceType } from './resources.ts';
import { resourceTypes } from './resources.ts';

export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'recursive', value: false },
  { name: 'api-version', value: true },
  { name: 'output', short: 'o', value: true },
];

function fail(message: string): CommandOutput {
  return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 };
}

function matchesName(t: ResourceType, name: string): boolean {
  return (
    t.plural === name || t.singular === name || t.shortNames.includes(name) || t.kind.toLowerCase() === name
  );
}

/** Splits `svc.spec.ports` or `deployments.apps.spec` into the resource type and the field path. */
function splitRequest(request: string): { type: ResourceType; fields: string[] } | { error: string } {
  const trimmed = request.replace(/\.$/, '');
  const [head = '', ...rest] = trimmed.split('.');
  const name = head.toLowerCase();
  const types = resourceTypes().filter((t) => matchesName(t, name));
  if (types.length === 0) return { error: `the server doesn't have a resource type "${head}"` };
  for (const t of types) {
    // kubectl accepts the group-qualified name as a prefix: deployments.apps.spec
    const qualified = t.group ? `${t.plural}.${t.group}` : '';
    if (qualified && trimmed.toLowerCase().startsWith(qualified + '.'))
      return { type: t, fields: trimmed.slice(qualified.length + 1).split('.') };
    if (qualified && trimmed.toLowerCase() === qualified) return { type: t, fields: [] };
  }
  const fields = rest.filter((f) => f !== '');
  if (fields.length !== rest.length)
    return { error: 'invalid jsonpath syntax, all nodes must be field nodes' };
  return { type: types[0] as ResourceType, fields };
}

/**
 * Tab completion for `kubectl explain WORD`: resource names, then, after a dot, the fields of what the
 * path so far names (`svc.spec.sess` → `svc.spec.sessionAffinity`, `svc.spec.sessionAffinityConfig`).
 */
export function explainCompletions(word: string): string[] {
  const dot = word.lastIndexOf('.');
  if (dot < 0) {
    const names = resourceTypes().flatMap((t) => [t.plural, ...t.shortNames]);
    return [...new Set(names)].filter((n) => n.startsWith(word.toLowerCase())).sort();
  }
  const split = splitRequest(word.slice(0, dot));
  if ('error' in split) return [];
  const { type, fields } = split;
  const names = new ExplainRenderer(k8sOpenApi()).fieldNames(
    { group: type.group, version: type.version, kind: type.kind },
    fields,
  );
  const prefix = word.slice(dot + 1);
  return names.filter((n) => n.startsWith(prefix)).map((n) => `${word.slice(0, dot + 1)}${n}`);
}

export function runExplain(parsed: ParsedFlags): CommandOutput {
  if (parsed.args.length === 0)
    return fail(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (parsed.args.length > 1) return fail('We accept only this format: explain RESOURCE');
  const output = flagString(parsed, 'output') ?? 'plaintext';
  if (output !== 'plaintext')
    return {
      stdout: '',
      stderr: `kubeplay: 'kubectl explain --output=${output}' is not simulated; only plaintext is\n`,
      exitCode: 1,
    };
  const split = splitRequest(parsed.args[0] ?? '');
  if ('error' in split) return fail(split.error);
  const { type, fields } = split;
  let group = type.group;
  let version = type.version;
  const apiVersion = flagString(parsed, 'api-version');
  if (apiVersion !== undefined) {
    const slash = apiVersion.indexOf('/');
    group = slash >= 0 ? apiVersion.slice(0, slash) : '';
    version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  }
  if (group !== type.group || version !== type.version)
    return fail(`couldn't find resource for "${group}/${version}, Resource=${type.plural}"`);
  try {
    const text = new ExplainRenderer(k8sOpenApi()).render(
      { group, version, kind: type.kind },
      fields,
      flagBool(parsed, 'recursive'),
    );
    return { stdout: text, stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof ExplainError) return fail(e.message);
    throw e;
  }
}
