/** Blame and quick fixes located in the user's YAML through an object's SourceRef. */
import type { SourceRef } from '../model/diagnostic.ts';
import type { GraphId } from '../trace.ts';
import { locatePath } from '../lint/locate.ts';
import type { Blame, QuickFix } from './types.ts';

export function blameAt(object: GraphId, source: SourceRef | undefined, path: string): Blame {
  if (!source) return { object, path };
  const [line, column] = locatePath(source, path);
  return { object, path, location: { file: source.file, line, column } };
}

/** A fix for a field of an object the user wrote (none for objects without a source). */
export function fixAt(
  source: SourceRef | undefined,
  path: string,
  value: QuickFix['value'],
  label: string,
): QuickFix | undefined {
  // Only a field that is written can be edited in place (a missing one has no value to replace).
  const at = source?.positions[path];
  if (!source || !at) return undefined;
  return { label, file: source.file, line: at[0], column: at[1], path, value };
}
