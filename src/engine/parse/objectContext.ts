/**
 * What a kind builder needs while turning one object's plain value into a manifest: its source
 * positions and a place to put diagnostics located on the right line.
 */
import type { Diagnostic, Severity, SourceRef } from '../model/diagnostic.ts';

export interface ObjectContext {
  file: string;
  /** positions of this object's fields, keyed by the path the API server prints (`spec.ports[0].port`). */
  positions: Record<string, [number, number]>;
  keyPositions: Record<string, [number, number]>;
  /** Where the object itself starts. */
  line: number;
  column: number;
  source: SourceRef;
  diagnostics: Diagnostic[];
}

/** `spec.ports[0].port` -> `spec.ports[0]` -> `spec.ports` -> `spec` -> ''. */
export function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const bracket = path.lastIndexOf('[');
  const cut = Math.max(dot, bracket);
  return cut <= 0 ? '' : path.slice(0, cut);
}

/**
 * The position of a field's value (or of its key when it has no value); for a missing field, the key
 * of the nearest ancestor that is there (`spec:` for a missing `spec.ports`).
 */
export function positionOf(ctx: ObjectContext, path: string): [number, number] {
  const own = ctx.positions[path] ?? ctx.keyPositions[path];
  if (own) return own;
  let p = path;
  while (p !== '') {
    p = parentPath(p);
    const found = ctx.keyPositions[p] ?? ctx.positions[p];
    if (found) return found;
  }
  return [ctx.line, ctx.column];
}

/** `at` locates the message on a more precise field than the path Kubernetes prints (a label's own value). */
export function report(
  ctx: ObjectContext,
  severity: Severity,
  path: string,
  message: string,
  code: string,
  at = path,
): void {
  const [line, column] = positionOf(ctx, at);
  ctx.diagnostics.push({ file: ctx.file, line, column, severity, path, message, code });
}

export function reportError(
  ctx: ObjectContext,
  path: string,
  message: string,
  code: string,
  at = path,
): void {
  report(ctx, 'error', path, message, code, at);
}
