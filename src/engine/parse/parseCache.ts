/**
 * parseManifests with a memory: each document's text is read once and its reading (manifests,
 * diagnostics, the raw documents) kept, keyed by that text, so an edit re-reads only the documents it
 * touched. Typing in one document of a 1,000-document file re-reads one document instead of 1,000.
 *
 * The result is the one parseManifests gives for the whole text, position for position: a kept reading
 * is moved to where its document now sits (lines, document index). What could make a document's reading
 * depend on the rest of the text reads the whole file as before: a text over the size or nesting limits,
 * directives or `...` markers (documentChunks.ts), a syntax error or duplicate key anywhere, more
 * documents than MAX_DOCUMENTS.
 *
 * The cache belongs to its caller (the engine host keeps one per Worker); the engine stays a pure
 * function of its input, and a reading is never changed after it is made (the control plane replaces,
 * never edits, what it is given: sim/copyState.ts).
 */
import type { Diagnostic, SourceRef } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import { MAX_DOCUMENTS, MAX_TEXT_BYTES } from '../limits.ts';
import { splitIntoDocumentChunks } from './documentChunks.ts';
import { internalError, parseFile, pushCapped } from './parseManifests.ts';
import type { ParseResult, SourceFile } from './parseManifests.ts';
import { emptyRecord } from './plain.ts';
import type { ReadDocument } from './readYaml.ts';

/** One document chunk's reading, with lines counted from the chunk's first line and documents from 0. */
interface ChunkReading {
  documents: ReadDocument[];
  manifests: Manifest[];
  diagnostics: Diagnostic[];
  /** Its reading may depend on the text around it: the whole file is read instead. */
  needsWholeFile: boolean;
  /** The reading last handed out, moved to (line, doc): handed out again while it has not moved. */
  placed?: PlacedReading;
  /** The parse that last used it (entries two parses old are dropped). */
  usedAt: number;
}

interface PlacedReading {
  line: number;
  doc: number;
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

export interface ParseCache {
  readonly chunks: Map<string, ChunkReading>;
  /** Counts parses, for dropping readings no recent text used. */
  parses: number;
}

export function createParseCache(): ParseCache {
  return { chunks: new Map(), parses: 0 };
}

/** A chunk of a file as placed in the latest parse: its raw documents, to be moved by (line - 1, doc). */
export interface PlacedChunk {
  documents: ReadDocument[];
  /** 1-based line of the chunk's first line. */
  line: number;
  /** Index in the file of the chunk's first document. */
  doc: number;
}

export interface CachedParseResult extends ParseResult {
  /** Per file, in input order: its chunks, or null when the file was read whole. */
  chunks: { file: string; chunks: PlacedChunk[] | null }[];
}

function usesYamlErrorCode(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code.startsWith('yaml'));
}

function readChunk(file: string, text: string): ChunkReading {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  const read = parseFile(file, text, manifests, diagnostics);
  const needsWholeFile =
    read.diagnostics.length > 0 ||
    read.documents.some((d) => d.broken) ||
    usesYamlErrorCode(diagnostics) ||
    read.documents.length > 1;
  return { documents: read.documents, manifests, diagnostics, needsWholeFile, usedAt: 0 };
}

function movePositions(
  positions: Record<string, [number, number]>,
  lines: number,
): Record<string, [number, number]> {
  const moved = emptyRecord<[number, number]>();
  for (const key in positions) {
    const at = positions[key]!;
    moved[key] = [at[0] + lines, at[1]];
  }
  return moved;
}

function moveSource(source: SourceRef, lines: number, docs: number): SourceRef {
  return {
    file: source.file,
    doc: source.doc + docs,
    line: source.line + lines,
    column: source.column,
    positions: movePositions(source.positions, lines),
  };
}

function moveDiagnostic(d: Diagnostic, lines: number): Diagnostic {
  const moved: Diagnostic = { ...d, line: d.line + lines };
  if (d.endLine !== undefined) moved.endLine = d.endLine + lines;
  return moved;
}

function place(reading: ChunkReading, line: number, doc: number): PlacedReading {
  const kept = reading.placed;
  if (kept && kept.line === line && kept.doc === doc) return kept;
  const lines = line - 1;
  const placed: PlacedReading = {
    line,
    doc,
    manifests:
      lines === 0 && doc === 0
        ? reading.manifests
        : reading.manifests.map((m) => (m.source ? { ...m, source: moveSource(m.source, lines, doc) } : m)),
    diagnostics: lines === 0 ? reading.diagnostics : reading.diagnostics.map((d) => moveDiagnostic(d, lines)),
  };
  reading.placed = placed;
  return placed;
}

/** One file through the cache, or null when it must be read whole. */
function parseFileCached(
  cache: ParseCache,
  file: string,
  text: string,
  manifests: Manifest[],
  diagnostics: Diagnostic[],
): PlacedChunk[] | null {
  // The size limit readYaml checks first: past it, the whole reading reports it. Its nesting limits need
  // no pass over the whole text here: the scans count from zero again at each `---` line, where chunks
  // begin, so nesting too deep in the whole text is too deep in one chunk, whose reading then reports it
  // and asks for the whole file (readChunk). Only a quoted scalar running over a `---` line carries the
  // scan across, and the chunk it begins in then does not parse, which asks for the whole file too.
  if (text.length * 3 > MAX_TEXT_BYTES) return null;
  const split = splitIntoDocumentChunks(text);
  if (!split) return null;
  const readings: ChunkReading[] = [];
  let documents = 0;
  for (const chunk of split) {
    const reading = cachedChunk(cache, file, chunk.text);
    reading.usedAt = cache.parses;
    if (reading.needsWholeFile) return null;
    documents += reading.documents.length;
    readings.push(reading);
  }
  if (documents > MAX_DOCUMENTS) return null;
  const placedChunks: PlacedChunk[] = [];
  let doc = 0;
  split.forEach((chunk, i) => {
    const reading = readings[i]!;
    const placed = place(reading, chunk.line, doc);
    for (const m of placed.manifests) manifests.push(m);
    for (const d of placed.diagnostics) diagnostics.push(d);
    placedChunks.push({ documents: reading.documents, line: chunk.line, doc });
    doc += reading.documents.length;
  });
  return placedChunks;
}

/** A chunk's reading from the cache, read and kept there when it is not in it yet. */
function cachedChunk(cache: ParseCache, file: string, text: string): ChunkReading {
  const key = `${file}\u0000${text}`;
  let reading = cache.chunks.get(key);
  if (!reading) {
    reading = readChunk(file, text);
    cache.chunks.set(key, reading);
  }
  return reading;
}

/**
 * Reads the documents of `files` into the cache ahead of the parse that will ask for them: the page
 * sends a pasted block here while its editor is still taking it, so the engine reads the YAML on its
 * own core meanwhile (docs/performance.md, "The paste at 1,000 pods"). Each chunk is read exactly as
 * parseManifestsCached reads it, so that parse's result is the same; a text that parse would read whole
 * is left to it. What is read here is kept through the next two parses.
 */
export function readDocumentsAhead(files: SourceFile[], cache: ParseCache): void {
  for (const { file, text } of files) {
    if (text.length * 3 > MAX_TEXT_BYTES) continue;
    const split = splitIntoDocumentChunks(text);
    if (!split) continue;
    for (const chunk of split) {
      const reading = cachedChunk(cache, file, chunk.text);
      reading.usedAt = Math.max(reading.usedAt, cache.parses + 1);
      if (reading.needsWholeFile) break;
    }
  }
}

/** Drops readings that neither this parse nor the one before used. */
function evict(cache: ParseCache): void {
  for (const [key, reading] of cache.chunks) if (reading.usedAt < cache.parses - 1) cache.chunks.delete(key);
}

/**
 * parseManifests(files), reusing the readings of documents whose text the cache has seen. Never throws.
 * `chunks` tells, per file, where each kept reading sits now (documentSlots reads identities from it).
 */
export function parseManifestsCached(files: SourceFile[], cache: ParseCache): CachedParseResult {
  cache.parses += 1;
  const result: CachedParseResult = { manifests: [], diagnostics: [], chunks: [] };
  for (const f of Array.isArray(files) ? files : []) {
    const file = typeof f?.file === 'string' ? f.file : '';
    const text = typeof f?.text === 'string' ? f.text : '';
    const diagnostics: Diagnostic[] = [];
    let chunks: PlacedChunk[] | null = null;
    try {
      const manifests: Manifest[] = [];
      chunks = parseFileCached(cache, file, text, manifests, diagnostics);
      if (chunks) {
        for (const m of manifests) result.manifests.push(m);
      } else {
        diagnostics.length = 0;
        parseFile(file, text, result.manifests, diagnostics);
      }
    } catch (e) {
      // Never expected (as in parseManifests): every input problem is a diagnostic.
      diagnostics.push(internalError(file, e));
    }
    pushCapped(result.diagnostics, diagnostics, file);
    result.chunks.push({ file, chunks });
  }
  evict(cache);
  return result;
}
