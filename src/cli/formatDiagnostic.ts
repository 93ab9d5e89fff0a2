/** Diagnostics as the CLI prints them; the shapes are a contract with scripts (docs/architecture.md#cli). */
import type { Diagnostic } from '../engine/index.ts';

/** `file:line:col severity path: message` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.path}: ${d.message}`;
}

/** The `--json` element: exactly these six fields, in this order. */
export function toJsonDiagnostic(d: Diagnostic): {
  file: string;
  line: number;
  column: number;
  severity: string;
  path: string;
  message: string;
} {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    path: d.path,
    message: d.message,
  };
}

export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
