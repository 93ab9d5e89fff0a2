/**
 * Which rows the Traffic panel's histogram draws. A class's scenario (a handful of pods) gets a row per
 * target, by name, as it always had. A crowd spread over hundreds of pods gets the most-hit pods and one
 * line for the rest: a row per pod for hundreds of pods is unreadable (their names are cut to the same
 * `web-6944c4bd5f…`), and each new row made a landing lay out and re-layerize the page again
 * (docs/performance.md, "Packets in flight").
 */

// Up to EVERY_ROW_UP_TO targets every target has its own row, sorted by name (the store paces a crowd's).
import { EVERY_ROW_UP_TO } from '../../store/rowsPace.ts';
/** Over it, this many of the most-hit pods keep a row; the others share the summary line. */
export const TOP_PODS = 15;

export interface HistogramRow {
  /** A pod's graph id (`pod/ns/name`), an endpoint without a pod (`ip:port`) or an outcome (`timeout`). */
  target: string;
  count: number;
}

export interface HistogramRows {
  rows: HistogramRow[];
  /** The pods without a row of their own and the requests they served; null when every target has a row. */
  rest: { pods: number; requests: number } | null;
  /** The largest count of any target, shown or not: the bars' scale. */
  max: number;
}

const byName = (a: HistogramRow, b: HistogramRow) => a.target.localeCompare(b.target);
/** Ties by code point, not localeCompare: a crowd's landing sorts hundreds of pods, once a second. */
const byCountThenName = (a: HistogramRow, b: HistogramRow) =>
  b.count - a.count || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);

/**
 * Rows from the batch's counts by target. Only pods are summarised: an outcome (`refused`, `timeout`)
 * or an endpoint outside the pods is what the user sent the batch to find, and there are few of them,
 * so each keeps its row whatever its count. Summarised, the rows are sorted by count (most first), so
 * the list reads as "where most requests went".
 */
export function histogramRows(byTarget: Readonly<Record<string, number>>): HistogramRows {
  const all = Object.entries(byTarget).map(([target, count]) => ({ target, count }));
  const max = all.reduce((m, row) => Math.max(m, row.count), 1);
  if (all.length <= EVERY_ROW_UP_TO) return { rows: all.sort(byName), rest: null, max };
  const pods = all.filter((row) => row.target.startsWith('pod/')).sort(byCountThenName);
  const others = all.filter((row) => !row.target.startsWith('pod/'));
  const summarised = pods.slice(TOP_PODS);
  const rows = [...pods.slice(0, TOP_PODS), ...others].sort(byCountThenName);
  if (summarised.length === 0) return { rows, rest: null, max };
  const requests = summarised.reduce((sum, row) => sum + row.count, 0);
  return { rows, rest: { pods: summarised.length, requests }, max };
}
