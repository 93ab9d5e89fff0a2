/**
 * YAML allows a list or a mapping as a key (`? [a, b]: 1`, `{a: 1}: x`); JSON, and so every Kubernetes
 * object, patch and kubeplay lesson, does not. kubectl stops at one with go-yaml's "invalid map key"
 * (https://github.com/go-yaml/yaml/blob/v2/decode.go, `mapping`); the yaml library's toJS() would instead
 * stringify the key and print "Keys with collection values will be stringified…" on the console.
 * Callers that turn a parsed document into plain values check with this first.
 */
import { isCollection, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';

export interface CollectionKey {
  key: YamlNode;
  /** Field path of the mapping that holds the key (`metadata.labels`, `steps[2]`; '' at the top). */
  path: string;
}

export function findCollectionKey(doc: Document): CollectionKey | undefined {
  let found: CollectionKey | undefined;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isCollection(pair.key)) return undefined;
      found = { key: pair.key, path: pathOf(ancestors) };
      return visit.BREAK;
    },
  });
  return found;
}

function pathOf(ancestors: readonly unknown[]): string {
  let path = '';
  ancestors.forEach((node, i) => {
    if (isPair(node) && isScalar(node.key)) path += `${path ? '.' : ''}${String(node.key.value)}`;
    else if (isSeq(node)) path += `[${node.items.indexOf(ancestors[i + 1] as never)}]`;
  });
  return path;
}
