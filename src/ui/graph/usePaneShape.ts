/**
 * The graph pane's shape class, measured with a ResizeObserver. The state changes only when the
 * class does (a window dragged a few pixels keeps the layout; entering Present mode may switch it).
 */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { getGraphShape } from './layoutMetrics.ts';
import type { GraphShape } from './layoutMetrics.ts';

/** The room fitView leaves around the graph (ClusterGraph's fitViewOptions padding). */
export const FIT_PADDING = { top: 46, left: 52, right: 14, bottom: 14 };
/** Presenting, the view toolbar is hidden: nothing floats over the top of the graph. */
export const FIT_PADDING_PRESENTING = { ...FIT_PADDING, top: 14 };

export function getFitPadding(presenting: boolean): typeof FIT_PADDING {
  return presenting ? FIT_PADDING_PRESENTING : FIT_PADDING;
}

/**
 * The box fitView fills: the pane's content box (presenting, the pane is padded at the bottom by the
 * caption's room, presenter.css) less FIT_PADDING. Measured from the whole pane, a 1280x720 projector
 * read as `wide` and the cluster was fitted into a box taller than the one it had, leaving wide empty
 * bands on its sides (issue 11 §3).
 */
function shapeOf(element: HTMLElement, presenting: boolean): GraphShape {
  const padding = getFitPadding(presenting);
  const style = getComputedStyle(element);
  const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  return getGraphShape(
    element.clientWidth - padX - padding.left - padding.right,
    element.clientHeight - padY - padding.top - padding.bottom,
  );
}

export function usePaneShape(pane: RefObject<HTMLElement | null>, presenting: boolean): GraphShape {
  const [shape, setShape] = useState<GraphShape>('wide');
  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    // The observer reports the first size as soon as it observes.
    const observer = new ResizeObserver(() => setShape(shapeOf(element, presenting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [pane, presenting]);
  return shape;
}
