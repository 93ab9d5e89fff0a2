/**
 * Lessons as data: what a lesson file holds once parsed (parseLesson.ts), what the app reports as the
 * student works (LessonEvent), and where the student is (LessonProgress). Plain data throughout, so a
 * store can keep it and a share link can carry it.
 */
import type { Action, Outcome, Trace } from '../engine/index.ts';

/** Every text a student reads exists in English and Simplified Chinese. */
export interface LocalizedText {
  en: string;
  zh: string;
}

export type LessonLanguage = keyof LocalizedText;

/** The cluster a lesson starts from: a bundled scenario (src/scenarios/index.ts) or YAML of its own. */
export type LessonScenario = { id: string } | { yaml: string };

export interface Lesson {
  id: string;
  title: LocalizedText;
  scenario: LessonScenario;
  /** Simulation seed (default 1): the same seed gives the whole class the same pod names and IPs. */
  seed?: number;
  /** Files on the student's laptop, for `kubectl create -f NAME` / `kubectl apply -f NAME`. */
  files?: Record<string, string>;
  steps: LessonStep[];
}

export interface LessonStep {
  text: LocalizedText;
  /** Graph ids to light up (`svc/default/kubia`); `*` matches any run of characters (`pod/default/kubia-*`). */
  highlight: string[];
  /** The command to propose; may hold placeholders resolved by resolveCommand (`{pod:app=kubia}`). */
  try?: string;
  done: DoneCheck;
}

/**
 * When a step is complete. Every key given must hold (AND). `command`, `output`, `exitCode`, `trace`
 * and `action` look at the event just reported; `state` looks at the simulation after it.
 */
export interface DoneCheck {
  /** Regular expression the typed command line must match. */
  command?: string;
  /** Regular expression the command's output must match (multiline: `^`/`$` match at line ends). */
  output?: string;
  exitCode?: number;
  /** Some request of the event (a command's traces, or a reported trace) must match. */
  trace?: TraceCheck;
  /** Some action of the event (a command's actions, or a reported action) must match. */
  action?: ActionCheck;
  /** Every predicate must hold on the simulation after the event. */
  state?: StateCheck[];
}

/** Fields of a Trace; strings are patterns where `*` matches anything. */
export interface TraceCheck {
  from?: string;
  /** `ns/name` of the Service the request went through. */
  service?: string;
  outcome?: Outcome;
  /** `ns/pod` that answered. */
  endpointPod?: string;
  /** Node of the pod that answered. */
  endpointNode?: string;
  /** No hop of the trace happened at a graph id matching this pattern (e.g. a node that is down). */
  notThrough?: string;
}

/** `type` plus any top-level fields of an Action to compare (strings as patterns, `hostnames` as a list). */
export interface ActionCheck {
  type: Action['type'];
  [field: string]: string | number | boolean | string[] | undefined;
}

/** One predicate over the simulation; names and values may hold resolveCommand placeholders. */
export type StateCheck =
  | {
      service: {
        name: string;
        namespace?: string;
        exists?: boolean;
        type?: string;
        sessionAffinity?: string;
      };
    }
  | { pods: { selector: string; namespace?: string; count?: number; min?: number; ready?: number } }
  | { endpoints: { name: string; namespace?: string; ready?: number; notReady?: number; min?: number } }
  | { hosts: { hostname: string; client?: string; ip?: string } }
  | { node: { name: string; up: boolean } }
  | { podEnv: { selector: string; name: string; namespace?: string; present?: boolean } }
  | { ingress: { name: string; namespace?: string; hasAddress?: boolean } }
  | { networkPolicy: { name: string; namespace?: string; exists?: boolean } };

/** What the app reports while the student works. */
export type LessonEvent =
  | { type: 'command'; command: string; output: string; exitCode: number; traces: Trace[]; actions: Action[] }
  | { type: 'action'; action: Action }
  | { type: 'trace'; trace: Trace };

export interface LessonProgress {
  lessonId: string;
  /** Index of the step the student is on; equals steps.length once the lesson is finished. */
  step: number;
  finished: boolean;
}

/** A problem in a lesson file, located like an editor marker (1-based). */
export interface LessonError {
  line: number;
  column: number;
  /** Where in the lesson, e.g. `steps[2].done.command`. */
  path: string;
  message: string;
}

export interface ParseLessonResult {
  /** Present when the file has no errors. */
  lesson?: Lesson;
  errors: LessonError[];
}
