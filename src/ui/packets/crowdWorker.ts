/// <reference lib="webworker" />
/**
 * The packet crowd's Worker: it owns the canvas the page transferred (an OffscreenCanvas, whose frames
 * reach the compositor without the page's main thread), the packets' clock and their drawing
 * (crowdAnimator.ts). Messages: crowdProtocol.ts.
 */
import { createCrowdAnimator } from './crowdAnimator.ts';
import type { CrowdAnimator } from './crowdAnimator.ts';
import type { FromCrowd, ToCrowd } from './crowdProtocol.ts';
import { createDotPainter } from './packetCanvas.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let animator: CrowdAnimator | null = null;

// requestAnimationFrame exists in dedicated Workers (HTML Living Standard, "animation frames");
// a timer at 60 Hz where it does not.
const requestFrame = (run: () => void): void => {
  if (typeof scope.requestAnimationFrame === 'function') scope.requestAnimationFrame(run);
  else setTimeout(run, 16);
};

scope.onmessage = (event: MessageEvent<ToCrowd>) => {
  const message = event.data;
  if (message.type === 'init') {
    // The page's performance.now() is this many ms ahead of the Worker's.
    const skew = performance.timeOrigin - message.timeOrigin;
    animator = createCrowdAnimator({
      painter: createDotPainter(message.canvas, (width, height) => new OffscreenCanvas(width, height)),
      settings: message.settings,
      now: () => performance.now() + skew,
      requestFrame,
      land: (ids) => scope.postMessage({ type: 'landed', ids } satisfies FromCrowd),
    });
    return;
  }
  if (!animator) return;
  if (message.type === 'surface') animator.setSurface(message.surface);
  else if (message.type === 'viewport') animator.setViewport(message.viewport);
  else if (message.type === 'colors') animator.setColors(message.colors);
  else if (message.type === 'motion') animator.setMotion(message.motion);
  else if (message.type === 'add') animator.add(message.flights);
  else animator.remove(message.ids);
};
