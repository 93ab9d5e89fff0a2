/**
 * JSON Merge Patch, RFC 7386 (https://www.rfc-editor.org/rfc/rfc7386#section-2): a map merges key by
 * key, `null` deletes a key, anything else (lists included) replaces the target.
 * `kubectl patch --type=merge`.
 */
import type { Json } from './jsonValue.ts';
import { clone, isMap } from './jsonValue.ts';

export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isMap(patch)) return clone(patch);
  const out = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
