/**
 * A huge cluster is handed to React Flow a slice at a time. Mounting 5,000 pod cards in one render was one
 * main-thread task of about 4.9 s on an idle machine (docs/performance.md, "Hostile links"): the page
 * answered no click or key meanwhile. When a render would add at least DRAW_IN_CHUNKS_FROM graph nodes at
 * once, the nodes are drawn CHUNK_SIZE at a time in the order given (toFlowElements puts each node's
 * pods right after it, so a parent is always drawn before its children), one task each, so the browser
 * handles input and paints between them. A cluster that grows by less at once (the 1,000-pod scenario,
 * every edit) is drawn in one go as before, with the very arrays it was given.
 */
import { useEffect, useMemo, useState } from 'react';

/** Nodes added at once from which the drawing is spread over several tasks (the 1,000-pod scenario has about 1,500). */
export const DRAW_IN_CHUNKS_FROM = 2000;
/**
 * Nodes mounted per task. Each slice also costs React Flow a pass over everything already drawn, so
 * smaller slices cost more in all: 250 took the 5,000-pod link from 45 s to 59 s at a load average of 24,
 * 1,000 kept it at 43 s (docs/performance.md).
 */
export const CHUNK_SIZE = 1000;

export interface DrawnElements<N, E> {
  nodes: N[];
  edges: E[];
  /** Everything given is drawn (the view may be fitted to it). */
  complete: boolean;
}

export function useDrawnInChunks<N extends { id: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
): DrawnElements<N, E> {
  // How many nodes are drawn; Infinity when all of them are.
  const [upTo, setUpTo] = useState(Number.POSITIVE_INFINITY);
  const [seenCount, setSeenCount] = useState(0);
  // A jump in the number of nodes starts a drawing in slices from what is on screen (React's "adjust
  // state when a prop changes": before anything of the jump is committed).
  if (nodes.length !== seenCount) {
    setSeenCount(nodes.length);
    const drawnNow = Math.min(seenCount, upTo);
    if (nodes.length - drawnNow >= DRAW_IN_CHUNKS_FROM) setUpTo(drawnNow + CHUNK_SIZE);
  }
  const complete = upTo >= nodes.length;
  // Drawn out: later growth (an edit) is drawn in one go again, whatever is left of the count.
  if (complete && upTo !== Number.POSITIVE_INFINITY) setUpTo(Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (complete) return;
    // A task of its own: input and a paint come first.
    const timer = setTimeout(() => setUpTo((drawn) => drawn + CHUNK_SIZE), 0);
    return () => clearTimeout(timer);
  }, [complete, upTo]);
  return useMemo(() => {
    if (complete) return { nodes, edges, complete: true };
    const shown = nodes.slice(0, upTo);
    const ids = new Set(shown.map((n) => n.id));
    return {
      nodes: shown,
      edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
      complete: false,
    };
  }, [nodes, edges, upTo, complete]);
}
