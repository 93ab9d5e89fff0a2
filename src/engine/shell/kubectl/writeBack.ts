/**
 * The kubectl verbs that change a Deployment's spec on the client (`set image`, `rollout undo`,
 * `rollout restart`) send the edited object back; here, as `kubectl patch` does (patchCommand.ts), the
 * edited object becomes an `apply` action, refused with the API server's wording when invalid.
 */
import { parseManifests } from '../../parse/parseManifests.ts';
import type { ShellContext } from '../context.ts';
import { performAction } from '../context.ts';
import { toApiObject } from './apiObjects.ts';
import type { ListedObject } from './listing.ts';
import { writableText } from './patchCommand.ts';
import type { JsonMap } from './patch/jsonValue.ts';

/** The object as `kubectl get -o json` returns it, to edit. */
export function editableObject(ctx: ShellContext, found: ListedObject): JsonMap {
  return JSON.parse(JSON.stringify(toApiObject(found, ctx.sim.state))) as JsonMap;
}

/** Applies the edited object; returns the API server's refusal, if any. */
export function writeBack(ctx: ShellContext, found: ListedObject, edited: JsonMap): string | undefined {
  const text = writableText(edited);
  const check = parseManifests([{ file: 'kubectl', text }]);
  const invalid = check.diagnostics.filter((d) => d.severity === 'error');
  if (invalid.length > 0)
    return `The ${found.kind} "${found.name}" is invalid: ${invalid.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join(', ')}`;
  performAction(ctx, { type: 'apply', yaml: text });
  return undefined;
}
