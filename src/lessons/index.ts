/**
 * Guided lessons: data files (content/*.yaml, format in README.md) and the pure logic that follows a
 * student through them. The UI renders them; nothing here touches React or the DOM.
 * The bundled lesson texts come from ./content/index.ts (Vite `?raw` imports, so kept out of this door).
 */
export type {
  Lesson,
  LessonStep,
  LessonScenario,
  LessonLanguage,
  LocalizedText,
  DoneCheck,
  TraceCheck,
  ActionCheck,
  StateCheck,
  LessonEvent,
  LessonProgress,
  LessonError,
  ParseLessonResult,
} from './types.ts';
export type { ParseLessonOptions } from './parseLesson.ts';
export { parseLesson } from './parseLesson.ts';
export { checkStep, advanceLesson, startLesson, traceMatches, actionMatches } from './checkStep.ts';
export { checkState } from './statePredicate.ts';
export { resolveCommand, unresolvedPlaceholders } from './resolveCommand.ts';
export { matchesPattern, highlightedIds } from './pattern.ts';
export { lessonSimulationInput } from './lessonSimulation.ts';
export type { LessonStepView } from './stepView.ts';
export { viewLessonStep } from './stepView.ts';
