/**
 * What a share link carries: everything that rebuilds the scenario a teacher was showing. The
 * simulation itself is never shared: state = f(yaml, seed, actions) (docs/decisions.md#state-is-a-function), so the inputs are enough.
 * Only non-default fields are written into a link (the TypeScript Playground's rule).
 */
import type { Action, GraphId } from '../engine/index.ts';

/** A position on the graph canvas, in flow coordinates. */
export interface SharedPoint {
  x: number;
  y: number;
}

/** Where a lesson was when the link was made. */
export interface SharedLesson {
  id: string;
  /** Zero-based step index. */
  step: number;
  /** The lesson file itself, when it is not one the app bundles (a teacher's own; src/lessons/README.md). */
  source?: string;
}

/** The viewport: pan and zoom, as React Flow's `Viewport`. */
export interface SharedCamera {
  x: number;
  y: number;
  zoom: number;
}

/** A request ready to send, as the request panel or `kubeplay trace --from … --url …` takes it. */
export interface SharedRequest {
  from: GraphId;
  url: string;
}

/**
 * What the viewer sees. Only these fields travel; anything else is dropped on restore (Excalidraw's
 * restoreAppState), so a link cannot smuggle arbitrary state into the app.
 */
export interface SharedView {
  camera?: SharedCamera;
  /** The graph element selected in the inspector. */
  selected?: GraphId;
  /** The request pre-filled (and, for a lesson, about to be played). */
  request?: SharedRequest;
  /** Read-only embed (slides, LMS iframes): no editor, no terminal input. */
  embed?: boolean;
  /**
   * How hops are narrated: `plain` sentences for students, or the engine's `details` (chains, rules,
   * probabilities) for engineers. Absent: the viewer's own setting.
   */
  narration?: 'plain' | 'details';
}

export interface SharedScenario {
  /** The manifests as the user wrote them, comments included. */
  yaml: string;
  /** The simulation seed (pod names, IPs, endpoint choices). Default 1. A safe integer. */
  seed: number;
  /** What the user did after load, in order (src/engine/model/actions.ts). Default []. */
  actions: Action[];
  /** Graph positions the user dragged to, by graph id. */
  layout?: Record<GraphId, SharedPoint>;
  lesson?: SharedLesson;
  view?: SharedView;
}

export const DEFAULT_SEED = 1;

/**
 * Stable codes; the UI picks its wording from the code, the message is for logs and the CLI.
 * - `empty`: no link text at all.
 * - `too-long`: the link text is longer than any link we make.
 * - `unknown-version`: a format prefix this build does not know (a newer kubeplay made it).
 * - `corrupt`: not valid base64url / deflate / UTF-8 / JSON, or the checksum does not match.
 * - `truncated`: the compressed data ends early (the link was cut when copied).
 * - `too-large`: it inflates past the size cap (a decompression bomb, or a huge scenario).
 * - `invalid`: well-formed, but a field has the wrong type or value.
 * - `unsafe-key`: an object key such as `__proto__` that could pollute prototypes.
 */
export type ShareErrorCode =
  | 'empty'
  | 'too-long'
  | 'unknown-version'
  | 'corrupt'
  | 'truncated'
  | 'too-large'
  | 'invalid'
  | 'unsafe-key';

export interface ShareError {
  code: ShareErrorCode;
  message: string;
  /** Where in the scenario the problem is, e.g. `actions[2].replicas`, for `invalid` and `unsafe-key`. */
  path?: string;
}

export type DecodeResult = { ok: true; scenario: SharedScenario } | { ok: false; error: ShareError };
