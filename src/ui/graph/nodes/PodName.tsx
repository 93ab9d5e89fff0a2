import { useEffect, useRef } from 'react';
import { useView } from '../../../store/react.ts';
import { middleCutHead } from './middleCut.ts';

let canvas: HTMLCanvasElement | null = null;

/** The width of `text` in the font `font` (a canvas measures without laying out the page). */
function textWidth(font: string, text: string): number {
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return 0;
  context.font = font;
  return context.measureText(text).width;
}

const pending = new Map<HTMLElement, string>();

/**
 * Cut every head waiting, in the next frame: by then the presenter's type size (set on the root in an
 * effect that runs after this one) applies, and all heads are measured in one layout (every write,
 * then every read, then every write).
 */
function cutHeads(): void {
  const heads = [...pending];
  pending.clear();
  for (const [element] of heads) delete element.dataset.cut;
  const cuts = heads.map(([element, head]) => {
    // Hidden (a zoomed-out card's full face) it measures 0: CSS's ellipsis serves on hover.
    const room = element.clientWidth;
    if (!element.isConnected || room === 0 || element.scrollWidth <= room + 0.5) return null;
    const font = getComputedStyle(element).font;
    return middleCutHead(head, room - 1, (text) => textWidth(font, text));
  });
  heads.forEach(([element], i) => {
    const cut = cuts[i];
    if (cut) element.dataset.cut = cut;
  });
}

function scheduleCut(element: HTMLElement, head: string): void {
  if (pending.size === 0) requestAnimationFrame(cutHeads);
  pending.set(element, head);
}

/**
 * The name cut in the middle when it is too long for the card, never at its end: the suffix is what
 * tells a Deployment's pods apart (`kubia-6c9c4b…-qxjsk`). The whole name stays the element's text
 * (and the tooltip); when it does not fit, the head shows a cut copy drawn right up to the suffix
 * (middleCut.ts), CSS's own ellipsis being the fallback. `squeeze` names what else shares the line
 * (a hits count, a badge), so the cut is measured again when it changes.
 */
export function PodName({ name, squeeze }: { name: string; squeeze: string }) {
  const cut = name.lastIndexOf('-');
  const head = cut > 0 ? name.slice(0, cut) : name;
  const headRef = useRef<HTMLSpanElement>(null);
  const presenting = useView((s) => s.presenter);
  useEffect(() => {
    if (headRef.current) scheduleCut(headRef.current, head);
  }, [head, presenting, squeeze]);
  if (cut <= 0) return <span className="kp-name">{name}</span>;
  return (
    <span className="kp-name kp-pod-name" title={name}>
      <span className="kp-name-head" ref={headRef}>
        <span className="kp-name-whole">{head}</span>
      </span>
      <span className="kp-name-tail">{name.slice(cut)}</span>
    </span>
  );
}
