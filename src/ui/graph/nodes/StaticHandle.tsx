/**
 * The end of an edge on a card, in a graph where nobody draws connections (`nodesConnectable` is off
 * and `.kp-handle` is invisible and lets the pointer through): the element React Flow measures to
 * place edge ends, with the classes and data attributes @xyflow/react's `<Handle>` renders when no
 * connection is being drawn, and nothing else. `<Handle>` subscribes each handle to React Flow's
 * store to follow a connection in progress: at 1,000 pods that is about 3,000 selectors run at each
 * of the several store updates of every keystroke, and 3,000 more stateful components mounted by a
 * paste (docs/performance.md, "A keystroke at 1,000 pods").
 *
 * React Flow finds the handles by class (`.source`, `.target` inside the node, getHandleBounds in
 * @xyflow/system) and reads `data-handleid` and `data-handlepos`. The `data-id` a `<Handle>` also
 * carries only serves checking a connection being drawn, so it is left out.
 *
 * A card whose edges leave and arrive at the same point (a pod, an Ingress) has one element that is
 * both (`type="both"`: React Flow's `.source` and `.target` look-ups each find it), not two stacked on
 * each other: a paste of the 1,000-pod scenario mounts 1,000 elements fewer (docs/performance.md,
 * "Folding after the pause (paste9)").
 */
import { useNodeId } from '@xyflow/react';
import type { Position } from '@xyflow/react';

export interface StaticHandleProps {
  type: 'source' | 'target' | 'both';
  position: Position;
  /** Only where a card has two handles of one type (a Kubernetes node's `lb` handle). */
  id?: string;
  className?: string;
}

export function StaticHandle({ type, position, id, className }: StaticHandleProps) {
  const nodeId = useNodeId();
  // The classes of an idle <Handle> whose node is connectable by default (the look is unchanged).
  const classes = [
    'react-flow__handle',
    `react-flow__handle-${position}`,
    'nodrag',
    'nopan',
    className,
    type === 'both' ? 'source target' : type,
    'connectable',
    'connectablestart',
    'connectableend',
    'connectionindicator',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div data-handleid={id} data-nodeid={nodeId ?? undefined} data-handlepos={position} className={classes} />
  );
}
