/**
 * Messages between the page and the packet crowd's Worker (crowdWorker.ts). The page says what
 * flies (each flight's precomputed path, once), how the view looks (size, viewport, colours) and how
 * time runs (speed, pause, reduced motion); the Worker owns the clock and the drawing and answers only
 * with the flights that arrived, in batches (docs/performance.md#packets-in-flight).
 */
import type { DotColors, Surface, Viewport } from './packetCanvas.ts';
import type { PacketTimeline } from './packetTimeline.ts';

/** How packets move now: the view store's speed, pause and reduced-motion settings. */
export interface Motion {
  speed: number;
  paused: boolean;
  reducedMotion: boolean;
}

export interface CrowdFlight {
  id: string;
  timeline: PacketTimeline;
  /** When it starts, in the page's clock (its performance.now()). */
  startAt: number;
  /** Time already travelled (a focused packet handed over mid-flight). */
  elapsed: number;
}

export interface CrowdSettings {
  surface: Surface;
  viewport: Viewport;
  colors: DotColors;
  motion: Motion;
}

export type ToCrowd =
  | {
      type: 'init';
      canvas: OffscreenCanvas;
      /** The page's performance.timeOrigin: the Worker's clock starts elsewhere. */
      timeOrigin: number;
      settings: CrowdSettings;
    }
  | { type: 'surface'; surface: Surface }
  | { type: 'viewport'; viewport: Viewport }
  | { type: 'colors'; colors: DotColors }
  | { type: 'motion'; motion: Motion }
  | { type: 'add'; flights: CrowdFlight[] }
  | { type: 'remove'; ids: string[] };

/** Flights that reached their end since the last message. */
export interface FromCrowd {
  type: 'landed';
  ids: string[];
}
