/** A load balancer -> node edge, routed around the cards (loadBalancerRoute.ts). */
import { memo } from 'react';
import { BaseEdge } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { LbRouteData } from '../loadBalancerRoute.ts';
import { getLbRoutePath } from '../loadBalancerRoute.ts';

function LbEdgeView({
  id,
  interactionWidth,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps & { data?: LbRouteData }) {
  if (!data) return null;
  return (
    <BaseEdge
      id={id}
      interactionWidth={interactionWidth}
      path={getLbRoutePath(sourceX, sourceY, targetX, targetY, data)}
    />
  );
}

export const LbEdge = memo(LbEdgeView);
