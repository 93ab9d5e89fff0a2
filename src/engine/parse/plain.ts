/**
 * The plain values the YAML walker produces: null-prototype maps (so `__proto__` can never reach
 * Object.prototype), arrays and scalars. Helpers here read them without trusting their shape.
 */
export type Plain = string | number | boolean | null | PlainMap | Plain[];
export interface PlainMap {
  [key: string]: Plain;
}

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createPlainMap(): PlainMap {
  return Object.create(null) as PlainMap;
}

export function getMap(obj: PlainMap | undefined, key: string): PlainMap | undefined {
  const v = obj?.[key];
  return isPlainMap(v) ? v : undefined;
}

export function getArray(obj: PlainMap | undefined, key: string): Plain[] {
  const v = obj?.[key];
  return Array.isArray(v) ? v : [];
}

export function getString(obj: PlainMap | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function getNumber(obj: PlainMap | undefined, key: string): number | undefined {
  const v = obj?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function getBoolean(obj: PlainMap | undefined, key: string): boolean | undefined {
  const v = obj?.[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** A number or a string (targetPort, probe ports, servicePort): anything else is undefined. */
export function getIntOrString(obj: PlainMap | undefined, key: string): number | string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined;
}

export function has(obj: PlainMap | undefined, key: string): boolean {
  return obj !== undefined && obj[key] !== undefined && obj[key] !== null;
}

/** map[string]string: non-string values were already reported by the schema walk and are skipped. */
export function getStringMap(obj: PlainMap | undefined, key: string): Record<string, string> {
  const m = getMap(obj, key);
  const out: Record<string, string> = {};
  if (!m) return out;
  for (const k of Object.keys(m)) {
    const v = m[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function getStringArray(obj: PlainMap | undefined, key: string): string[] {
  return getArray(obj, key).filter((v): v is string => typeof v === 'string');
}

export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A positions record without a prototype: a path like `constructor` can never read Object.prototype. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
