/**
 * The objects a file's documents name, read from the raw YAML even when a document fails validation:
 * an edit needs to know that the broken document is still "Service kubia" to keep kubia's last
 * accepted version instead of deleting it. A document whose kind, name or syntax is unreadable names
 * nothing; the edit then falls back to what that position held last time (editSimulation.ts).
 */
import type { SourceFile } from '../parse/parseManifests.ts';
import { isTypedList, schemaFor } from '../parse/apiVersions.ts';
import { getArray, getMap, getString, isPlainMap } from '../parse/plain.ts';
import type { Plain } from '../parse/plain.ts';
import { readYaml } from '../parse/readYaml.ts';
import { identityOfRaw } from './objectIdentity.ts';
import type { ObjectIdentity } from './objectIdentity.ts';

export interface DocumentSlot {
  file: string;
  /** 0-based document index in the file (SourceRef.doc). */
  doc: number;
  /** First line of the document (or of the List item). */
  line: number;
  /** The object the text names, when kind and metadata.name can be read. */
  identity?: ObjectIdentity;
}

function identityOf(value: Plain): ObjectIdentity | undefined {
  if (!isPlainMap(value)) return undefined;
  const kind = getString(value, 'kind');
  const metadata = getMap(value, 'metadata');
  const name = getString(metadata, 'name');
  if (!kind || !name) return undefined;
  return identityOfRaw(kind, getString(metadata, 'namespace'), name);
}

export function readDocumentSlots(files: SourceFile[]): DocumentSlot[] {
  const slots: DocumentSlot[] = [];
  for (const { file, text } of files) {
    let documents;
    try {
      documents = readYaml(file, text, schemaFor).documents;
    } catch {
      continue;
    }
    for (const d of documents) {
      if (d.value === null) {
        if (d.broken) slots.push({ file, doc: d.doc, line: d.line });
        continue;
      }
      const kind = isPlainMap(d.value) ? getString(d.value, 'kind') : undefined;
      if (isPlainMap(d.value) && kind !== undefined && (kind === 'List' || isTypedList(kind))) {
        for (const [i, item] of getArray(d.value, 'items').entries()) {
          const identity = identityOf(item);
          const line = d.positions[`items[${i}]`]?.[0] ?? d.line;
          slots.push({ file, doc: d.doc, line, ...(identity ? { identity } : {}) });
        }
        continue;
      }
      const identity = identityOf(d.value);
      slots.push({ file, doc: d.doc, line: d.line, ...(identity ? { identity } : {}) });
    }
  }
  return slots;
}
