import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { EndpointsData } from '../graphData.ts';
import { useIsSelected } from './useNodeFlags.ts';

function EndpointsNodeView({ id, data }: NodeProps & { data: EndpointsData }) {
  const selected = useIsSelected(id);
  return (
    <div className={`kp-card kp-endpoints${selected ? ' kp-selected' : ''}`} data-graph-id={id}>
      <Handle type="target" position={Position.Top} className="kp-handle" />
      <Handle type="source" position={Position.Bottom} className="kp-handle" />
      <div className="kp-title">
        <span className="kp-kind">ep</span> <span className="kp-name">{data.name}</span>
      </div>
      <div className="kp-small">
        {data.ready} ready{data.notReady ? ` · ${data.notReady} not ready` : ''}
      </div>
    </div>
  );
}

export const EndpointsNode = memo(EndpointsNodeView);
