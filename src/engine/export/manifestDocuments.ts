/**
 * The user's YAML as documents that keep their comments, and the objects inside them (a `List`'s items
 * count one by one, as kubectl flattens them), addressed the way the API server addresses them:
 * kind, namespace, name.
 */
import { isMap, isSeq, parseAllDocuments } from 'yaml';
import type { Document, YAMLMap } from 'yaml';

export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface DeclaredObject extends ObjectRef {
  apiVersion: string;
  /** The object's map, inside `document` (the document's contents, or an item of its `items`). */
  node: YAMLMap;
  document: Document;
}

/** Kinds with no namespace: everything else defaults to `default`, as kubectl apply does. */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'IngressClass', 'Cluster']);

export type ParsedManifests =
  | { ok: true; documents: Document[] }
  | { ok: false; line: number; message: string };

export function parseDocuments(text: string): ParsedManifests {
  const documents = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(documents)) return { ok: true, documents: [] };
  for (const document of documents) {
    const error = document.errors[0];
    if (error)
      return { ok: false, line: error.linePos?.[0]?.line ?? 1, message: error.message.split('\n')[0] ?? '' };
  }
  return { ok: true, documents };
}

function text(node: YAMLMap, path: string[]): string {
  const value: unknown = node.getIn(path);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function declaredObject(node: unknown, document: Document): DeclaredObject | undefined {
  if (!isMap(node)) return undefined;
  const kind = text(node, ['kind']);
  const name = text(node, ['metadata', 'name']);
  if (!kind) return undefined;
  const namespace = CLUSTER_SCOPED.has(kind) ? '' : text(node, ['metadata', 'namespace']) || 'default';
  return { kind, name, namespace, apiVersion: text(node, ['apiVersion']), node, document };
}

export function isListKind(kind: string): boolean {
  return kind === 'List' || (kind.length > 4 && kind.endsWith('List'));
}

/** The objects a document declares: itself, or the items of a List. */
export function objectsOf(document: Document): DeclaredObject[] {
  const top = declaredObject(document.contents, document);
  if (!top) return [];
  if (!isListKind(top.kind)) return [top];
  const items = top.node.get('items');
  if (!isSeq(items)) return [];
  return items.items.flatMap((item) => {
    const object = declaredObject(item, document);
    return object ? [object] : [];
  });
}

export function sameObject(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace || '') === (b.namespace || '');
}

/**
 * Removes an object from a document: `whole` when the object is the document (drop the document),
 * `item` when it was one item of a List (the document changed), `none` when it is not there.
 */
export function removeFromDocument(document: Document, target: ObjectRef): 'whole' | 'item' | 'none' {
  for (const object of objectsOf(document)) {
    if (!sameObject(object, target)) continue;
    if (object.node === document.contents) return 'whole';
    const items = (document.contents as YAMLMap).get('items');
    if (isSeq(items)) items.items = items.items.filter((item) => item !== object.node);
    return 'item';
  }
  return 'none';
}

export function findObject(documents: Document[], target: ObjectRef): DeclaredObject | undefined {
  for (const document of documents) {
    const found = objectsOf(document).find((object) => sameObject(object, target));
    if (found) return found;
  }
  return undefined;
}
