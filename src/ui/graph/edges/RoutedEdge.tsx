/** An edge routed around the cards (cardRoutes.ts): its corners were found once the cards were placed. */
import { memo } from 'react';
import { BaseEdge } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { RoutedData } from '../cardRoutes.ts';
import { roundedPath } from '../orthogonalRoute.ts';

function RoutedEdgeView({ id, data, interactionWidth }: EdgeProps & { data?: RoutedData }) {
  if (!data) return null;
  return <BaseEdge id={id} interactionWidth={interactionWidth} path={roundedPath(data.points)} />;
}

export const RoutedEdge = memo(RoutedEdgeView);
