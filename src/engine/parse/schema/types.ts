/**
 * A small description of Kubernetes' field sets, enough for strict decoding: which fields exist and
 * what JSON type each holds. `any` accepts everything below it; we use it where a sub-object is large
 * and irrelevant to networking, because a false "unknown field" on a valid manifest is worse than a
 * missed one.
 */
export type Schema =
  | { t: 'string' }
  | { t: 'integer' }
  | { t: 'number' }
  | { t: 'boolean' }
  | { t: 'intOrString' }
  | { t: 'any' }
  | { t: 'object'; fields: Record<string, Schema> }
  | { t: 'map'; values: Schema }
  | { t: 'array'; items: Schema }
  /** A whole object whose schema depends on its own apiVersion/kind (items of a List). */
  | { t: 'resource' };

export const str: Schema = { t: 'string' };
export const int: Schema = { t: 'integer' };
export const num: Schema = { t: 'number' };
export const bool: Schema = { t: 'boolean' };
export const intOrStr: Schema = { t: 'intOrString' };
export const any: Schema = { t: 'any' };
/** resource.Quantity: `500m`, `1Gi` or a bare number. */
export const quantity: Schema = intOrStr;
export const strMap: Schema = { t: 'map', values: str };
export const strList: Schema = { t: 'array', items: str };

export function obj(fields: Record<string, Schema>): Schema {
  return { t: 'object', fields };
}
export function arr(items: Schema): Schema {
  return { t: 'array', items };
}
export function mapOf(values: Schema): Schema {
  return { t: 'map', values };
}
