/**
 * Level of detail by zoom, for every card kind (issue 11: names never drawn below legibility). Full
 * cards from POD_LOD_ZOOM up; below it a card shows only its name in large type (a pod: a dot and the
 * short name) and its full face on hover; below MARK_ZOOM even that name would be under ~7 px on
 * screen, so only the coloured mark is drawn. A card re-renders only when the level changes.
 */
import { createContext, useContext } from 'react';
import { useStore } from '@xyflow/react';

/**
 * Below this zoom an 18 px name would be drawn under 9 px, and the compact card's 30 px name reads at
 * 12-15 px instead. (It was 0.4: the graph strip over a lesson and its terminal at 1366x768, zoom about
 * 0.44, drew full cards with 8 px names; every layout's default view is at 0.6 or more.)
 */
export const POD_LOD_ZOOM = 0.5;
/** Below this zoom the compact name (30 px, .kp-lod-name) would be drawn under ~7 px. */
export const MARK_ZOOM = 0.24;

export type LevelOfDetail = 'full' | 'compact' | 'mark';

export function levelOfDetailAt(zoom: number): LevelOfDetail {
  if (zoom >= POD_LOD_ZOOM) return 'full';
  return zoom >= MARK_ZOOM ? 'compact' : 'mark';
}

/**
 * The level is read from the zoom once, by the graph (useZoomLevelOfDetail), and handed to the cards
 * through this context. A selector per card ran 1,500 times at each update of React Flow's store at
 * 1,000 pods (every change of the nodes or edges, every frame of a pan, zoom or fit) to find the same
 * level (docs/performance.md, "A keystroke at 1,000 pods").
 */
const LevelOfDetailContext = createContext<LevelOfDetail>('full');
export const LevelOfDetailProvider = LevelOfDetailContext.Provider;

/** The level for React Flow's current zoom; re-renders only when the level changes. */
export function useZoomLevelOfDetail(): LevelOfDetail {
  return useStore((s) => levelOfDetailAt(s.transform[2]));
}

/** A card's level of detail, as the graph publishes it. */
export function useLevelOfDetail(): LevelOfDetail {
  return useContext(LevelOfDetailContext);
}

/** The card's class for its level: `kp-lod` (compact) and `kp-lod kp-lod-mark` (mark). */
export function lodClass(level: LevelOfDetail): string {
  return level === 'full' ? '' : level === 'compact' ? ' kp-lod' : ' kp-lod kp-lod-mark';
}
