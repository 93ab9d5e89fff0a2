/** Turns an object's field path into a located Diagnostic through its SourceRef (nearest existing ancestor). */
import type { Diagnostic, Severity, SourceRef } from '../model/diagnostic.ts';

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

export function hintAt(
  source: SourceRef,
  path: string,
  severity: Severity,
  message: string,
  code: string,
): Diagnostic {
  const [line, column] = locatePath(source, path);
  return { file: source.file, line, column, severity, path, message, code };
}

/** The [line, column] of a field path in its source, or of its nearest ancestor that was written. */
export function locatePath(source: SourceRef, path: string): [number, number] {
  let p = path;
  let pos = source.positions[p];
  while (!pos && p !== '') {
    p = parentPath(p);
    pos = source.positions[p];
  }
  return pos ?? [source.line, source.column];
}

/** `app=kubia,tier=web`, as kubectl prints a selector. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels);
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}
