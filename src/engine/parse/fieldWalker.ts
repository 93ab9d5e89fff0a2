/**
 * What reading a YAML document means field by field, shared by the two ways readYaml walks a document
 * (the yaml library's composed nodes, and the parser's tokens on the fast path in tokenWalker.ts): where
 * each value and key sits, the kind's field set and types (kubectl's strict decoding), duplicate and
 * forbidden keys, and the nesting limit. Only how a map or a list is iterated differs between the two.
 */
import type { Diagnostic, Severity } from '../model/diagnostic.ts';
import { MAX_DEPTH } from '../limits.ts';
import { emptyRecord } from './plain.ts';
import type { Plain } from './plain.ts';
import type { Schema } from './schema/types.ts';
import { formatTypeError, formatUnknownField } from './messages.ts';

/** Picks the field set for a whole object from its apiVersion and kind (undefined: accept anything). */
export type SchemaResolver = (apiVersion: string | undefined, kind: string | undefined) => Schema | undefined;

export interface ReadDocument {
  /** 0-based index of the document in its file. */
  doc: number;
  /** The document's root value (usually a map). */
  value: Plain;
  line: number;
  column: number;
  /** field path -> [line, column] of its value. */
  positions: Record<string, [number, number]>;
  /** field path -> [line, column] of its key (for "unknown field" and "missing" reports). */
  keyPositions: Record<string, [number, number]>;
  /** Syntax, limit or schema errors found in this YAML document (none when it is clean). */
  diagnostics: Diagnostic[];
  /** True when the text of this document could not be read (syntax error, limit): nothing usable. */
  broken: boolean;
}

/** A document's reading before its walk: nothing read, nothing wrong yet. */
export function emptyReading(index: number, line: number, column: number): ReadDocument {
  return {
    doc: index,
    value: null,
    line,
    column,
    positions: emptyRecord(),
    keyPositions: emptyRecord(),
    diagnostics: [],
    broken: false,
  };
}

/** Turns a text offset into a 1-based [line, column]. */
export type Locate = (offset: number) => [number, number];

/** Stops the walk of one document: it is reported once and the document is left unread. */
export class WalkAbort {
  constructor(
    public readonly code: string,
    public readonly message: string,
    public readonly offset: number,
  ) {}
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const hasOwn = Object.prototype.hasOwnProperty;

/** go-yaml v2's resolve table for YAML 1.1 booleans (the words YAML 1.2 reads as strings). */
export const YAML11_BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w) => [w, true] as [string, boolean]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w) => [w, false] as [string, boolean]),
]);

export function diag(
  file: string,
  line: number,
  column: number,
  severity: Severity,
  path: string,
  message: string,
  code: string,
  end?: [number, number],
): Diagnostic {
  const d: Diagnostic = { file, line, column, severity, path, message, code };
  // The end lets the editor underline the whole key or value, not one character.
  if (end && (end[0] > line || (end[0] === line && end[1] > column))) {
    d.endLine = end[0];
    d.endColumn = end[1];
  }
  return d;
}

export abstract class FieldWalker {
  /** End offset of the node being read, so a type error underlines the whole value. */
  protected nodeEnd = 0;

  constructor(
    protected readonly file: string,
    protected readonly at: Locate,
    protected readonly out: ReadDocument,
    protected readonly resolveSchema: SchemaResolver,
  ) {}

  protected checkDepth(depth: number, offset: number): void {
    if (depth > MAX_DEPTH) {
      throw new WalkAbort(
        'yaml-too-deep',
        `nesting deeper than ${MAX_DEPTH} levels; kubeplay stops reading this document`,
        offset,
      );
    }
  }

  /** A scalar's value; `plain` says it was written unquoted (which YAML 1.1 booleans need). */
  protected scalarValue(value: unknown, plain: boolean, path: string, schema: Schema, offset: number): Plain {
    // kubectl reads YAML with go-yaml v2 (YAML 1.1 booleans): an unquoted `yes`/`on`/`off`… is a
    // boolean there, which is why `value: yes` in an env var fails with a type error.
    if (plain && typeof value === 'string' && value.length <= 5) {
      const yaml11 = YAML11_BOOLEANS.get(value);
      if (yaml11 !== undefined) return this.scalar(yaml11, path, schema, offset);
    }
    return this.scalar(value, path, schema, offset);
  }

  private scalar(value: unknown, path: string, schema: Schema, offset: number): Plain {
    let v: Plain;
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean') v = value;
    else if (typeof value === 'number') v = value;
    else if (typeof value === 'bigint') v = Number(value);
    else v = String(value);
    switch (schema.t) {
      case 'any':
        return v;
      case 'string':
        if (typeof v !== 'string') this.typeError(path, schema, typeName(v), offset);
        return v;
      case 'integer':
        if (typeof v !== 'number' || !Number.isInteger(v)) this.typeError(path, schema, typeName(v), offset);
        return v;
      case 'number':
        if (typeof v !== 'number') this.typeError(path, schema, typeName(v), offset);
        return v;
      case 'boolean':
        if (typeof v !== 'boolean') this.typeError(path, schema, typeName(v), offset);
        return v;
      case 'intOrString':
        if (typeof v === 'boolean' || (typeof v === 'number' && !Number.isInteger(v)))
          this.typeError(path, schema, typeName(v), offset);
        return v;
      default:
        this.typeError(path, schema, typeName(v), offset);
        return v;
    }
  }

  /** Whether a map may stand where `schema` is expected; a type error is reported when not. */
  protected acceptsMap(path: string, schema: Schema, offset: number): boolean {
    if (schema.t === 'object' || schema.t === 'map' || schema.t === 'any') return true;
    this.typeError(path, schema, 'object', offset);
    return false;
  }

  /** Whether a list may stand where `schema` is expected; a type error is reported when not. */
  protected acceptsList(path: string, schema: Schema, offset: number): boolean {
    if (schema.t === 'array' || schema.t === 'any') return true;
    this.typeError(path, schema, 'array', offset);
    return false;
  }

  /**
   * True the first time a key is met in one map. kubectl reads YAML strictly (sigs.k8s.io/yaml over
   * go-yaml), so a key given twice is an error there: `mapping key "name" already defined at line 4`.
   * The first value is the one kept.
   */
  protected firstOccurrence(
    seen: Map<string, number>,
    path: string,
    key: string,
    offset: number,
    end: number,
    viaAlias: boolean,
  ): boolean {
    const firstOffset = seen.get(key);
    if (firstOffset === undefined) {
      seen.set(key, offset);
      return true;
    }
    if (!viaAlias) {
      const [firstLine] = this.at(firstOffset);
      this.report(
        path === '' ? key : `${path}.${key}`,
        `mapping key "${key}" already defined at line ${firstLine}`,
        'yaml-duplicate-key',
        offset,
        end,
      );
    }
    return false;
  }

  /**
   * The field set a key's value is read against, or undefined when the key is refused (forbidden, or
   * not a field of the kind: reported, as kubectl's strict decoding does).
   */
  protected fieldSchema(
    child: string,
    key: string,
    schema: Schema,
    viaAlias: boolean,
    keyOffset: number,
    keyEnd: number,
  ): Schema | undefined {
    if (FORBIDDEN_KEYS.has(key)) {
      this.report(child, `the key "${key}" is not allowed here`, 'forbidden-key', keyOffset, keyEnd);
      return undefined;
    }
    if (schema.t === 'object') {
      const s = hasOwn.call(schema.fields, key) ? schema.fields[key] : undefined;
      if (!s) {
        if (!viaAlias) this.out.keyPositions[child] = this.at(keyOffset);
        this.report(child, formatUnknownField(child), 'unknown-field', keyOffset, keyEnd);
      }
      return s;
    }
    return schema.t === 'map' ? schema.values : schema;
  }

  /**
   * Records where a key sits. Key positions locate fields missing under this one, so only collections
   * and empty values (`key:` with nothing after it, which is located at its key) need them.
   */
  protected noteKey(
    child: string,
    keyOffset: number,
    empty: boolean,
    scalarValue: boolean,
    viaAlias: boolean,
  ): void {
    if (viaAlias || (!empty && scalarValue) || child in this.out.keyPositions) return;
    const keyPos = this.at(keyOffset);
    this.out.keyPositions[child] = keyPos;
    if (empty && !(child in this.out.positions)) this.out.positions[child] = keyPos;
  }

  protected typeError(path: string, schema: Schema, actual: string, offset: number): void {
    this.report(
      path,
      formatTypeError(path, schemaTypeName(schema), actual),
      'schema-type',
      offset,
      this.nodeEnd,
    );
  }

  protected report(path: string, message: string, code: string, offset: number, end = offset): void {
    const [line, column] = this.at(offset);
    this.out.diagnostics.push(diag(this.file, line, column, 'error', path, message, code, this.at(end)));
  }
}

function typeName(v: Plain): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : 'object';
}

function schemaTypeName(schema: Schema): string {
  switch (schema.t) {
    case 'object':
    case 'map':
      return 'object';
    case 'intOrString':
      return 'integer or string';
    case 'resource':
    case 'any':
      return 'object';
    default:
      return schema.t;
  }
}
