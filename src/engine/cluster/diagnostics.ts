/**
 * Control-plane diagnostics located on the manifest that caused them (its field when the parser
 * recorded the field's position, else the document). Wording is the API server's, as kubectl prints
 * after `The Service "x" is invalid: <path>: `.
 */
import type { Diagnostic, Severity, SourceRef } from '../model/diagnostic.ts';

export interface Located {
  kind: string;
  metadata: { name: string };
  source?: SourceRef;
}

export function locate(
  manifest: Located,
  path: string,
  message: string,
  code: string,
  severity: Severity = 'error',
): Diagnostic {
  const source = manifest.source;
  const at = source
    ? (source.positions[path] ?? source.positions[''] ?? [source.line, source.column])
    : [1, 1];
  return {
    file: source?.file ?? 'manifest.yaml',
    line: at[0] ?? 1,
    column: at[1] ?? 1,
    severity,
    path,
    message,
    code,
  };
}
