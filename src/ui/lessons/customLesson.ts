/**
 * A teacher's own lesson file beside the bundled ones: parsed with the same src/lessons parser (which
 * locates every error and refuses patterns that could hang the page), offered first in the list, and
 * kept in this browser so a reload does not lose it. A lesson with a bundled lesson's id takes its
 * place (a teacher's edited copy of it).
 */
import { parseLesson } from '../../lessons/index.ts';
import type { Lesson, LessonError } from '../../lessons/index.ts';
import type { CustomLesson } from '../../store/viewStore.ts';

export const CUSTOM_LESSON_STORAGE_KEY = 'kubeplay.customLesson.v1';

export type LoadedLesson =
  | { ok: true; lesson: Lesson; custom: CustomLesson }
  | { ok: false; errors: LessonError[] };

export function loadLessonFile(source: string, scenarioIds: readonly string[]): LoadedLesson {
  const parsed = parseLesson(source, { scenarioIds });
  if (!parsed.lesson) return { ok: false, errors: parsed.errors };
  return { ok: true, lesson: parsed.lesson, custom: { id: parsed.lesson.id, source } };
}

/** The lessons to offer: the custom one (when it parses) first, then the bundled ones it does not replace. */
export function withCustomLesson(
  bundled: readonly Lesson[],
  custom: CustomLesson | null,
  scenarioIds: readonly string[],
): { lessons: Lesson[]; customId: string | null } {
  const loaded = custom ? loadLessonFile(custom.source, scenarioIds) : null;
  if (!loaded?.ok) return { lessons: [...bundled], customId: null };
  return {
    lessons: [loaded.lesson, ...bundled.filter((l) => l.id !== loaded.lesson.id)],
    customId: loaded.lesson.id,
  };
}

/**
 * The list as the view holds it at each call (computed again only when the custom lesson changes):
 * a lesson file is registered and started in one go, before React renders the longer list.
 */
export function lessonListOf(
  view: { getState(): { customLesson: CustomLesson | null } },
  bundled: readonly Lesson[],
  scenarioIds: readonly string[],
): () => { lessons: Lesson[]; customId: string | null } {
  let cache: { custom: CustomLesson | null; list: { lessons: Lesson[]; customId: string | null } } | null =
    null;
  return () => {
    const custom = view.getState().customLesson;
    if (cache?.custom !== custom) cache = { custom, list: withCustomLesson(bundled, custom, scenarioIds) };
    return cache.list;
  };
}

/** `line:column path: message`, one per line, as an editor's problems list reads. */
export function formatLessonErrors(errors: readonly LessonError[]): string[] {
  return errors.map((e) => `${e.line}:${e.column}${e.path ? ` ${e.path}` : ''}: ${e.message}`);
}

interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What was kept from an earlier visit; untrusted (another version, a hand edit): shape-checked. */
export function readSavedCustomLesson(storage: TextStorage | null): CustomLesson | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(CUSTOM_LESSON_STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { id, source } = value as Record<string, unknown>;
    return typeof id === 'string' && typeof source === 'string' ? { id, source } : null;
  } catch {
    return null;
  }
}

export function saveCustomLesson(storage: TextStorage | null, custom: CustomLesson | null): void {
  try {
    if (custom) storage?.setItem(CUSTOM_LESSON_STORAGE_KEY, JSON.stringify(custom));
    else storage?.removeItem(CUSTOM_LESSON_STORAGE_KEY);
  } catch {
    // Storage full or disabled: the lesson lasts for this page only.
  }
}
