import { describe, expect, it } from 'vitest';
import {
  createCrowdAnimator,
  CROWD_FRAME_MS,
  CROWD_IN_AIR,
  LAND_EVERY_MS,
  LAND_EVERY_MS_IN_CROWD,
  landEveryMs,
} from './crowdAnimator.ts';
import type { CrowdFlight, CrowdSettings } from './crowdProtocol.ts';
import type { Dot, DotPainter } from './packetCanvas.ts';
import { MAX_FRAME_STEP_MS } from './packetTimeline.ts';
import type { PacketTimeline } from './packetTimeline.ts';

// Two waypoints 100 px apart: 260 ms dwell, 520 ms travel, 260 ms dwell (packetTimeline's defaults).
const timeline: PacketTimeline = {
  waypoints: [
    { x: 0, y: 0, hop: 0, label: 'a', arriveAt: 0, leaveAt: 260 },
    { x: 100, y: 0, hop: 1, label: 'b', arriveAt: 780, leaveAt: 1040 },
  ],
  duration: 1040,
};

const settings: CrowdSettings = {
  surface: { width: 800, height: 600, ratio: 1 },
  viewport: { x: 0, y: 0, zoom: 1 },
  colors: { fill: '#e2540b', ring: '#fff' },
  motion: { speed: 1, paused: false, reducedMotion: false },
};

/** A Worker's loop with a clock and frames the test turns by hand. */
function harness(overrides: Partial<CrowdSettings> = {}) {
  let clock = 0;
  let frames: (() => void)[] = [];
  const painted: Dot[][] = [];
  const landings: { at: number; ids: string[] }[] = [];
  const painter: DotPainter = { resize: () => undefined, paint: (dots) => painted.push([...dots]) };
  const animator = createCrowdAnimator({
    painter,
    settings: { ...settings, ...overrides },
    now: () => clock,
    requestFrame: (run) => frames.push(run),
    land: (ids) => landings.push({ at: clock, ids }),
  });
  const frame = (ms: number) => {
    clock += ms;
    const due = frames;
    frames = [];
    for (const run of due) run();
  };
  return { animator, frame, painted, landings, pending: () => frames.length };
}

const flight = (id: string, startAt = 0, elapsed = 0): CrowdFlight => ({ id, timeline, startAt, elapsed });

describe('createCrowdAnimator', () => {
  it('moves a packet at most MAX_FRAME_STEP_MS after a stalled frame, so no hop is skipped', () => {
    const page = harness();
    page.animator.add([flight('a')]);
    page.frame(16);
    // The browser was busy for five seconds: the packet moves on 250 ms (into its travel), not 5 s.
    page.frame(5_000);
    expect(MAX_FRAME_STEP_MS).toBe(250);
    expect(page.painted.at(-1)?.[0]?.x).toBeCloseTo((100 * (16 + 250 - 260)) / 520, 1);
    page.frame(5_000);
    expect(page.painted.at(-1)?.[0]?.x).toBeCloseTo((100 * (16 + 500 - 260)) / 520, 1);
    expect(page.landings).toEqual([]);
  });

  it('moves each packet by the time that passed, and sleeps once the last has landed', () => {
    const page = harness();
    page.animator.add([flight('a')]);
    page.frame(16);
    expect(page.painted.at(-1)).toEqual([{ x: 0, y: 0, focused: false }]);
    for (let t = 16; t < 520; t += 16) page.frame(16);
    // Half-way through the travel (260 ms of 520): half-way along.
    expect(page.painted.at(-1)?.[0]?.x).toBeCloseTo(50, -1);
    while (page.pending() > 0) page.frame(16);
    expect(page.landings.flatMap((l) => l.ids)).toEqual(['a']);
    expect(page.painted.at(-1)).toEqual([]);
  });

  it('counts arrivals every LAND_EVERY_MS, and the last packet in the air at once', () => {
    const page = harness();
    // 60 packets 16 ms apart, and one far behind them.
    page.animator.add(Array.from({ length: 60 }, (_, i) => flight(`p${i}`, i * 16)));
    page.animator.add([flight('last', 5_000)]);
    for (let i = 0; i < 400 && page.pending() > 0; i++) page.frame(16);
    const ids = page.landings.flatMap((l) => l.ids);
    expect(ids).toHaveLength(61);
    expect(ids.at(-1)).toBe('last');
    const streamLandings = page.landings.slice(0, -1);
    expect(streamLandings.length).toBeLessThanOrEqual(Math.ceil((60 * 16) / LAND_EVERY_MS) + 1);
    for (let i = 1; i < streamLandings.length; i++)
      expect(streamLandings[i]!.at - streamLandings[i - 1]!.at).toBeGreaterThanOrEqual(LAND_EVERY_MS);
    // The last one alone lands the frame it arrives.
    expect(page.landings.at(-1)?.ids).toEqual(['last']);
    expect(page.landings.at(-1)?.at).toBeLessThanOrEqual(5_000 + 1040 + 2 * 16);
  });

  it('counts twice a second, and once a second while a crowd of 100 or more is in the air', () => {
    expect(landEveryMs(1)).toBe(500);
    expect(landEveryMs(99)).toBe(500);
    expect(landEveryMs(100)).toBe(1000);
    expect(landEveryMs(300)).toBe(1000);
  });

  it('counts a large crowd every LAND_EVERY_MS_IN_CROWD, then every LAND_EVERY_MS once fewer fly', () => {
    const page = harness();
    // 400 packets 4 ms apart: 1.6 s to start them all, each in the air 1,040 ms (about 260 at once).
    page.animator.add(Array.from({ length: 400 }, (_, i) => flight(`p${i}`, i * 4)));
    const inAir = (at: number) =>
      Array.from({ length: 400 }, (_, i) => i * 4).filter((s) => s <= at && at < s + 1040).length;
    for (let i = 0; i < 400 && page.pending() > 0; i++) page.frame(16);
    expect(page.landings.flatMap((l) => l.ids)).toHaveLength(400);
    const gaps = page.landings
      .slice(1)
      .map((l, i) => ({ gap: l.at - page.landings[i]!.at, inAir: inAir(page.landings[i]!.at) }));
    const inCrowd = gaps.filter((g) => g.inAir >= CROWD_IN_AIR);
    expect(inCrowd.length).toBeGreaterThan(0);
    for (const g of inCrowd.slice(0, -1)) expect(g.gap).toBeGreaterThanOrEqual(LAND_EVERY_MS_IN_CROWD);
    // The tail of the crowd (fewer than CROWD_IN_AIR left) is counted twice a second again.
    expect(gaps.some((g) => g.inAir < CROWD_IN_AIR && g.gap < LAND_EVERY_MS_IN_CROWD)).toBe(true);
    for (const g of gaps.slice(0, -1)) expect(g.gap).toBeGreaterThanOrEqual(LAND_EVERY_MS);
  });

  it('draws a crowd of CROWD_IN_AIR or more 30 times a second, fewer packets every frame, at the same pace', () => {
    const frames60Hz = (page: ReturnType<typeof harness>, count: number) => {
      for (let i = 0; i < count; i++) page.frame(1000 / 60);
    };
    const small = harness();
    small.animator.add(Array.from({ length: CROWD_IN_AIR - 1 }, (_, i) => flight(`s${i}`)));
    frames60Hz(small, 30);
    expect(small.painted).toHaveLength(30);

    const crowd = harness();
    crowd.animator.add(Array.from({ length: CROWD_IN_AIR }, (_, i) => flight(`c${i}`)));
    frames60Hz(crowd, 30);
    expect(crowd.painted).toHaveLength(15);
    expect(1000 / CROWD_FRAME_MS).toBeCloseTo(30, 6);
    // Each drawing moves the packets by the time since the last: half a second is half a second.
    expect(crowd.painted.at(-1)?.[0]?.x).toBeCloseTo(small.painted.at(-2)?.[0]?.x ?? NaN, 5);
    expect(crowd.painted.at(-1)?.[0]?.x).toBeGreaterThan(0);
  });

  it('stands still while paused, runs at the chosen speed, and lands at once with reduced motion', () => {
    const page = harness({ motion: { speed: 2, paused: true, reducedMotion: false } });
    page.animator.add([flight('a')]);
    for (let i = 0; i < 100; i++) page.frame(16);
    expect(page.landings).toEqual([]);
    page.animator.setMotion({ speed: 2, paused: false, reducedMotion: false });
    // 1040 ms of path at speed 2: about 520 ms.
    for (let i = 0; i < 30; i++) page.frame(16);
    expect(page.landings).toEqual([]);
    for (let i = 0; i < 6; i++) page.frame(16);
    expect(page.landings.flatMap((l) => l.ids)).toEqual(['a']);

    page.animator.setMotion({ speed: 1, paused: false, reducedMotion: true });
    page.animator.add([flight('b')]);
    page.frame(16);
    expect(page.landings.at(-1)?.ids).toEqual(['b']);
  });

  it('continues a packet handed over mid-flight where it was, and drops what the page removed', () => {
    const page = harness();
    page.animator.add([flight('moving', 0, 780), flight('cleared')]);
    page.frame(16);
    expect(page.painted.at(-1)).toContainEqual({ x: 100, y: 0, focused: false });
    page.animator.remove(['cleared']);
    while (page.pending() > 0) page.frame(16);
    expect(page.landings.flatMap((l) => l.ids)).toEqual(['moving']);
  });
});
