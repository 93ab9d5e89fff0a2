/**
 * A Trace turned into a path in flow coordinates with times: the packet waits briefly at each hop
 * (so a NAT rewrite can be read), then travels to the next hop's graph node. When the trace carries
 * no reply hops of its own but an answer came back, the path is walked back in reverse: conntrack
 * sends the reply along the same way, undoing the NAT.
 *
 * Pure and precomputed once per request; the frame loop only calls `positionAt` (docs/decisions.md#animation).
 */
import type { Trace } from '../../engine/index.ts';
import { readHops } from '../../engine/index.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Waypoint extends Point {
  /** Index into the trace's hops (readHops), or -1 for a synthesized reply waypoint. */
  hop: number;
  /** What the packet looks like leaving this point: `10.244.1.5:41234 → 10.96.0.12:80`. */
  label: string;
  /** Time the packet reaches this waypoint, ms from the start. */
  arriveAt: number;
  /** Time it leaves (arriveAt + dwell). */
  leaveAt: number;
}

export interface PacketTimeline {
  waypoints: Waypoint[];
  duration: number;
}

export interface TimelineOptions {
  /** Travel time between two hops at speed 1. */
  travelMs: number;
  /** Pause at each hop at speed 1. */
  dwellMs: number;
}

export const DEFAULT_TIMING: TimelineOptions = { travelMs: 520, dwellMs: 260 };

const ANSWERED = new Set(['ok', 'http-error']);

export function hopLabel(src: string, dst: string): string {
  return `${src} → ${dst}`;
}

export function createPacketTimeline(
  trace: Trace,
  centers: ReadonlyMap<string, Point>,
  timing: TimelineOptions = DEFAULT_TIMING,
): PacketTimeline {
  const located: { point: Point; hop: number; label: string }[] = [];
  const hops = readHops(trace);
  hops.forEach((hop, i) => {
    const point = centers.get(hop.at);
    const label = hop.kind === 'dns' ? `DNS? ${trace.request.host}` : hopLabel(hop.src, hop.dst);
    if (point) located.push({ point, hop: i, label });
    else if (located.length) {
      // An id the graph does not draw (yet): keep the packet where it is, but show the rewrite.
      const last = located[located.length - 1]!;
      located.push({ point: last.point, hop: i, label });
    }
  });
  const hasReply = hops.some((h) => h.kind === 'reply');
  if (!hasReply && ANSWERED.has(trace.outcome) && located.length > 1) {
    const status = trace.status !== undefined ? ` ${trace.status}` : '';
    const back = located
      .slice(0, -1)
      .reverse()
      .filter((w, i, all) => i === 0 || w.point !== all[i - 1]!.point);
    for (const w of back) located.push({ point: w.point, hop: -1, label: `reply${status}` });
  }
  const waypoints: Waypoint[] = [];
  let t = 0;
  located.forEach((w, i) => {
    if (i > 0) {
      const prev = located[i - 1]!.point;
      const moves = prev.x !== w.point.x || prev.y !== w.point.y;
      t += moves ? timing.travelMs : 0;
    }
    waypoints.push({
      x: w.point.x,
      y: w.point.y,
      hop: w.hop,
      label: w.label,
      arriveAt: t,
      leaveAt: t + timing.dwellMs,
    });
    t += timing.dwellMs;
  });
  return { waypoints, duration: t };
}

/**
 * The most a packet moves on in one frame. A browser busy for a second (a large graph drawn, a slow
 * laptop, a tab in the background) would otherwise carry a packet past hops nobody saw, or land it at
 * once; capped, the flight slows down instead and every hop is shown.
 */
export const MAX_FRAME_STEP_MS = 250;

export interface PacketPosition extends Point {
  /** The hop the packet last passed (index into the trace's hops; -1 while replying). */
  hop: number;
  label: string;
  done: boolean;
}

/** Where the packet is `t` ms after it started. Linear between hops; clamps at both ends. */
export function positionAt(timeline: PacketTimeline, t: number): PacketPosition {
  const { waypoints } = timeline;
  const first = waypoints[0];
  if (!first) return { x: 0, y: 0, hop: 0, label: '', done: true };
  if (t >= timeline.duration) {
    const last = waypoints[waypoints.length - 1]!;
    return { x: last.x, y: last.y, hop: last.hop, label: last.label, done: true };
  }
  let i = 0;
  while (i + 1 < waypoints.length && waypoints[i + 1]!.arriveAt <= t) i++;
  const w = waypoints[i]!;
  const next = waypoints[i + 1];
  if (!next || t <= w.leaveAt) return { x: w.x, y: w.y, hop: w.hop, label: w.label, done: false };
  const f = (t - w.leaveAt) / Math.max(1, next.arriveAt - w.leaveAt);
  return {
    x: w.x + (next.x - w.x) * f,
    y: w.y + (next.y - w.y) * f,
    hop: w.hop,
    label: w.label,
    done: false,
  };
}

/** The time at which the packet sits on hop `hop` (step mode). */
export function timeOfHop(timeline: PacketTimeline, hop: number): number {
  const w = timeline.waypoints.find((p) => p.hop === hop);
  return w ? w.arriveAt : 0;
}
