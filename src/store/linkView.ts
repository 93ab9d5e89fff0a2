/**
 * What an opened share link puts in the view: its layout, selection and request, and the lesson step
 * it was made on (with a teacher's own lesson file). One mapping for the page that opens with a link
 * and for a link opened later (the app's openLink). Light on purpose: no codec here.
 */
import type { OpenedLink } from './shareLink.ts';
import type { ViewState } from './viewStore.ts';

export function viewOfOpenedLink(link: OpenedLink): Partial<ViewState> {
  const { lesson } = link;
  return {
    positions: link.positions,
    selection: link.selection,
    ...(link.draft ? { draft: { ...link.draft, host: '' } } : {}),
    // A link's request is what the viewer should send: the app suggests one only when it has none.
    draftPristine: link.draft === null,
    ...(link.narration ? { narration: link.narration } : {}),
    ...(lesson
      ? {
          lesson: { lessonId: lesson.id, step: lesson.step, finished: false },
          lessonDone: [],
          lessonsOpen: true,
          ...(lesson.source !== undefined ? { customLesson: { id: lesson.id, source: lesson.source } } : {}),
        }
      : {}),
  };
}
