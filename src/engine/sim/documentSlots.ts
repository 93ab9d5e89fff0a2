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
import type { ReadDocument } from '../parse/readYaml.ts';
import type { CachedParseResult } from '../parse/parseCache.ts';
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

/** The slots of one file's documents, read with lines `lines` and document indices `docs` lower than now. */
function slotsOf(file: string, documents: ReadDocument[], lines: number, docs: number): DocumentSlot[] {
  const slots: DocumentSlot[] = [];
  for (const d of documents) {
    const doc = d.doc + docs;
    if (d.value === null) {
      if (d.broken) slots.push({ file, doc, line: d.line + lines });
      continue;
    }
    const kind = isPlainMap(d.value) ? getString(d.value, 'kind') : undefined;
    if (isPlainMap(d.value) && kind !== undefined && (kind === 'List' || isTypedList(kind))) {
      for (const [i, item] of getArray(d.value, 'items').entries()) {
        const identity = identityOf(item);
        const line = (d.positions[`items[${i}]`]?.[0] ?? d.line) + lines;
        slots.push({ file, doc, line, ...(identity ? { identity } : {}) });
      }
      continue;
    }
    const identity = identityOf(d.value);
    slots.push({ file, doc, line: d.line + lines, ...(identity ? { identity } : {}) });
  }
  return slots;
}

/**
 * Every document's slot, in order. `placed` (a cached parse's chunks) gives the readings the parse
 * kept, so a file the cache read is not read a second time.
 */
export function readDocumentSlots(files: SourceFile[], placed?: CachedParseResult['chunks']): DocumentSlot[] {
  const slots: DocumentSlot[] = [];
  files.forEach(({ file, text }, i) => {
    const chunks = placed?.[i]?.file === file ? placed[i]?.chunks : null;
    if (chunks) {
      for (const chunk of chunks) slots.push(...slotsOf(file, chunk.documents, chunk.line - 1, chunk.doc));
      return;
    }
    let documents;
    try {
      documents = readYaml(file, text, schemaFor).documents;
    } catch {
      return;
    }
    slots.push(...slotsOf(file, documents, 0, 0));
  });
  return slots;
}
