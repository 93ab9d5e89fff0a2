/**
 * What the lesson panel shows for the current step, in one language: the text, the highlight patterns,
 * and the proposed command with its placeholders filled in from the current simulation.
 */
import type { Simulation } from '../engine/index.ts';
import { resolveCommand, unresolvedPlaceholders } from './resolveCommand.ts';
import type { Lesson, LessonLanguage, LessonProgress } from './types.ts';

export interface LessonStepView {
  /** 0-based index of the step, and how many steps the lesson has. */
  index: number;
  total: number;
  title: string;
  text: string;
  /** Graph id patterns (`*` wildcards); highlightedIds() turns them into the graph's ids. */
  highlight: string[];
  /** The proposed command, ready to type or paste. */
  command?: string;
  /** False while the command still holds a placeholder the cluster cannot fill (e.g. no such pod yet). */
  commandReady: boolean;
}

/** The current step's view, or undefined once the lesson is finished (or the progress is another lesson's). */
export function viewLessonStep(
  lesson: Lesson,
  progress: LessonProgress,
  sim: Simulation,
  language: LessonLanguage,
): LessonStepView | undefined {
  if (progress.lessonId !== lesson.id || progress.finished) return undefined;
  const step = lesson.steps[progress.step];
  if (!step) return undefined;
  return {
    index: progress.step,
    total: lesson.steps.length,
    title: lesson.title[language],
    text: step.text[language],
    highlight: step.highlight,
    ...(step.try !== undefined ? { command: resolveCommand(step.try, sim) } : {}),
    commandReady: step.try === undefined || unresolvedPlaceholders(step.try, sim).length === 0,
  };
}
