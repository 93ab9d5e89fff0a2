/**
 * YAML text -> typed, defaulted manifests + diagnostics. The pipeline for each file: read the YAML once
 * (readYaml: syntax, limits, positions, strict field decoding), then per object: identify the kind and
 * version, build the manifest with the API server's defaults, run Kubernetes' validation. Objects with
 * an error are left out, as the API server would refuse them; the other documents go on.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import { schemaFor } from './apiVersions.ts';
import { buildObject, identify } from './buildObject.ts';
import { MAX_DIAGNOSTICS_PER_FILE } from '../limits.ts';
import type { ObjectContext } from './objectContext.ts';
import { emptyRecord, getArray, isPlainMap } from './plain.ts';
import type { Plain, PlainMap } from './plain.ts';
import { readYaml } from './readYaml.ts';
import type { ReadDocument, ReadResult } from './readYaml.ts';

export interface SourceFile {
  /** Shown in diagnostics: `manifest.yaml`, a CLI path, `-` for stdin. */
  file: string;
  text: string;
}

export interface ParseResult {
  /** In document order across the files; documents with errors that make them unusable are left out. */
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

/**
 * YAML text (one or more files, each multi-document) -> typed, defaulted manifests + diagnostics.
 * Never throws, whatever the text.
 */
export function parseManifests(files: SourceFile[]): ParseResult {
  const result: ParseResult = { manifests: [], diagnostics: [] };
  for (const f of Array.isArray(files) ? files : []) {
    const file = typeof f?.file === 'string' ? f.file : '';
    const text = typeof f?.text === 'string' ? f.text : '';
    const diagnostics: Diagnostic[] = [];
    try {
      parseFile(file, text, result.manifests, diagnostics);
    } catch (e) {
      // Never expected: every input problem is reported above. This keeps a bug from breaking the app.
      diagnostics.push(internalError(file, e));
    }
    pushCapped(result.diagnostics, diagnostics, file);
  }
  return result;
}

/** A file whose reading threw: one located error for it, so a parser bug never breaks the app. */
export function internalError(file: string, e: unknown): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    path: '',
    message: `internal error while reading this file: ${e instanceof Error ? e.message : String(e)}`,
    code: 'internal-error',
  };
}

export function pushCapped(into: Diagnostic[], diagnostics: Diagnostic[], file: string): void {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) {
    for (const d of diagnostics) into.push(d);
    return;
  }
  for (let i = 0; i < MAX_DIAGNOSTICS_PER_FILE; i++) into.push(diagnostics[i] as Diagnostic);
  const last = diagnostics[MAX_DIAGNOSTICS_PER_FILE] as Diagnostic;
  into.push({
    file,
    line: last.line,
    column: last.column,
    severity: 'info',
    path: '',
    message: `${diagnostics.length - MAX_DIAGNOSTICS_PER_FILE} more problems not shown`,
    code: 'too-many-diagnostics',
  });
}

/** One file's text read and built into `manifests` and `diagnostics`; returns the reading (parseCache.ts keeps it). */
export function parseFile(
  file: string,
  text: string,
  manifests: Manifest[],
  diagnostics: Diagnostic[],
): ReadResult {
  const read = readYaml(file, text, schemaFor);
  for (const d of read.diagnostics) diagnostics.push(d);
  for (const doc of read.documents) {
    if (doc.broken || doc.value === null) {
      for (const d of doc.diagnostics) diagnostics.push(d);
      continue;
    }
    if (!isPlainMap(doc.value)) {
      for (const d of doc.diagnostics) diagnostics.push(d);
      diagnostics.push({
        file,
        line: doc.line,
        column: doc.column,
        severity: 'error',
        path: '',
        message:
          'a Kubernetes object must be a mapping (apiVersion: …, kind: …), not a list or a single value',
        code: 'not-an-object',
      });
      continue;
    }
    handleDocument(file, doc, doc.value, manifests, diagnostics);
  }
  return read;
}

function contextFor(
  file: string,
  doc: number,
  positions: ObjectContext['positions'],
  keyPositions: ObjectContext['keyPositions'],
  line: number,
  column: number,
): ObjectContext {
  return {
    file,
    positions,
    keyPositions,
    line,
    column,
    diagnostics: [],
    source: { file, doc, line, column, positions },
  };
}

function hasError(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

function handleDocument(
  file: string,
  doc: ReadDocument,
  raw: PlainMap,
  manifests: Manifest[],
  diagnostics: Diagnostic[],
): void {
  const ctx = contextFor(file, doc.doc, doc.positions, doc.keyPositions, doc.line, doc.column);
  const kind = identify(raw, ctx);
  if (kind === 'List') {
    for (const d of ctx.diagnostics) diagnostics.push(d);
    handleList(file, doc, raw, manifests, diagnostics);
    return;
  }
  // The schema walk's findings come first, in text order, then identification and validation.
  const own = [...doc.diagnostics, ...ctx.diagnostics];
  ctx.diagnostics = own;
  if (kind !== undefined && !hasError(own)) {
    const manifest = buildObject(raw, kind, ctx);
    if (!hasError(ctx.diagnostics)) manifests.push({ ...manifest, source: ctx.source });
  }
  for (const d of ctx.diagnostics) diagnostics.push(d);
}

/**
 * A `kind: List` (what `kubectl get -o yaml` prints): each item is an object of its own. Positions and
 * diagnostics are re-keyed from `items[3].spec…` to the item's own `spec…`, as kubectl reports them
 * when it sends the items one by one.
 */
function handleList(
  file: string,
  doc: ReadDocument,
  raw: PlainMap,
  manifests: Manifest[],
  diagnostics: Diagnostic[],
): void {
  const items = getArray(raw, 'items');
  const positions = splitByItem(doc.positions, items.length);
  const keyPositions = splitByItem(doc.keyPositions, items.length);
  const itemDiagnostics: Diagnostic[][] = items.map(() => []);
  for (const d of doc.diagnostics) {
    const m = /^items\[(\d+)\](?:\.|$)/.exec(d.path);
    const index = m ? Number(m[1]) : -1;
    const bucket = itemDiagnostics[index];
    if (!m || !bucket) {
      diagnostics.push(d);
      continue;
    }
    const prefix = m[0];
    const path = d.path.slice(prefix.length);
    bucket.push({
      ...d,
      path,
      message: d.message
        .split(`"${d.path}"`)
        .join(`"${path}"`)
        .split(`${d.path} in body`)
        .join(`${path} in body`),
    });
  }
  items.forEach((item: Plain, i) => {
    const pos = positions[i] ?? emptyRecord();
    const [line, column] = doc.positions[`items[${i}]`] ?? [doc.line, doc.column];
    const ctx = contextFor(file, doc.doc, pos, keyPositions[i] ?? emptyRecord(), line, column);
    ctx.diagnostics = itemDiagnostics[i] ?? [];
    if (!isPlainMap(item)) {
      ctx.diagnostics.push({
        file,
        line,
        column,
        severity: 'error',
        path: '',
        message: 'a List item must be a Kubernetes object (a mapping)',
        code: 'not-an-object',
      });
    } else {
      const kind = identify(item, ctx);
      if (kind === 'List') {
        ctx.diagnostics.push({
          file,
          line,
          column,
          severity: 'error',
          path: 'kind',
          message: 'a List may not contain another List',
          code: 'nested-list',
        });
      } else if (kind !== undefined && !hasError(ctx.diagnostics)) {
        const manifest = buildObject(item, kind, ctx);
        if (!hasError(ctx.diagnostics)) manifests.push({ ...manifest, source: ctx.source });
      }
    }
    for (const d of ctx.diagnostics) diagnostics.push(d);
  });
}

/** One pass over a List's positions, bucketing `items[i].x` under item i as `x` (and `items[i]` as ''). */
function splitByItem(
  all: Record<string, [number, number]>,
  count: number,
): Record<string, [number, number]>[] {
  const out: Record<string, [number, number]>[] = [];
  for (let i = 0; i < count; i++) out.push(emptyRecord());
  for (const key of Object.keys(all)) {
    if (!key.startsWith('items[')) continue;
    const close = key.indexOf(']');
    const index = Number(key.slice(6, close));
    const bucket = out[index];
    if (!bucket) continue;
    const rest = key.slice(close + 1);
    const value = all[key];
    if (value) bucket[rest.startsWith('.') ? rest.slice(1) : rest] = value;
  }
  return out;
}
