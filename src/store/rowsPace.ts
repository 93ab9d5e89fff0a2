/**
 * How often the Traffic panel's histogram is given new counts while a batch lands. Up to
 * EVERY_ROW_UP_TO targets (a class's batch over a handful of pods) every target has a row and every
 * landing redraws them. Over it, the histogram shows the most-hit pods (ui/requests/histogramRows.ts),
 * and which pods those are changes at nearly every landing: rows were removed and inserted each
 * time, and Chromium re-layerized the whole page (the 1,000-pod graph's thousands of paint chunks)
 * for it (docs/performance.md, "A crowd's rows every two seconds (6 December 2026)"). So a crowd's
 * counts reach the histogram every two seconds while it lands, and exactly as soon as its last
 * request has landed; the caption's "N of M arrived" stays live at every landing.
 */

/** Up to this many targets, every target has its own histogram row. */
export const EVERY_ROW_UP_TO = 20;
/** A crowd's rows are redrawn at most this often while its batch is still landing. */
export const CROWD_ROWS_EVERY_MS = 2000;

export interface LandingMoment {
  /** Distinct targets the batch has reached so far. */
  targets: number;
  /** Every request of the batch has landed. */
  done: boolean;
  /** Milliseconds since the histogram was last given counts. */
  sinceShown: number;
}

/** Whether this landing's counts go to the histogram or it keeps the ones it shows. */
export function showsCountsNow({ targets, done, sinceShown }: LandingMoment): boolean {
  return targets <= EVERY_ROW_UP_TO || done || sinceShown >= CROWD_ROWS_EVERY_MS;
}
