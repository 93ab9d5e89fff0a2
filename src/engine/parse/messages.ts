/**
 * Kubernetes' own wordings, in one catalog (as xyflow keeps its errorMessages). The field error types
 * follow k8s.io/apimachinery/pkg/util/validation/field/errors.go: `Required value`, `Invalid value: <v>: <detail>`,
 * `Unsupported value: <v>: supported values: ...`, `Duplicate value: <v>`, `Forbidden: <detail>`; the name
 * rules follow k8s.io/apimachinery/pkg/util/validation/validation.go (RegexError's exact punctuation included).
 */

/** How field.Invalid prints a value: strings quoted, numbers bare, maps as Go's %#v would. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify((value as Record<string, unknown>)[k])}`);
    return `map[string]string{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

export function required(detail = ''): string {
  return detail ? `Required value: ${detail}` : 'Required value';
}
export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${formatValue(value)}: ${detail}`;
}
export function unsupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`;
}
export function duplicate(value: unknown): string {
  return `Duplicate value: ${formatValue(value)}`;
}
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}
export function tooLong(max: number): string {
  return `Too long: may not be more than ${max} bytes`;
}

/** Strict decoding (kubectl --validate=strict, the default since 1.25). */
export function formatUnknownField(path: string): string {
  return `unknown field "${path}"`;
}

/** kube-openapi's type error, as the API server wraps it in field.Invalid. */
export function formatTypeError(path: string, expected: string, actual: string): string {
  return `Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"`;
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
export const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
export const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
export const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
export const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;

export const DNS1123_LABEL_ERROR = regexError(
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  DNS1123_LABEL_FMT,
  'my-name',
  '123-abc',
);
export const DNS1123_SUBDOMAIN_ERROR = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN_FMT,
  'example.com',
);
export const DNS1035_LABEL_ERROR = regexError(
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  DNS1035_LABEL_FMT,
  'my-name',
  'abc-123',
);
export const QUALIFIED_NAME_ERROR = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  QUALIFIED_NAME_FMT,
  'MyName',
  'my.name',
  '123-abc',
);
export const LABEL_VALUE_ERROR = regexError(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  LABEL_VALUE_FMT,
  'MyValue',
  'my_value',
  '12345',
);
export const WILDCARD_DNS1123_SUBDOMAIN_ERROR = regexError(
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
  WILDCARD_DNS1123_SUBDOMAIN_FMT,
  '*.example.com',
);

export const PORT_RANGE_ERROR = 'must be between 1 and 65535, inclusive';
export const SELECTOR_MISMATCH = '`selector` does not match template `labels`';
