/**
 * Replaces what is on screen with a share link's scenario, after the person chose to (LinkChoiceDialog).
 * The same steps the app takes when a link opens at start: the scenario (which the autosave then
 * keeps), its layout, selection and request, and no leftover traffic from the old cluster.
 */
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import type { OpenedLink } from '../../store/shareLink.ts';
import { clearTraffic } from '../../store/trafficStore.ts';
import { forgetOpenEntry } from '../library/forgetOpenEntry.ts';

export function openSharedLink(app: KubeplayApp, link: OpenedLink): void {
  clearTraffic(app.traffic);
  // The view first, so the graph lays the new cluster out with the link's positions.
  app.view.setState({
    positions: link.positions,
    selection: link.selection,
    stepHop: 0,
    ...(link.draft ? { draft: { ...link.draft, host: '' }, draftPristine: false } : { draftPristine: true }),
    // The teacher's lesson step comes along; the lessons panel resumes it (lessonSession.resumeLesson).
    ...(link.lesson
      ? {
          lesson: { lessonId: link.lesson.id, step: link.lesson.step, finished: false },
          lessonDone: [],
          lessonsOpen: true,
          ...(link.lesson.source !== undefined
            ? { customLesson: { id: link.lesson.id, source: link.lesson.source } }
            : {}),
        }
      : {}),
  });
  app.scenario.setState({ ...link.scenario });
  forgetOpenEntry();
}
