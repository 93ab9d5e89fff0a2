/**
 * Renders `kubectl explain` the way kubectl 1.33 does with an OpenAPI v3 server: its plaintext
 * template (https://github.com/kubernetes/kubectl/blob/release-1.33/pkg/explain/v2/templates/plaintext.tmpl)
 * followed field by field: KIND/VERSION, then FIELD with its type and ENUM, DESCRIPTION wrapped at 76
 * columns and indented by 4, and FIELDS with `name<TAB><type>`, `-required-` and each description.
 */
import type { GroupVersionKind, K8sOpenApi, OpenApiSchema } from '../../schema/k8sOpenApi.ts';
import { resolveDefinition } from '../../schema/k8sOpenApi.ts';
import { wrapWords } from './explainWrap.ts';

export class ExplainError extends Error {}

type History = ReadonlySet<string>;

/**
 * The v2 document writes a described reference as `{$ref, description}`; the v3 one that kubectl
 * reads writes `{description, allOf: [{$ref}]}`. Reading through this keeps the template's logic.
 */
function asV3(schema: OpenApiSchema): OpenApiSchema {
  if (schema.$ref === undefined || Object.keys(schema).length === 1) return schema;
  const { $ref, ...rest } = schema;
  return { ...rest, allOf: [{ $ref }] };
}

function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', '\n' + pad);
}

function mapValue(schema: OpenApiSchema): OpenApiSchema | undefined {
  return schema.additionalProperties;
}

export class ExplainRenderer {
  constructor(private readonly doc: K8sOpenApi) {}

  private resolve(schema: OpenApiSchema): OpenApiSchema | undefined {
    return resolveDefinition(schema.$ref, this.doc);
  }

  private property(schema: OpenApiSchema, name: string): OpenApiSchema | undefined {
    const props = schema.properties;
    if (!props || !Object.prototype.hasOwnProperty.call(props, name)) return undefined;
    const p = props[name];
    return p ? asV3(p) : undefined;
  }

  render(gvk: GroupVersionKind, fieldPath: string[], recursive: boolean): string {
    const entry = this.doc.kinds.find(
      (k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind,
    );
    const root = entry ? this.doc.definitions[entry.definition] : undefined;
    if (!root)
      throw new ExplainError(`GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`);
    let head = '';
    if (gvk.group) head += `GROUP:      ${gvk.group}\n`;
    head += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
    const body = this.output(root, new Set(), fieldPath, recursive);
    if (body === '')
      throw new ExplainError(`field "${fieldPath[fieldPath.length - 1] ?? ''}" does not exist`);
    return head + body + '\n';
  }

  /** The field names under a field path (for tab completion), or [] when the path leads nowhere. */
  fieldNames(gvk: GroupVersionKind, fieldPath: string[]): string[] {
    const entry = this.doc.kinds.find(
      (k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind,
    );
    let schema = entry ? this.doc.definitions[entry.definition] : undefined;
    for (const name of fieldPath) schema = schema && this.fieldOf(schema, name, 0);
    return schema ? Object.keys(this.objectOf(schema, 0)?.properties ?? {}).sort() : [];
  }

  /** The object schema a field's schema stands for: through its reference, list items, map values. */
  private objectOf(schema: OpenApiSchema, depth: number): OpenApiSchema | undefined {
    if (depth > 8) return undefined;
    const s = this.resolve(schema) ?? asV3(schema);
    if (s.properties) return s;
    const inner = s.items ?? mapValue(s) ?? (s.allOf?.length === 1 ? s.allOf[0] : undefined);
    return inner ? this.objectOf(inner, depth + 1) : undefined;
  }

  private fieldOf(schema: OpenApiSchema, name: string, depth: number): OpenApiSchema | undefined {
    const object = this.objectOf(schema, depth);
    return object ? this.property(object, name) : undefined;
  }

  /** Follows the field path, then prints the field's description and its fields. */
  private output(schema: OpenApiSchema, history: History, fieldPath: string[], recursive: boolean): string {
    const ref = schema.$ref ?? '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(schema) ?? schema;
    const [first, ...rest] = fieldPath;
    if (first === undefined) {
      const description = this.description(resolved) || '<empty>';
      let out = 'DESCRIPTION:\n' + indent(4, wrapWords(description, 76)) + '\n';
      const fields = this.fieldList(resolved, 1, new Set(), recursive);
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const sub = this.property(resolved, first);
    if (sub) {
      let out = '';
      if (rest.length === 0)
        out += `FIELD: ${first} <${this.typeGuess(sub)}>\n` + this.enumLong(sub) + '\n\n';
      return out + this.output(sub, new Set(), rest, recursive);
    }
    if (resolved.items) return this.output(asV3(resolved.items), next, fieldPath, recursive);
    const map = mapValue(resolved);
    if (map) return this.output(asV3(map), next, fieldPath, recursive);
    for (const alt of resolved.allOf ?? []) {
      const out = this.output(alt, next, fieldPath, recursive);
      if (out) return out;
    }
    return '';
  }

  /** A schema's description, then those of what it refers to, its items and its map values. */
  private description(schema: OpenApiSchema): string {
    const s = this.resolve(schema) ?? schema;
    let out = s.description ? s.description + '\n' : '';
    for (const alt of s.allOf ?? []) out += this.description(alt);
    if (s.items) out += this.description(asV3(s.items));
    const map = mapValue(s);
    if (map) out += this.description(asV3(map));
    return out;
  }

  private fieldList(schema: OpenApiSchema, level: number, history: History, recursive: boolean): string {
    const ref = schema.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(schema) ?? schema;
    let out = '';
    for (const name of Object.keys(resolved.properties ?? {}).sort()) {
      out += this.fieldDetail(resolved, name, level, recursive);
      const sub = this.property(resolved, name);
      if (recursive && sub) out += this.fieldList(sub, level + 1, next, recursive);
    }
    for (const alt of resolved.allOf ?? []) out += this.fieldList(alt, level, next, recursive);
    if (resolved.items) out += this.fieldList(asV3(resolved.items), level, next, recursive);
    const map = mapValue(resolved);
    if (map) out += this.fieldList(asV3(map), level, next, recursive);
    return out;
  }

  private fieldDetail(schema: OpenApiSchema, name: string, level: number, short: boolean): string {
    const amount = level * 2;
    const field = this.property(schema, name) ?? {};
    let out = indent(amount, name) + `\t<${this.typeGuess(field)}>`;
    if (schema.required?.includes(name)) out += ' -required-';
    out += this.enumShort(field, amount) + '\n';
    if (!short)
      out += indent(amount + 2, wrapWords(field.description || '<no description>', 78 - amount)) + '\n\n';
    return out;
  }

  /** `string`, `integer`, `Object`, `[]Container`, `map[string]string`, `ServiceSpec`, `IntOrString`… */
  private typeGuess(schema: OpenApiSchema): string {
    const s = asV3(schema);
    if (s.items) return '[]' + this.typeGuess(s.items);
    const map = mapValue(s);
    if (map) return 'map[string]' + this.typeGuess(map);
    const only = s.allOf?.length === 1 && !s.properties ? s.allOf[0] : undefined;
    if (only) return this.typeGuess(only);
    if (s.$ref) {
      const target = this.resolve(s);
      if (!target?.type || target.type === 'object')
        return s.$ref.split('/').pop()?.split('.').pop() || 'Object';
      return target.type;
    }
    return s.type === 'object' || !s.type ? 'Object' : s.type;
  }

  private enumLong(schema: OpenApiSchema): string {
    if (!schema.enum?.length) return '';
    return 'ENUM:' + schema.enum.map((v) => '\n    ' + (v === '' ? '""' : v)).join('');
  }

  private enumShort(schema: OpenApiSchema, amount: number): string {
    if (!schema.enum?.length) return '';
    const shown = schema.enum.slice(0, 4).map((v) => (v === '' ? '""' : v));
    return '\n' + ' '.repeat(amount) + 'enum: ' + shown.join(', ') + (schema.enum.length > 4 ? ', ....' : '');
  }
}
