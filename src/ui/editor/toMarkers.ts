/** Engine diagnostics -> Monaco marker data (pure, so it is unit-tested without Monaco). */
import type { Diagnostic } from '../../engine/index.ts';

/** Monaco's MarkerSeverity values (Hint 1, Info 2, Warning 4, Error 8). */
export const MARKER_SEVERITY = { error: 8, warning: 4, info: 2 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
  code: string;
}

export function toMarkers(
  diagnostics: Diagnostic[],
  file: string,
  lineLength: (line: number) => number,
): MarkerData[] {
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => {
      const line = Math.max(1, d.line);
      const column = Math.max(1, d.column);
      const endLine = d.endLine ?? line;
      // Without an end, underline to the end of the line (at least one character).
      const endColumn = d.endColumn ?? Math.max(column + 1, lineLength(endLine) + 1);
      return {
        severity: MARKER_SEVERITY[d.severity],
        message: d.path ? `${d.path}: ${d.message}` : d.message,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: endLine,
        endColumn,
        source: 'kubeplay',
        code: d.code,
      };
    });
}
