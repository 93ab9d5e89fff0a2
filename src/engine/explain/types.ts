/**
 * Why a request did not get a 2xx answer: the first broken link in the chain, in words a student reads,
 * and the YAML field to blame (with a quick fix when the mistake is a common one).
 */
import type { GraphId } from '../trace.ts';

/** A place in the user's YAML: file, 1-based line and column. */
export interface YamlLocation {
  file: string;
  line: number;
  column: number;
}

export interface Blame {
  /** The object at fault, as a graph id; absent when the API server rejected it (it is not in the cluster). */
  object?: GraphId;
  /** The field path, as the API server prints it: `spec.selector`, `spec.ports[0].targetPort`. */
  path?: string;
  /** Where that field is written (the nearest written ancestor when the field itself is not). */
  location?: YamlLocation;
}

/**
 * A one-field edit that repairs the mistake: set the value written at `line`:`column` of `file` (the
 * field `path`) to `value`. editForFix (fixEdit.ts) turns it into a text edit against the current text.
 */
export interface QuickFix {
  /** What the fix does, in one short phrase: `set targetPort to 8080`. */
  label: string;
  file: string;
  /** Where the current value starts (1-based). */
  line: number;
  column: number;
  path: string;
  /** The new value: a scalar, or a map (written in the style of the map it replaces). */
  value: string | number | Record<string, string>;
}

export interface Explanation {
  /** A stable code: `name-unresolved`, `selector-no-pods`, `targetport-not-listening`, … */
  kind: string;
  /** One or two sentences: what broke, in a student's words. */
  summary: string;
  /** More: the search list tried, the labels the pods carry, Kubernetes' own message. */
  detail?: string;
  blame?: Blame;
  fix?: QuickFix;
}
