/** The Endpoints -> pods bus (endpointsBus.ts), drawn faint; the branch a Service rule chose lights up. */
import { memo } from 'react';
import { BaseEdge } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { BusData } from '../endpointsBus.ts';
import { getBusPaths } from '../endpointsBus.ts';
import { useChosenBranch } from '../useRequestPath.ts';
import { LbEdge } from './LbEdge.tsx';
import { RoutedEdge } from './RoutedEdge.tsx';

function BusEdgeView({
  id,
  interactionWidth,
  source,
  sourceX,
  sourceY,
  data,
}: EdgeProps & { data?: BusData }) {
  const chosen = useChosenBranch(source);
  if (!data) return null;
  const paths = getBusPaths({ x: sourceX, y: sourceY }, data);
  return (
    <>
      <BaseEdge id={id} interactionWidth={interactionWidth} path={paths.ready} className="kp-bus" />
      {paths.notReady && <path d={paths.notReady} className="kp-bus kp-bus-notready" fill="none" />}
      {chosen && <path d={paths.branch(chosen)} className="kp-bus-chosen" fill="none" data-chosen={chosen} />}
    </>
  );
}

export const BusEdge = memo(BusEdgeView);

/** Declared once at module scope, as nodeTypes is (a new object per render would remount). */
export const edgeTypes = { bus: BusEdge, lbRoute: LbEdge, routed: RoutedEdge };
