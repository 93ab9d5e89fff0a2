/**
 * Following a student: does what they just did (a LessonEvent) complete the current step? Checks are
 * declarative (types.ts DoneCheck): every key given must hold, event keys against the event, `state`
 * against the simulation after it.
 */
import type { Action, Simulation, Trace } from '../engine/index.ts';
import { compileLinearRegex, readHops } from '../engine/index.ts';
import { matchesPattern } from './pattern.ts';
import { checkState } from './statePredicate.ts';
import type {
  ActionCheck,
  DoneCheck,
  Lesson,
  LessonEvent,
  LessonProgress,
  LessonStep,
  TraceCheck,
} from './types.ts';

function testRegex(source: string, text: string): boolean {
  // RE2 matching (linear time): a pattern from a link cannot freeze the page on a long output.
  const re = compileLinearRegex(source, { multiline: true });
  // parseLesson rejects bad expressions; a hand-built step with one never completes
  return re.ok && re.test(text);
}

function optionalPattern(pattern: string | undefined, value: string | undefined): boolean {
  return pattern === undefined || (value !== undefined && matchesPattern(pattern, value));
}

export function traceMatches(check: TraceCheck, trace: Trace): boolean {
  return (
    optionalPattern(check.from, trace.from) &&
    optionalPattern(check.service, trace.service) &&
    (check.outcome === undefined || trace.outcome === check.outcome) &&
    optionalPattern(check.endpointPod, trace.endpoint?.pod) &&
    optionalPattern(check.endpointNode, trace.endpoint?.node) &&
    (check.notThrough === undefined ||
      !readHops(trace).some((h) => matchesPattern(check.notThrough ?? '', h.at)))
  );
}

export function actionMatches(check: ActionCheck, action: Action): boolean {
  if (action.type !== check.type) return false;
  const fields = action as unknown as Record<string, unknown>;
  return Object.entries(check).every(([key, want]) => {
    if (key === 'type' || want === undefined) return true;
    const have = fields[key];
    if (Array.isArray(want)) return Array.isArray(have) && want.every((w) => have.includes(w));
    if (typeof want === 'string') return typeof have === 'string' && matchesPattern(want, have);
    return have === want;
  });
}

function eventTraces(event: LessonEvent): Trace[] {
  return event.type === 'command' ? event.traces : event.type === 'trace' ? [event.trace] : [];
}

function eventActions(event: LessonEvent): Action[] {
  return event.type === 'command' ? event.actions : event.type === 'action' ? [event.action] : [];
}

function doneHolds(done: DoneCheck, event: LessonEvent, sim: Simulation): boolean {
  const needsCommand = done.command !== undefined || done.output !== undefined || done.exitCode !== undefined;
  if (needsCommand) {
    if (event.type !== 'command') return false;
    if (done.command !== undefined && !testRegex(done.command, event.command.trim())) return false;
    if (done.output !== undefined && !testRegex(done.output, event.output)) return false;
    if (done.exitCode !== undefined && event.exitCode !== done.exitCode) return false;
  }
  const traceCheck = done.trace;
  if (traceCheck && !eventTraces(event).some((t) => traceMatches(traceCheck, t))) return false;
  const actionCheck = done.action;
  if (actionCheck && !eventActions(event).some((a) => actionMatches(actionCheck, a))) return false;
  return (done.state ?? []).every((s) => checkState(s, sim));
}

/** Does `event` complete `step`? `sim` is the simulation after the event. */
export function checkStep(step: LessonStep, event: LessonEvent, sim: Simulation): boolean {
  return doneHolds(step.done, event, sim);
}

export function startLesson(lesson: Lesson): LessonProgress {
  return { lessonId: lesson.id, step: 0, finished: false };
}

/**
 * The progress after `event`: one step further when it completes the current step, else unchanged
 * (the same object, so a store can skip a re-render). One event completes at most one step, so each
 * step's explanation is seen.
 */
export function advanceLesson(
  progress: LessonProgress,
  event: LessonEvent,
  sim: Simulation,
  lesson: Lesson,
): LessonProgress {
  if (progress.finished || progress.lessonId !== lesson.id) return progress;
  const step = lesson.steps[progress.step];
  if (!step || !checkStep(step, event, sim)) return progress;
  const next = progress.step + 1;
  return { lessonId: lesson.id, step: next, finished: next >= lesson.steps.length };
}
