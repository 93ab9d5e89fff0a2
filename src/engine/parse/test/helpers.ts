import type { Diagnostic } from '../../model/diagnostic.ts';
import { parseManifests } from '../parseManifests.ts';
import type { ParseResult } from '../parseManifests.ts';

export function parse(text: string, file = 'test.yaml'): ParseResult {
  return parseManifests([{ file, text }]);
}

/** `line:col severity path: message`, the CLI's line format, for compact assertions. */
export function format(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.severity} ${d.path}: ${d.message}`;
}

export function problems(text: string): string[] {
  return parse(text).diagnostics.map(format);
}

export function errors(text: string): Diagnostic[] {
  return parse(text).diagnostics.filter((d) => d.severity === 'error');
}
