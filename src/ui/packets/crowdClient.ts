/**
 * The page's side of the packet crowd: a canvas of its own, under the focused packet's, handed to a
 * Worker (crowdWorker.ts) with `transferControlToOffscreen`. The page posts what flies and how the view
 * looks when that changes, never per frame; the Worker answers with the flights that arrived.
 * Where a browser cannot (no OffscreenCanvas, the Worker failed to start), `startCrowd` returns null
 * and the page's own loop draws every packet (frameLoop.ts).
 *
 * The canvas is created here, not by React: a canvas can be transferred once, and a remounted layer
 * (React's StrictMode runs effects twice) gets a new one with a new Worker.
 */
import type { CrowdFlight, CrowdSettings, FromCrowd, Motion, ToCrowd } from './crowdProtocol.ts';
import type { DotColors, Viewport } from './packetCanvas.ts';
import { measureSurface } from './packetCanvas.ts';

export interface Crowd {
  add(flights: CrowdFlight[]): void;
  remove(ids: string[]): void;
  setViewport(viewport: Viewport): void;
  setColors(colors: DotColors): void;
  setMotion(motion: Motion): void;
  /** Flights that arrived (batched by the Worker). */
  onLanded(listener: (ids: string[]) => void): void;
  /** The Worker stopped (an error): what it was drawing will not arrive from it. */
  onLost(listener: () => void): void;
  dispose(): void;
}

export function canUseCrowdWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof HTMLCanvasElement !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

/** A crowd canvas laid just under `above` (same place and size), drawn by a Worker; null if unsupported. */
export function startCrowd(above: HTMLCanvasElement, settings: Omit<CrowdSettings, 'surface'>): Crowd | null {
  if (!canUseCrowdWorker()) return null;
  const element = above.ownerDocument.createElement('canvas');
  element.className = above.className;
  element.dataset.packets = 'crowd';
  element.setAttribute('aria-hidden', 'true');
  above.before(element);
  let worker: Worker;
  try {
    const canvas = element.transferControlToOffscreen();
    worker = new Worker(new URL('./crowdWorker.ts', import.meta.url), { type: 'module', name: 'packets' });
    const init: ToCrowd = {
      type: 'init',
      canvas,
      timeOrigin: performance.timeOrigin,
      settings: { ...settings, surface: measureSurface(element) },
    };
    worker.postMessage(init, [canvas]);
  } catch {
    element.remove();
    return null;
  }
  const post = (message: ToCrowd) => worker.postMessage(message);
  let landed: (ids: string[]) => void = () => undefined;
  let lost: () => void = () => undefined;
  worker.onmessage = (event: MessageEvent<FromCrowd>) => landed(event.data.ids);
  worker.onerror = (event) => {
    event.preventDefault();
    lost();
  };
  const observer = new ResizeObserver(() => post({ type: 'surface', surface: measureSurface(element) }));
  observer.observe(element);
  return {
    add: (flights) => {
      if (flights.length > 0) post({ type: 'add', flights });
    },
    remove: (ids) => {
      if (ids.length > 0) post({ type: 'remove', ids });
    },
    setViewport: (viewport) => post({ type: 'viewport', viewport }),
    setColors: (colors) => post({ type: 'colors', colors }),
    setMotion: (motion) => post({ type: 'motion', motion }),
    onLanded: (listener) => (landed = listener),
    onLost: (listener) => (lost = listener),
    dispose: () => {
      observer.disconnect();
      worker.terminate();
      element.remove();
    },
  };
}
