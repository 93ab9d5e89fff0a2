/**
 * Where each card's handles sit, as the node components in ../nodes/*.tsx declare them
 * (`<StaticHandle type="source" position={Position.Bottom}>` …). Keep the two in step.
 */
import type { GraphNodeData } from '../graphData.ts';

export type HandleSide = 'top' | 'bottom' | 'left' | 'right';

const HANDLES: Record<GraphNodeData['kind'], { source: HandleSide; target: HandleSide }> = {
  cluster: { source: 'bottom', target: 'top' },
  node: { source: 'bottom', target: 'top' },
  pod: { source: 'top', target: 'top' },
  service: { source: 'bottom', target: 'top' },
  endpoints: { source: 'bottom', target: 'top' },
  ingress: { source: 'bottom', target: 'bottom' },
  lb: { source: 'right', target: 'left' },
  client: { source: 'right', target: 'left' },
  outside: { source: 'right', target: 'left' },
  dns: { source: 'bottom', target: 'top' },
  netpol: { source: 'bottom', target: 'top' },
};

export function getHandleSide(kind: GraphNodeData['kind'], end: 'source' | 'target'): HandleSide {
  return HANDLES[kind][end];
}
