/**
 * JSON Patch, RFC 6902 (https://www.rfc-editor.org/rfc/rfc6902): a list of add, remove, replace, move,
 * copy and test operations addressed by JSON Pointers (RFC 6901: `/spec/ports/0/port`, `~1` for `/`,
 * `~0` for `~`, `-` for the end of a list). `kubectl patch --type=json`. The whole patch fails if
 * one operation fails, as the RFC says (section 5).
 */
import type { Json } from './jsonValue.ts';
import { clone, isMap, jsonEqual } from './jsonValue.ts';

/**
 * A failure is `unprocessable` when the patch decoded but an operation could not be applied: the API
 * server answers that with a bare 422 (apiserver endpoints/handlers/patch.go, applyJSPatch:
 * NewGenericServerResponse(http.StatusUnprocessableEntity, …)), not with the operation's error.
 */
export type JsonPatchResult = { ok: true; value: Json } | { ok: false; error: string; unprocessable?: true };

function tokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

class PatchError extends Error {}

function index(list: Json[], token: string, forAdd: boolean): number {
  if (token === '-' && forAdd) return list.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new PatchError(`invalid index "${token}"`);
  const i = Number(token);
  if (i > list.length || (!forAdd && i === list.length)) throw new PatchError(`index ${i} is out of range`);
  return i;
}

/** The container the last token lives in, and that token. */
function parentOf(doc: Json, path: string[], op: string, pointer: string): { parent: Json; last: string } {
  let node: Json = doc;
  for (const t of path.slice(0, -1)) {
    if (Array.isArray(node)) node = node[index(node, t, false)] as Json;
    else if (isMap(node) && Object.prototype.hasOwnProperty.call(node, t)) node = node[t] as Json;
    else throw new PatchError(`${op} operation does not apply: doc is missing path: "${pointer}"`);
  }
  return { parent: node, last: path[path.length - 1] ?? '' };
}

function get(doc: Json, pointer: string, op: string): Json {
  const path = tokens(pointer);
  if (!path) throw new PatchError(`invalid JSON pointer "${pointer}"`);
  if (path.length === 0) return doc;
  const { parent, last } = parentOf(doc, path, op, pointer);
  if (Array.isArray(parent)) return parent[index(parent, last, false)] as Json;
  if (isMap(parent) && Object.prototype.hasOwnProperty.call(parent, last)) return parent[last] as Json;
  throw new PatchError(`${op} operation does not apply: doc is missing path: "${pointer}"`);
}

function remove(doc: Json, pointer: string, op: string): Json {
  const path = tokens(pointer);
  if (!path || path.length === 0) throw new PatchError(`invalid JSON pointer "${pointer}"`);
  const { parent, last } = parentOf(doc, path, op, pointer);
  if (Array.isArray(parent)) return parent.splice(index(parent, last, false), 1)[0] as Json;
  if (isMap(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    const old = parent[last] as Json;
    delete parent[last];
    return old;
  }
  throw new PatchError(`${op} operation does not apply: doc is missing path: "${pointer}"`);
}

function add(doc: Json, pointer: string, value: Json, op: string): Json {
  const path = tokens(pointer);
  if (!path) throw new PatchError(`invalid JSON pointer "${pointer}"`);
  if (path.length === 0) return value;
  const { parent, last } = parentOf(doc, path, op, pointer);
  if (Array.isArray(parent)) parent.splice(index(parent, last, true), 0, value);
  else if (isMap(parent)) parent[last] = value;
  else throw new PatchError(`${op} operation does not apply: doc is missing path: "${pointer}"`);
  return doc;
}

export function applyJsonPatch(target: Json, patch: Json): JsonPatchResult {
  if (!Array.isArray(patch))
    return { ok: false, error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let doc = clone(target);
  try {
    for (const raw of patch) {
      if (!isMap(raw)) throw new PatchError('an operation must be an object');
      const op = typeof raw['op'] === 'string' ? raw['op'] : '';
      const path = typeof raw['path'] === 'string' ? raw['path'] : undefined;
      if (path === undefined) throw new PatchError(`${op} operation missing path`);
      const from = typeof raw['from'] === 'string' ? raw['from'] : undefined;
      const value = raw['value'];
      switch (op) {
        case 'add':
          if (value === undefined) throw new PatchError('add operation missing value');
          doc = add(doc, path, clone(value), op);
          break;
        case 'remove':
          remove(doc, path, op);
          break;
        case 'replace':
          if (value === undefined) throw new PatchError('replace operation missing value');
          get(doc, path, op);
          if (path === '') doc = clone(value);
          else {
            remove(doc, path, op);
            doc = add(doc, path, clone(value), op);
          }
          break;
        case 'move': {
          if (from === undefined) throw new PatchError('move operation missing from');
          const moved = remove(doc, from, op);
          doc = add(doc, path, moved, op);
          break;
        }
        case 'copy': {
          if (from === undefined) throw new PatchError('copy operation missing from');
          doc = add(doc, path, clone(get(doc, from, op)), op);
          break;
        }
        case 'test':
          if (!jsonEqual(get(doc, path, op), value ?? null))
            throw new PatchError(`testing value ${path} failed: test failed`);
          break;
        default:
          throw new PatchError(`Unexpected kind: ${op}`);
      }
    }
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, error: e.message, unprocessable: true };
    throw e;
  }
  return { ok: true, value: doc };
}
