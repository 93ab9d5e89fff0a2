/**
 * Named changes to the view that the UI makes (a checkbox, a dialog, the lesson session), next to the
 * ones in viewStore.ts: components call these and never `setState` (eslint bans it in src/ui), so
 * every way the view can change is listed in the store and can be found by name.
 */
import type { LessonProgress } from '../lessons/index.ts';
import type { CustomLesson, NarrationLevel, Speed, ViewState, ViewStore } from './viewStore.ts';

export function closeHelp(store: ViewStore): void {
  store.setState({ helpOpen: false });
}

export function setShowSystem(store: ViewStore, showSystem: boolean): void {
  store.setState({ showSystem });
}

/** A one-line message for the header. */
export function showNotice(store: ViewStore, notice: string): void {
  store.setState({ notice });
}

/** Step mode on or off; either way the focused request starts again from its first hop. */
export function setStepMode(store: ViewStore, stepMode: boolean): void {
  store.setState({ stepMode, stepHop: 0 });
}

/** Puts the focused request at `hop` (step mode's back / next, a replay's start). */
export function setStepHop(store: ViewStore, stepHop: number): void {
  store.setState({ stepHop });
}

/** Presenter's arrow keys: step mode on, at `hop`. */
export function stepToHop(store: ViewStore, stepHop: number): void {
  store.setState({ stepMode: true, stepHop });
}

export function togglePaused(store: ViewStore): void {
  store.setState((s) => ({ paused: !s.paused }));
}

export function setSpeed(store: ViewStore, speed: Speed): void {
  store.setState({ speed });
}

export function setNarration(store: ViewStore, narration: NarrationLevel): void {
  store.setState({ narration });
}

/** The teacher's own lesson file offered beside the bundled ones; null removes it. */
export function setCustomLesson(store: ViewStore, customLesson: CustomLesson | null): void {
  store.setState({ customLesson });
}

/** The lesson the student is on (null: none), the steps done, and the graph ids that step lights up. */
export function setLessonProgress(
  store: ViewStore,
  lesson: LessonProgress | null,
  lessonDone: number[],
  lessonHighlight: string[],
): void {
  store.setState({ lesson, lessonDone, lessonHighlight });
}

/**
 * A different cluster is on screen: nothing selected, automatic layout, the request at its first hop,
 * and the request bar free to suggest a request that exists in it.
 */
export function resetViewForNewScenario(store: ViewStore): void {
  store.setState({ selection: null, positions: {}, stepHop: 0, draftPristine: true });
}

/** Panel sizes and open panels restored from the browser (src/ui/app/layoutMemory.ts). */
export function applyLayout(store: ViewStore, layout: Partial<ViewState>): void {
  store.setState(layout);
}
