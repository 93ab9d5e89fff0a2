/**
 * The API server's warning for a deprecated API, which kubectl prints on stderr before its own output.
 * Since Kubernetes v1.33 every read or write of core/v1 Endpoints carries one
 * (https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/, KEP-4974); the cluster kubeplay
 * plays is v1.33 (printers.ts). The server adds it to the response whatever the answer, a NotFound
 * included, and kubectl prints each distinct warning once per invocation
 * (https://kubernetes.io/blog/2020/09/03/warnings/).
 */
import { isMap, isSeq, parseAllDocuments } from 'yaml';
import type { ShellContext } from '../context.ts';
import { flagAll } from './flags.ts';
import type { ParsedFlags } from './flags.ts';
import { readSource } from './mutate.ts';
import { findResourceType } from './resources.ts';

export const ENDPOINTS_DEPRECATION_WARNING =
  'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

/** Verbs that name resources as `TYPE[,TYPE] [NAME]` or `TYPE/NAME`. */
const BY_RESOURCE_ARGUMENT = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'patch']);
/** Verbs that send the objects of `-f` files. */
const BY_FILE = new Set(['apply', 'create', 'delete']);

/** The warning the API server answers this kubectl invocation with, or '' when it sends none. */
export function deprecationWarning(
  ctx: ShellContext,
  verb: string,
  parsed: ParsedFlags,
  stdin: string,
): string {
  if (BY_RESOURCE_ARGUMENT.has(verb) && resourceArgumentsName(parsed.args, 'Endpoints'))
    return ENDPOINTS_DEPRECATION_WARNING;
  if (BY_FILE.has(verb) && filesHoldV1Endpoints(ctx, flagAll(parsed, 'filename'), stdin))
    return ENDPOINTS_DEPRECATION_WARNING;
  return '';
}

/** `endpoints`, `ep,svc`, `endpoints/kubia`, `svc/a ep/b`: whether any names the kind's resource. */
function resourceArgumentsName(args: string[], kind: string): boolean {
  const [first, ...others] = args;
  if (first === undefined) return false;
  const types = [
    ...first.split(',').map((word) => word.split('/')[0] ?? ''),
    ...others.filter((arg) => arg.includes('/')).map((arg) => arg.split('/')[0] ?? ''),
  ];
  return types.some((type) => findResourceType(type)?.kind === kind);
}

function filesHoldV1Endpoints(ctx: ShellContext, files: string[], stdin: string): boolean {
  return files.some((file) => {
    const text = readSource(ctx, file, stdin);
    return typeof text === 'string' && textHoldsV1Endpoints(text);
  });
}

/** Reads only `apiVersion` and `kind` of each document, and of each item of a List. */
function textHoldsV1Endpoints(text: string): boolean {
  const docs = parseAllDocuments(text);
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (!isMap(doc.contents)) continue;
    if (isV1Endpoints(doc.get('apiVersion'), doc.get('kind'))) return true;
    const items: unknown = doc.get('items');
    if (
      isSeq(items) &&
      items.items.some((item) => isMap(item) && isV1Endpoints(item.get('apiVersion'), item.get('kind')))
    )
      return true;
  }
  return false;
}

function isV1Endpoints(apiVersion: unknown, kind: unknown): boolean {
  return apiVersion === 'v1' && kind === 'Endpoints';
}
