/** Diagnostics as the CLI prints them; the shapes are a contract with scripts (docs/architecture.md#cli). */
import type { Diagnostic } from '../engine/index.ts';

/**
 * Control characters and bidirectional overrides (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066..U+2069, ...)
 * from the user's text, written as `\u202e`: printed raw they reorder or hide what a terminal shows
 * ("Trojan Source", https://trojansource.codes/). --json output is JSON-escaped by JSON.stringify.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line:col severity path: message` */
export function formatDiagnostic(d: Diagnostic): string {
  return escapeForTerminal(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.path}: ${d.message}`);
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
