/**
 * The fast path of readYaml: one document read straight from the yaml parser's tokens (its CST), without
 * the composer building a node for every key and value first, which is about a third of the library's
 * parse (docs/performance.md, "Reading the parser's tokens (6 December 2026, night)").
 *
 * It reads only the block style manifests are written in: block maps and lists, plain, quoted and block
 * scalars, comments. Anything else (flow collections, anchors, aliases, tags, explicit `?` keys, tabs,
 * a token the parser flagged) stops it, and the document is composed by the yaml library as before. Its
 * checks are the composer's own for those tokens (https://github.com/eemeli/yaml, src/compose/
 * resolve-props.ts, resolve-block-map.ts, resolve-block-seq.ts, compose-doc.ts), so what it accepts the
 * composer reads without error, and the result is the same to the last position: readYaml.tokens.test.ts
 * compares the two paths on every manifest in the repository and on hundreds of random edit sequences.
 */
import { CST, Document, isScalar } from 'yaml';
import type { DocumentOptions, ParseOptions, SchemaOptions, ScalarTag } from 'yaml';
import { createPlainMap } from './plain.ts';
import type { Plain } from './plain.ts';
import type { Schema } from './schema/types.ts';
import { diag, emptyReading, FieldWalker, WalkAbort } from './fieldWalker.ts';
import type { Locate, ReadDocument, SchemaResolver } from './fieldWalker.ts';

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type ScalarToken = CST.FlowScalar | CST.BlockScalar;

/** Thrown when a document leaves the subset this path reads; the caller composes it instead. */
class OutsideFastPath {}
const OUTSIDE = new OutsideFastPath();
function outside(): never {
  throw OUTSIDE;
}

/** A plain scalar's value as the composer's schema resolves it (`80` a number, `~` null, `true` a boolean). */
export type PlainResolver = (source: string, atKey: boolean) => unknown;

/**
 * Resolvers of plain scalars with the tags of the schema the composer is given, in its order
 * (compose-scalar.ts, findScalarTagByTest): the first default tag whose test matches. Each resolver
 * it makes remembers what it resolved (manifests repeat `name`, `app`, `http`, `80`, each resolved
 * once instead of by up to ten regular expressions); make one per text, so what it holds, slices of
 * that text among them, goes with it.
 */
export function plainResolvers(options: DocumentOptions & SchemaOptions & ParseOptions): () => PlainResolver {
  const schemaDocument = new Document(null, options);
  const tags = schemaDocument.schema.tags.filter(
    (tag): tag is ScalarTag => tag.test !== undefined && !!tag.default,
  );
  let failed = false;
  const onError = () => {
    failed = true;
  };
  const resolve = (source: string, atKey: boolean): unknown => {
    for (const tag of tags) {
      if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test?.test(source)) {
        // A key-only tag is the merge key `<<`: the composer's walk reads it.
        if (tag.default !== true) outside();
        failed = false;
        let value: unknown;
        try {
          value = tag.resolve(source, onError, schemaDocument.options);
        } catch {
          outside();
        }
        if (failed || isScalar(value)) outside();
        return value;
      }
    }
    return source;
  };
  return () => {
    // Values are primitives, so handing the same one out again is safe.
    const values = new Map<string, unknown>();
    const keys = new Map<string, unknown>();
    return (source, atKey) => {
      const memo = atKey ? keys : values;
      let value = memo.get(source);
      if (value === undefined && !memo.has(source)) {
        value = resolve(source, atKey);
        memo.set(source, value);
      }
      return value;
    };
  };
}

function isScalarToken(token: Token): token is ScalarToken {
  return (
    token.type === 'scalar' ||
    token.type === 'single-quoted-scalar' ||
    token.type === 'double-quoted-scalar' ||
    token.type === 'block-scalar'
  );
}

/** A scalar token's text value and range, or outside() where the composer would report an error. */
function resolveScalar(token: ScalarToken): { value: string; range: [number, number, number] } {
  const resolved = CST.resolveAsScalar(token, true, outside);
  if (resolved === null) outside();
  return resolved;
}

/**
 * What the composer's resolveProps finds in the tokens before a key, value or list item, for the tokens
 * this path accepts (space without tabs, line breaks, comments, one indicator); anything else is outside.
 */
class Props {
  found: SourceToken | null = null;
  hasNewline = false;
  hasComment = false;
  end = 0;

  read(
    tokens: readonly SourceToken[],
    indicator: SourceToken['type'],
    startOnNewline: boolean,
    offset: number,
  ): this {
    let hasSpace = startOnNewline;
    this.found = null;
    this.hasNewline = false;
    this.hasComment = false;
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
          if (token.source.includes('\t')) outside();
          hasSpace = true;
          break;
        case 'newline':
          this.hasNewline = true;
          hasSpace = true;
          break;
        case 'comment':
          // "Comments must be separated from other tokens by white space characters"
          if (!hasSpace) outside();
          this.hasComment = true;
          break;
        default:
          if (token.type !== indicator || this.found) outside();
          this.found = token;
          hasSpace = false;
      }
    }
    const last = tokens[tokens.length - 1];
    this.end = last ? last.offset + last.source.length : offset;
    return this;
  }
}

/** Where the composer puts the empty value after `key:` or `-` (util-empty-scalar-position.ts). */
function emptyScalarPosition(offset: number, before: readonly SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i];
    if (token && (token.type === 'space' || token.type === 'comment' || token.type === 'newline')) {
      offset -= token.source.length;
      continue;
    }
    for (let next = before[++i]; next?.type === 'space'; next = before[++i]) offset += next.source.length;
    break;
  }
  return offset;
}

class TokenWalker extends FieldWalker {
  /** range[1] of the node last read: where its value ends. */
  private rangeEnd = 0;
  /** range[2] of the node last read: where its trailing comments and line breaks end. */
  private trailEnd = 0;
  private readonly props = new Props();

  constructor(
    file: string,
    at: Locate,
    out: ReadDocument,
    resolveSchema: SchemaResolver,
    private readonly plain: PlainResolver,
    /** False for a walk that only checks tokens the real walk skips (its output is dropped). */
    private readonly limitDepth = true,
  ) {
    super(file, at, out, resolveSchema);
  }

  protected override checkDepth(depth: number, offset: number): void {
    if (this.limitDepth) super.checkDepth(depth, offset);
  }

  walk(token: Token, path: string, schema: Schema, depth: number): Plain {
    const offset = token.offset;
    this.checkDepth(depth, offset);
    if (!(path in this.out.positions)) this.out.positions[path] = this.at(offset);
    if (schema.t === 'resource') schema = this.schemaOf(token);
    if (isScalarToken(token)) {
      const { value, range } = resolveScalar(token);
      this.rangeEnd = range[1];
      this.trailEnd = range[2];
      this.nodeEnd = range[1];
      const plain = token.type === 'scalar';
      return this.scalarValue(plain ? this.plain(value, false) : value, plain, path, schema, offset);
    }
    if (token.type === 'block-map') return this.map(token, path, schema, depth, offset);
    if (token.type === 'block-seq') return this.list(token, path, schema, depth, offset);
    return outside();
  }

  /**
   * An empty value (`key:` or `-` with nothing after it, or a document with nothing in it): the
   * composer's empty scalar, at `offset`.
   */
  empty(path: string, offset: number, depth: number): null {
    this.checkDepth(depth, offset);
    if (!(path in this.out.positions)) this.out.positions[path] = this.at(offset);
    return null;
  }

  /**
   * Checks tokens a walk does not read (a refused key's value, a collection of the wrong type, what
   * follows a nesting limit), which the composer would still have read: outside() if they leave the
   * subset. What the check reads is dropped; it has no nesting limit of its own.
   */
  static check(file: string, at: Locate, plain: PlainResolver, token: Token): TokenWalker {
    const checker = new TokenWalker(file, at, emptyReading(0, 1, 1), () => undefined, plain, false);
    checker.walk(token, '', { t: 'any' }, 0);
    return checker;
  }

  private skip(token: Token): void {
    const checker = TokenWalker.check(this.file, this.at, this.plain, token);
    this.rangeEnd = checker.rangeEnd;
    this.trailEnd = checker.trailEnd;
  }

  private schemaOf(token: Token): Schema {
    if (token.type !== 'block-map') return { t: 'any' };
    return (
      this.resolveSchema(this.peekString(token, 'apiVersion'), this.peekString(token, 'kind')) ?? { t: 'any' }
    );
  }

  /** The first value of `key` in a map when it is a string (the composed walk's peekString). */
  private peekString(map: CST.BlockMap, key: string): string | undefined {
    for (const item of map.items) {
      if (!item.key || !isScalarToken(item.key) || this.keyOf(item.key) !== key) continue;
      if (!item.value || !isScalarToken(item.value)) return undefined;
      const { value } = resolveScalar(item.value);
      const resolved = item.value.type === 'scalar' ? this.plain(value, false) : value;
      return typeof resolved === 'string' ? resolved : undefined;
    }
    return undefined;
  }

  private keyOf(token: ScalarToken): string {
    const { value } = resolveScalar(token);
    const resolved = token.type === 'scalar' ? this.plain(value, true) : value;
    return resolved === null || resolved === undefined ? '' : String(resolved);
  }

  private map(map: CST.BlockMap, path: string, schema: Schema, depth: number, start: number): Plain {
    if (schema.t !== 'object' && schema.t !== 'map' && schema.t !== 'any') {
      this.skip(map);
      this.nodeEnd = this.rangeEnd;
      this.acceptsMap(path, schema, start);
      return null;
    }
    const props = this.props;
    const result = createPlainMap();
    // key -> offset of its first occurrence, to name both in a duplicate-key error.
    const seen = new Map<string, number>();
    let offset = start;
    let commentEnd: number | null = null;
    for (const item of map.items) {
      const { key, sep, value } = item;
      if (item.explicitKey) outside();
      const keyPropsEnd = props.read(item.start, 'explicit-key-ind', true, offset).end;
      if (props.found) outside();
      if (!sep) {
        // Comments alone on their lines.
        if (key) outside();
        commentEnd = keyPropsEnd;
        continue;
      }
      // A key must be a one-line scalar at the map's indentation (resolve-block-map.ts).
      if (
        !key ||
        (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')
      )
        outside();
      if (key.indent !== map.indent || key.source.includes('\n')) outside();
      if (key.end) for (const t of key.end) if (t.type === 'newline') outside();
      const keyText = this.keyOf(key);
      const keyOffset = key.offset;
      const keyEnd = key.offset + key.source.length;
      const valueProps = props.read(sep, 'map-value-ind', false, keyEnd);
      const colon = valueProps.found;
      if (!colon) outside();
      // "Nested mappings are not allowed in compact mappings"; "The : indicator must be at most 1024 chars
      // after the start of an implicit block mapping key"
      if (value?.type === 'block-map' && !valueProps.hasNewline) outside();
      if (keyPropsEnd < colon.offset - 1024) outside();
      const sepEnd = valueProps.end;
      const sepComment = valueProps.hasComment;

      let childSchema: Schema | undefined;
      let child = '';
      if (this.firstOccurrence(seen, path, keyText, keyOffset, keyEnd, false)) {
        child = path === '' ? keyText : `${path}.${keyText}`;
        childSchema = this.fieldSchema(child, keyText, schema, false, keyOffset, keyEnd);
      }
      if (!value) {
        const at = emptyScalarPosition(sepEnd, sep);
        if (childSchema) {
          this.noteKey(child, keyOffset, true, true, false);
          result[keyText] = this.empty(child, at, depth + 1);
        }
        offset = sepComment ? sepEnd : at;
        continue;
      }
      if (!childSchema) {
        this.skip(value);
      } else {
        const emptyValue = value.type === 'scalar' && value.source === '';
        this.noteKey(child, keyOffset, emptyValue, isScalarToken(value), false);
        result[keyText] = this.walk(value, child, childSchema, depth + 1);
      }
      offset = this.trailEnd;
    }
    // "Map comment with trailing content"
    if (commentEnd !== null && commentEnd !== 0 && commentEnd < offset) outside();
    this.rangeEnd = offset;
    this.trailEnd = commentEnd ?? offset;
    return result;
  }

  private list(list: CST.BlockSequence, path: string, schema: Schema, depth: number, start: number): Plain {
    if (schema.t !== 'array' && schema.t !== 'any') {
      this.skip(list);
      this.nodeEnd = this.rangeEnd;
      this.acceptsList(path, schema, start);
      return null;
    }
    const props = this.props;
    const itemSchema = schema.t === 'array' ? schema.items : schema;
    const result: Plain[] = [];
    let offset = start;
    let commentEnd: number | null = null;
    for (const item of list.items) {
      props.read(item.start, 'seq-item-ind', true, offset);
      if (!props.found) {
        if (item.value) outside();
        commentEnd = props.end;
        continue;
      }
      const itemPath = `${path}[${result.length}]`;
      if (item.value) {
        result.push(this.walk(item.value, itemPath, itemSchema, depth + 1));
        offset = this.trailEnd;
      } else {
        const at = emptyScalarPosition(props.end, item.start);
        offset = props.hasComment ? props.end : at;
        result.push(this.empty(itemPath, at, depth + 1));
      }
    }
    this.rangeEnd = offset;
    this.trailEnd = commentEnd ?? offset;
    return result;
  }
}

/**
 * One document read from its tokens, or undefined when it leaves the subset this path reads (the caller
 * composes it then). The result equals what readYaml's composed walk gives for the same document.
 */
export function readDocumentTokens(
  file: string,
  index: number,
  token: CST.Document,
  at: Locate,
  resolveSchema: SchemaResolver,
  plain: PlainResolver,
): ReadDocument | undefined {
  try {
    const props = new Props().read(token.start, 'doc-start', true, token.offset);
    const { value } = token;
    // "Block collection cannot start on same line with directives-end marker"
    if (
      props.found &&
      value &&
      (value.type === 'block-map' || value.type === 'block-seq') &&
      !props.hasNewline
    )
      outside();
    for (const t of token.end ?? [])
      if (t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline') outside();
    const start = value ? value.offset : emptyScalarPosition(props.end, token.start);
    const [line, column] = at(start);
    const out = emptyReading(index, line, column);
    const walker = new TokenWalker(file, at, out, resolveSchema, plain);
    try {
      out.value = value ? walker.walk(value, '', { t: 'resource' }, 0) : walker.empty('', start, 0);
    } catch (e) {
      if (!(e instanceof WalkAbort)) throw e;
      // The composer would have read the rest of the tokens: they must be inside the subset too.
      if (value) TokenWalker.check(file, at, plain, value);
      const [l, c] = at(e.offset);
      out.diagnostics.push(diag(file, l, c, 'error', '', e.message, e.code));
      out.broken = true;
      out.value = null;
    }
    return out;
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}
