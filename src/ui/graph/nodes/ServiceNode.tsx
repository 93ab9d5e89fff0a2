import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ServiceData } from '../graphData.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useIsSelected, useRejectedChange } from './useNodeFlags.ts';

function ServiceNodeView({ id, data }: NodeProps & { data: ServiceData }) {
  const selected = useIsSelected(id);
  const rejected = useRejectedChange(id);
  return (
    <div
      className={`kp-card kp-service${selected ? ' kp-selected' : ''}`}
      data-graph-id={id}
      data-change-rejected={rejected !== undefined}
    >
      <Handle type="target" position={Position.Top} className="kp-handle" />
      <Handle type="source" position={Position.Bottom} className="kp-handle" />
      <div className="kp-title" title={`${data.namespace}/${data.name}`}>
        <span className="kp-kind">svc</span> <span className="kp-name">{data.name}</span>
        <RejectedBadge message={rejected} />
      </div>
      <div className="kp-small">
        <strong>{data.type}</strong> <span className="kp-mono">{data.clusterIP || '—'}</span>
      </div>
      <div className="kp-mono">{data.ports}</div>
      {data.externalIP && <div className="kp-mono">external {data.externalIP}</div>}
      {data.notes && <div className="kp-muted kp-small">{data.notes}</div>}
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
