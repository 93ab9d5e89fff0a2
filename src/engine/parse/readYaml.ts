/**
 * YAML text -> plain values, once. We walk each document ourselves (no toJS() and second walk): from
 * the yaml parser's tokens when it keeps to block style (tokenWalker.ts), from the library's composed
 * nodes otherwise (the Walker below). On the way we record where every field sits, check it against
 * the kind's field set (strict decoding, as kubectl's default `--validate=strict` does) and guard
 * against hostile input: alias bombs, cyclic aliases, deep nesting and prototype-polluting keys.
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser } from 'yaml';
import type { CST, Document, Node as YamlNode, ScalarTag, Tags, YAMLMap } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import {
  documentLinesMessage,
  MAX_ALIAS_NODES,
  MAX_DEPTH,
  MAX_DOCUMENT_LINES,
  MAX_DOCUMENTS,
  MAX_TEXT_BYTES,
} from '../limits.ts';
import { createPlainMap, isPlainMap } from './plain.ts';
import type { Plain, PlainMap } from './plain.ts';
import type { Schema } from './schema/types.ts';
import { diag, emptyReading, FieldWalker, WalkAbort, YAML11_BOOLEANS } from './fieldWalker.ts';
import type { Locate, ReadDocument, SchemaResolver } from './fieldWalker.ts';
import { plainResolvers, readDocumentTokens } from './tokenWalker.ts';
import type { PlainResolver } from './tokenWalker.ts';

export type { ReadDocument, SchemaResolver } from './fieldWalker.ts';

export interface ReadResult {
  documents: ReadDocument[];
  /** Problems not tied to one document (size limit, too many documents). */
  diagnostics: Diagnostic[];
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}

function isTokenStart(prev: number): boolean {
  // start of text, space, tab, newline, or a flow indicator / mapping colon
  return (
    prev === -1 ||
    prev === 32 ||
    prev === 9 ||
    prev === 10 ||
    prev === 13 ||
    prev === 91 ||
    prev === 123 ||
    prev === 44 ||
    prev === 58
  );
}

/** Where a pre-scan stopped reading: nesting deeper than its limit, or one document longer than its limit. */
export interface ScanStop {
  offset: number;
  beyond: 'depth' | 'length';
}

/**
 * One cheap pass over the text: where flow collections (`[`, `{`) nest deeper than `depthLimit`, or where
 * one document's flow collections hold more than `itemLimit` items (commas inside them), or undefined.
 * Quoted strings and comments are skipped; a document marker resets both counts.
 */
export function scanFlow(text: string, depthLimit: number, itemLimit = Infinity): ScanStop | undefined {
  let depth = 0;
  let items = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > depthLimit) return { offset: i, beyond: 'depth' };
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 44 && depth > 0) {
      if (++items > itemLimit) return { offset: i + 1, beyond: 'length' };
    } else if ((c === 34 || c === 39) && isTokenStart(prev)) {
      // Skip a quoted scalar; `\"` escapes in double quotes, `''` in single quotes.
      for (i++; i < text.length; i++) {
        const q = text.charCodeAt(i);
        if (c === 34 && q === 92) i++;
        else if (q === c) {
          if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
          else break;
        }
      }
    } else if (c === 35 && isTokenStart(prev)) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 45 && prev === 10 && text.startsWith('---', i)) {
      depth = 0;
      items = 0;
    }
    prev = i < text.length ? text.charCodeAt(i) : -1;
  }
  return undefined;
}

/** The offset where flow collections nest deeper than `limit`, or -1. */
export function findFlowNestingBeyond(text: string, limit: number): number {
  return scanFlow(text, limit)?.offset ?? -1;
}

/**
 * One cheap pass over the text: the offset of the first line whose block nesting (indentation levels plus
 * `- ` / `? ` indicators opening on the line) is deeper than `limit`, or -1. The yaml library's parser and
 * composer recurse once per level, so ~900 levels throw `Maximum call stack size exceeded` inside it; this
 * answers first. It approximates (continuation lines of a multi-line scalar count as levels), so callers pass
 * a limit well above MAX_DEPTH and let the exact walk report anything between.
 */
export function findBlockNestingBeyond(text: string, limit: number): number {
  return scanBlock(text, limit)?.offset ?? -1;
}

/** Whether text[from, to) holds a `|` or a `>`. */
function hasBlockIndicator(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 124 || c === 62) return true;
  }
  return false;
}

/**
 * findBlockNestingBeyond's pass, which also stops at the first line past `lineLimit` lines of structure
 * in one document (blank lines, comments and block scalar text do not count; `---` starts over).
 */
export function scanBlock(text: string, depthLimit: number, lineLimit = Infinity): ScanStop | undefined {
  const indents: number[] = [];
  let lines = 0;
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    const indent = i - lineStart;
    const first = text.charCodeAt(i);
    const blank = i >= lineEnd || first === 13 || first === 35;
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (blank) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (indent === 0 && text.startsWith('---', i)) {
      indents.length = 0;
      lines = 0;
      lineStart = lineEnd + 1;
      continue;
    }
    if (++lines > lineLimit) return { offset: lineStart + indent, beyond: 'length' };
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
    indents.push(indent);
    let depth = indents.length;
    // `- - - x` and `? - x` open one level per indicator on the same line.
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : 32;
      if ((c === 45 || c === 63) && (next === 32 || next === 9 || next === 13)) {
        depth++;
        i += 2;
        while (i < lineEnd && text.charCodeAt(i) === 32) i++;
      } else break;
    }
    if (depth > depthLimit) return { offset: lineStart + indent, beyond: 'depth' };
    // A block scalar (`key: |`, `- >-`): the more indented lines after it are text, not structure.
    // (Only a line with a `|` or `>` in its last 40 characters can end so: most lines skip the pattern.)
    const from = Math.max(i, lineEnd - 40);
    if (hasBlockIndicator(text, from, lineEnd)) {
      const line = text.slice(from, lineEnd);
      if (/(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/.test(line)) blockScalarIndent = indent;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/**
 * Explicit core tags read as go-yaml v2 reads them, since kubectl reads YAML with it
 * (https://github.com/go-yaml/yaml/blob/v2/resolve.go, `resolve`): `!!float 80` is the number 80 (the yaml
 * library's core schema only knows `80.0` / `8e1` and would warn), `!!int 0x50` is 80, `!!bool yes` is true.
 * A value the tag cannot hold (`!!float abc`, `!!int x`, `!!bool maybe`) is left as its source text and
 * reported by the walk with its field path, in go-yaml's words ("cannot decode !!str `x` as a !!int").
 */
const TAG_PREFIX = 'tag:yaml.org,2002:';
type ImplicitTag = 'null' | 'bool' | 'int' | 'float' | 'str';
const DECODABLE_TAGS = new Set(['int', 'float', 'bool']);

/** An integer as go-yaml's resolve accepts it: decimal, 0x hex, 0o / leading-0 octal, 0b binary, `_` allowed. */
function yamlInteger(source: string): number | undefined {
  const s = source.replace(/_/g, '');
  const m = /^([-+]?)(?:0b([01]+)|0x([0-9a-fA-F]+)|0o?([0-7]+)|([0-9]+))$/.exec(s);
  if (!m) return undefined;
  const [, sign, bin, hex, oct, dec] = m;
  const n = bin ? parseInt(bin, 2) : hex ? parseInt(hex, 16) : oct ? parseInt(oct, 8) : Number(dec);
  return sign === '-' ? -n : n;
}

function yamlFloat(source: string): number | undefined {
  const s = source.replace(/_/g, '');
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  return yamlInteger(source);
}

function yamlBoolean(source: string): boolean | undefined {
  if (/^(?:true|True|TRUE)$/.test(source)) return true;
  if (/^(?:false|False|FALSE)$/.test(source)) return false;
  return YAML11_BOOLEANS.get(source);
}

/** What an untagged plain scalar would resolve to in go-yaml, to name it in "cannot decode !!str `x`". */
function implicitTagOf(source: string): ImplicitTag {
  if (/^(?:~|null|Null|NULL)?$/.test(source)) return 'null';
  if (yamlBoolean(source) !== undefined) return 'bool';
  if (yamlInteger(source) !== undefined) return 'int';
  if (yamlFloat(source) !== undefined) return 'float';
  return 'str';
}

function explicitTag(name: 'int' | 'float' | 'bool', decode: (source: string) => unknown): ScalarTag {
  return {
    tag: TAG_PREFIX + name,
    resolve: (source) => decode(source.trim()) ?? source,
  };
}

const EXPLICIT_TAGS: ScalarTag[] = [
  explicitTag('int', yamlInteger),
  explicitTag('float', yamlFloat),
  explicitTag('bool', yamlBoolean),
];

/** go-yaml's complaint for an explicit tag its value cannot hold, or undefined when it decoded. */
function undecodableTag(node: YamlNode): string | undefined {
  if (!isScalar(node) || !node.tag?.startsWith(TAG_PREFIX)) return undefined;
  const name = node.tag.slice(TAG_PREFIX.length);
  if (!DECODABLE_TAGS.has(name)) return undefined;
  const v = node.value;
  const decoded = name === 'bool' ? typeof v === 'boolean' : typeof v === 'number';
  if (decoded) return undefined;
  const source = String(node.source ?? v).trim();
  return `cannot decode !!${implicitTagOf(source)} \`${source.slice(0, 40)}\` as a !!${name}`;
}

/** `!!foo`, `!local`: a tag kubectl does not know leaves the value as it is written (a string). */
function unknownTagMessage(libraryMessage: string): string {
  const tag = /^Unresolved tag: (.*)$/.exec(libraryMessage)?.[1];
  if (tag === undefined) return libraryMessage;
  const short = tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : tag;
  return `unknown tag ${short.slice(0, 60)}: kubectl ignores it and reads the value as it is written`;
}

/**
 * A mapping key that is a list or a mapping (`? [a, b]: 1`, `{a: 1}: x`): YAML allows it, JSON and so
 * Kubernetes do not; kubectl stops at it with go-yaml's "invalid map key"
 * (https://github.com/go-yaml/yaml/blob/v2/decode.go, `mapping`).
 */
export const COLLECTION_KEY_MESSAGE =
  'invalid map key: a key in a manifest must be a plain string, not a list or a mapping';

function lineAndColumn(text: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return [line, offset - start + 1];
}

/** The composer's options, which the token path's plain scalars follow too. */
const COMPOSER_OPTIONS = {
  merge: true,
  // uniqueKeys: false: the yaml library compares every key with every other one (50,000 labels take
  // minutes) and its message does not name the key; the walks find duplicates with a Map per mapping.
  uniqueKeys: false,
  customTags: (tags: Tags) => [...tags, ...EXPLICIT_TAGS],
};
let newPlainResolver: (() => PlainResolver) | undefined;
/** Tokens between documents that add nothing but comments to the document they follow. */
const QUIET_TOKENS = new Set<CST.Token['type']>(['space', 'newline', 'comment', 'byte-order-mark']);

export function readYaml(file: string, text: string, resolveSchema: SchemaResolver): ReadResult {
  const result: ReadResult = { documents: [], diagnostics: [] };
  // Only count bytes when the text could be over the limit: UTF-8 needs at most 3 bytes a UTF-16 unit.
  if (text.length * 3 > MAX_TEXT_BYTES) {
    const bytes = utf8Length(text);
    if (bytes > MAX_TEXT_BYTES) {
      result.diagnostics.push(
        diag(
          file,
          1,
          1,
          'error',
          '',
          `the text is ${formatSize(bytes)} (${bytes} bytes); kubeplay reads at most ${formatSize(MAX_TEXT_BYTES)} per file. Split it or remove what the scenario does not need.`,
          'text-too-large',
        ),
      );
      return result;
    }
  }
  // The yaml library needs seconds and hundreds of MB for a megabyte of `[[[[`, and overflows its stack on
  // ~900 block levels: refuse both before parsing (the block scan approximates, hence its wider limit).
  // A document of 100,000 lines costs the yaml library seconds too: refused on the same passes.
  const stop =
    scanFlow(text, MAX_DEPTH, MAX_DOCUMENT_LINES) ?? scanBlock(text, 2 * MAX_DEPTH, MAX_DOCUMENT_LINES);
  if (stop) {
    const [line, column] = lineAndColumn(text, stop.offset);
    result.diagnostics.push(
      stop.beyond === 'depth'
        ? diag(
            file,
            line,
            column,
            'error',
            '',
            `nesting deeper than ${MAX_DEPTH} levels; kubeplay does not read this text`,
            'yaml-too-deep',
          )
        : diag(file, line, column, 'error', '', documentLinesMessage(), 'limit-document-lines'),
    );
    return result;
  }
  const lineCounter = new LineCounter();
  // One document at a time: each document's tokens are read and dropped before the next one is parsed,
  // so a 1,000-document file never holds every syntax tree at once (far less garbage collection). The
  // parser yields a document once it is complete, so the line starts it needs are already counted.
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(COMPOSER_OPTIONS);
  const plain = (newPlainResolver ??= plainResolvers(COMPOSER_OPTIONS))();
  // LineCounter.linePos's binary search, returning the tuple directly (one allocation per position, not two).
  const starts = lineCounter.lineStarts;
  const at = (rawOffset: number): [number, number] => {
    const offset = rawOffset < 0 ? 0 : rawOffset > text.length ? text.length : rawOffset;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    const col = offset - (starts[lo - 1] ?? 0) + 1;
    return [lo < 1 ? 1 : lo, col < 1 ? 1 : col];
  };
  // Set by a directive: %YAML and %TAG change how every later document reads, so the composer reads them.
  let composeAll = false;
  // The tokens since the last document token (that document first, or the text's opening tokens), and
  // whether they are only the document and space, comments and line breaks (the composer adds nothing
  // to such a document but comments).
  let queue: CST.Token[] = [];
  let doc: CST.Document | undefined;
  let quiet = true;
  // The composer holds errors from before the first document: it must compose that document.
  let composerHolds = false;
  const compose = (tokens: CST.Token[], end: boolean): Document.Parsed[] => {
    const docs: Document.Parsed[] = [];
    for (const token of tokens) docs.push(...composer.next(token));
    if (end) docs.push(...composer.end());
    return docs;
  };
  /** Reads the queued document, by its tokens or composed. */
  const settle = (): void => {
    const tokens = queue;
    const read = doc;
    const alone = quiet && !composerHolds && !composeAll;
    queue = [];
    doc = undefined;
    quiet = true;
    if (read === undefined) {
      if (tokens.length > 0 && !alone) {
        compose(tokens, false);
        composerHolds = true;
      }
      return;
    }
    composerHolds = false;
    const fast = alone
      ? readDocumentTokens(file, result.documents.length, read, at, resolveSchema, plain)
      : undefined;
    if (fast) result.documents.push(fast);
    // The composer yields the one document it was given.
    else
      for (const composed of compose(tokens, true))
        result.documents.push(readDocument(file, text, result.documents.length, composed, at, resolveSchema));
  };
  for (const token of parser.parse(text)) {
    if (token.type === 'directive' && !composeAll) {
      settle();
      composeAll = true;
    } else if (token.type === 'document') {
      settle();
      if (result.documents.length >= MAX_DOCUMENTS) {
        const [line, column] = at(token.offset);
        result.diagnostics.push(
          diag(
            file,
            line,
            column,
            'error',
            '',
            `too many documents: kubeplay reads at most ${MAX_DOCUMENTS} per file; the rest are ignored`,
            'too-many-documents',
          ),
        );
        return result;
      }
      doc = token;
    } else if (!QUIET_TOKENS.has(token.type)) quiet = false;
    queue.push(token);
  }
  settle();
  return result;
}

function readDocument(
  file: string,
  text: string,
  index: number,
  doc: Document.Parsed,
  at: (offset: number) => [number, number],
  resolveSchema: SchemaResolver,
): ReadDocument {
  const contents = doc.contents as YamlNode | null;
  const [line, column] = at(contents?.range?.[0] ?? doc.range[0]);
  const out = emptyReading(index, line, column);
  for (const err of doc.errors) {
    const [l, c] = at(err.pos[0]);
    const message = syntaxMessage(err, text);
    const code = message === COLLECTION_KEY_MESSAGE ? 'yaml-complex-key' : 'yaml-syntax';
    out.diagnostics.push(diag(file, l, c, 'error', '', message, code, at(err.pos[1])));
  }
  if (doc.errors.length > 0) {
    for (const warning of doc.warnings) {
      const [l, c] = at(warning.pos[0]);
      out.diagnostics.push(diag(file, l, c, 'warning', '', warning.message, 'yaml-warning'));
    }
    out.broken = true;
    return out;
  }
  const walker = new Walker(file, doc, at, out, resolveSchema);
  try {
    out.value = walker.walk(contents, '', { t: 'resource' }, 0, false);
  } catch (e) {
    if (!(e instanceof WalkAbort)) throw e;
    const [l, c] = at(e.offset);
    out.diagnostics.push(diag(file, l, c, 'error', '', e.message, e.code));
    out.broken = true;
    out.value = null;
  }
  // The yaml library's warnings name no field: give each the path of the value it stands before (an
  // unknown tag precedes its value), so the editor and the CLI say where as well as what.
  const fieldAt = fieldFinder(out.positions);
  for (const warning of doc.warnings) {
    const [l, c] = at(warning.pos[0]);
    const unknownTag = warning.code === 'TAG_RESOLVE_FAILED';
    out.diagnostics.push(
      diag(
        file,
        l,
        c,
        'warning',
        fieldAt(l, c),
        unknownTag ? unknownTagMessage(warning.message) : warning.message,
        unknownTag ? 'yaml-unknown-tag' : 'yaml-warning',
        at(warning.pos[1]),
      ),
    );
  }
  return out;
}

/** The path of the first value at or after a line and column (positions sorted once, on first use). */
function fieldFinder(positions: Record<string, [number, number]>): (line: number, column: number) => string {
  let sorted: [string, number, number][] | undefined;
  return (line, column) => {
    sorted ??= Object.entries(positions)
      .map(([path, [l, c]]): [string, number, number] => [path, l, c])
      .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const [, l, c] = sorted[mid] ?? ['', 0, 0];
      if (l < line || (l === line && c < column)) lo = mid + 1;
      else hi = mid;
    }
    return sorted[lo]?.[0] ?? '';
  };
}

/**
 * A flow collection used as a key after other keys of a block mapping (`k: v` then `{a: 1}: x`) stops the
 * yaml library with "Map comment with trailing content"; say what kubectl would (invalid map key).
 */
function syntaxMessage(err: { code: string; message: string; pos: [number, number] }, text: string): string {
  if (err.code === 'IMPOSSIBLE' && /^[[{]/.test(text.slice(err.pos[0], err.pos[0] + 1)))
    return COLLECTION_KEY_MESSAGE;
  return err.message;
}

class Walker extends FieldWalker {
  private aliasNodes = 0;
  private readonly expanding = new Set<YamlNode>();

  constructor(
    file: string,
    private readonly doc: Document.Parsed,
    at: Locate,
    out: ReadDocument,
    resolveSchema: SchemaResolver,
  ) {
    super(file, at, out, resolveSchema);
  }

  walk(
    node: YamlNode | null | undefined,
    path: string,
    schema: Schema,
    depth: number,
    viaAlias: boolean,
  ): Plain {
    if (node === null || node === undefined) return null;
    this.checkDepth(depth, node.range?.[0] ?? 0);
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new WalkAbort(
        'yaml-alias-limit',
        `aliases expand to more than ${MAX_ALIAS_NODES} nodes (an "alias bomb"?); kubeplay stops reading this document`,
        node.range?.[0] ?? 0,
      );
    }
    if (isAlias(node)) return this.walkAlias(node, path, schema, depth);
    const offset = node.range?.[0] ?? 0;
    if (!viaAlias && !(path in this.out.positions)) this.out.positions[path] = this.at(offset);
    if (schema.t === 'resource') schema = this.schemaOf(node);
    this.nodeEnd = node.range?.[1] ?? offset;
    if (isScalar(node)) {
      const undecodable = node.tag === undefined ? undefined : undecodableTag(node);
      if (undecodable) {
        // One message (go-yaml's), not a second type error about the string it left behind.
        this.report(path, undecodable, 'yaml-tag', offset, this.nodeEnd);
        return null;
      }
      return this.scalarValue(node.value, node.type === 'PLAIN', path, schema, offset);
    }
    if (isMap(node)) return this.map(node, path, schema, depth, viaAlias, offset);
    if (isSeq(node)) {
      if (!this.acceptsList(path, schema, offset)) return null;
      const items = schema.t === 'array' ? schema.items : schema;
      const arr: Plain[] = [];
      for (let i = 0; i < node.items.length; i++) {
        arr.push(this.walk(node.items[i] as YamlNode | null, `${path}[${i}]`, items, depth + 1, viaAlias));
      }
      return arr;
    }
    return null;
  }

  private walkAlias(node: YamlNode, path: string, schema: Schema, depth: number): Plain {
    if (!isAlias(node)) return null;
    const target = node.resolve(this.doc) as YamlNode | undefined;
    if (!target) return null;
    if (this.expanding.has(target)) {
      throw new WalkAbort(
        'yaml-alias-cycle',
        `alias *${node.source} refers to a node that contains it`,
        node.range?.[0] ?? 0,
      );
    }
    if (!(path in this.out.positions)) this.out.positions[path] = this.at(node.range?.[0] ?? 0);
    this.expanding.add(target);
    try {
      return this.walk(target, path, schema, depth, true);
    } finally {
      this.expanding.delete(target);
    }
  }

  private schemaOf(node: YamlNode): Schema {
    if (!isMap(node)) return { t: 'any' };
    return this.resolveSchema(peekString(node, 'apiVersion'), peekString(node, 'kind')) ?? { t: 'any' };
  }

  private map(
    node: YAMLMap,
    path: string,
    schema: Schema,
    depth: number,
    viaAlias: boolean,
    offset: number,
  ): Plain {
    if (!this.acceptsMap(path, schema, offset)) return null;
    const result = createPlainMap();
    let merges: YamlNode[] | undefined; // made only for a map with a merge key
    // key -> offset of its first occurrence, to name both in a duplicate-key error.
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      const keyEnd = keyNode?.range?.[1] ?? keyOffset;
      let key: string;
      if (keyNode === null || keyNode === undefined) key = '';
      else if (isScalar(keyNode)) {
        if (typeof keyNode.value === 'symbol') {
          // A YAML merge key `<<: *base`: the fields it brings in never override explicit ones.
          if (pair.value) (merges ??= []).push(pair.value as YamlNode);
          continue;
        }
        key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      } else {
        this.report(path, COLLECTION_KEY_MESSAGE, 'yaml-complex-key', keyOffset, keyEnd);
        continue;
      }
      if (!this.firstOccurrence(seen, path, key, keyOffset, keyEnd, viaAlias)) continue;
      const child = path === '' ? key : `${path}.${key}`;
      const childSchema = this.fieldSchema(child, key, schema, viaAlias, keyOffset, keyEnd);
      if (!childSchema) continue;
      const valueNode = pair.value as YamlNode | null;
      // `key:` with nothing after it: the yaml library gives an empty null scalar; point at the key instead.
      const empty =
        valueNode === null ||
        valueNode === undefined ||
        (isScalar(valueNode) && valueNode.value === null && valueNode.range?.[0] === valueNode.range?.[1]);
      this.noteKey(child, keyOffset, empty, isScalar(valueNode), viaAlias);
      result[key] = this.walk(valueNode, child, childSchema, depth + 1, viaAlias);
    }
    if (merges) for (const source of merges) this.merge(result, source, path, schema, depth);
    return result;
  }

  private merge(result: PlainMap, source: YamlNode, path: string, schema: Schema, depth: number): void {
    const sources: YamlNode[] = isSeq(source) ? (source.items as YamlNode[]) : [source];
    for (const s of sources) {
      const value = this.walk(s, path, schema, depth + 1, true);
      if (!isPlainMap(value)) continue;
      for (const k of Object.keys(value)) {
        if (!(k in result)) result[k] = value[k] ?? null;
      }
    }
  }
}

function peekString(map: YAMLMap, key: string): string | undefined {
  for (const pair of map.items) {
    const k = pair.key as YamlNode | null;
    if (k && isScalar(k) && k.value === key) {
      const v = pair.value as YamlNode | null;
      return v && isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    }
  }
  return undefined;
}
