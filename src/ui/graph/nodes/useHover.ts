/**
 * Whether the pointer is over a card. A zoomed-out card shows its full face only under the pointer
 * (graph.css `.kp-lod:hover .kp-lod-full`), so the face is mounted only then: mounted hidden in every
 * card, the 1,000-pod scenario's faces were thousands of elements nobody saw, made at every paste, link
 * and refit (docs/performance.md, "The paste at 1,000 pods" and "Fewer elements for a paste").
 */
import { useMemo, useState } from 'react';

export interface Hover {
  hovered: boolean;
  /** Spread on the card's element. */
  pointer: { onPointerEnter: () => void; onPointerLeave: () => void };
}

export function useHover(): Hover {
  const [hovered, setHovered] = useState(false);
  const pointer = useMemo(
    () => ({ onPointerEnter: () => setHovered(true), onPointerLeave: () => setHovered(false) }),
    [],
  );
  return { hovered, pointer };
}
