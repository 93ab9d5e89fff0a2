/**
 * The user's YAML as documents that keep their comments, and the objects inside them (a `List`'s items
 * count one by one, as kubectl flattens them), addressed the way the API server addresses them:
 * kind, namespace, name.
 */
import { isMap, isSeq, parseAllDocuments } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { isClusterScoped } from '../model/scope.ts';
import { isTypedList } from '../parse/apiVersions.ts';

export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface DeclaredObject extends ObjectRef {
  apiVersion: string;
  /** The object's map, inside `yamlDoc` (the document's contents, or an item of its `items`). */
  node: YAMLMap;
  yamlDoc: Document;
}

export type ParsedManifests =
  | { ok: true; yamlDocs: Document[] }
  | { ok: false; line: number; message: string };

export function parseDocuments(text: string): ParsedManifests {
  const yamlDocs = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(yamlDocs)) return { ok: true, yamlDocs: [] };
  for (const yamlDoc of yamlDocs) {
    const error = yamlDoc.errors[0];
    if (error)
      return { ok: false, line: error.linePos?.[0]?.line ?? 1, message: error.message.split('\n')[0] ?? '' };
  }
  return { ok: true, yamlDocs };
}

function text(node: YAMLMap, path: string[]): string {
  const value: unknown = node.getIn(path);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function declaredObject(node: unknown, yamlDoc: Document): DeclaredObject | undefined {
  if (!isMap(node)) return undefined;
  const kind = text(node, ['kind']);
  const name = text(node, ['metadata', 'name']);
  if (!kind) return undefined;
  const namespace = isClusterScoped(kind) ? '' : text(node, ['metadata', 'namespace']) || 'default';
  return { kind, name, namespace, apiVersion: text(node, ['apiVersion']), node, yamlDoc };
}

/** The objects a YAML document declares: itself, or the items of a List. */
export function objectsOf(yamlDoc: Document): DeclaredObject[] {
  const top = declaredObject(yamlDoc.contents, yamlDoc);
  if (!top) return [];
  // kubectl flattens `List` and any typed list (`ServiceList`…) the way the parser does.
  if (top.kind !== 'List' && !isTypedList(top.kind)) return [top];
  const items = top.node.get('items');
  if (!isSeq(items)) return [];
  return items.items.flatMap((item) => {
    const object = declaredObject(item, yamlDoc);
    return object ? [object] : [];
  });
}

export function sameObject(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace || '') === (b.namespace || '');
}

/**
 * Removes an object from a YAML document: `whole` when the object is the document (drop it), `item`
 * when it was one item of a List (the document changed), `none` when it is not there.
 */
export function removeFromDocument(yamlDoc: Document, target: ObjectRef): 'whole' | 'item' | 'none' {
  for (const object of objectsOf(yamlDoc)) {
    if (!sameObject(object, target)) continue;
    if (object.node === yamlDoc.contents) return 'whole';
    const items = (yamlDoc.contents as YAMLMap).get('items');
    if (isSeq(items)) items.items = items.items.filter((item) => item !== object.node);
    return 'item';
  }
  return 'none';
}

export function findObject(yamlDocs: Document[], target: ObjectRef): DeclaredObject | undefined {
  for (const yamlDoc of yamlDocs) {
    const found = objectsOf(yamlDoc).find((object) => sameObject(object, target));
    if (found) return found;
  }
  return undefined;
}
