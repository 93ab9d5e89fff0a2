import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { IngressData } from '../graphData.ts';
import { CompactCard } from './CompactCard.tsx';
import { lodClass, useLevelOfDetail } from './levelOfDetail.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useIsSelected, useRejectedChange } from './useNodeFlags.ts';

function IngressNodeView({ id, data }: NodeProps & { data: IngressData }) {
  const selected = useIsSelected(id);
  const rejected = useRejectedChange(id);
  const level = useLevelOfDetail();
  const face = (
    <>
      <div className="kp-title">
        <span className="kp-kind">ing</span> <span className="kp-name">{data.name}</span>
        {data.className && <span className="kp-badge">{data.className}</span>}
        <RejectedBadge message={rejected} />
      </div>
      <div className="kp-mono">{data.hosts}</div>
      <div className="kp-muted kp-small">{data.address ? `address ${data.address}` : 'no address yet'}</div>
    </>
  );
  return (
    <div
      className={`kp-card kp-ingress${selected ? ' kp-selected' : ''}${lodClass(level)}`}
      data-graph-id={id}
      data-change-rejected={rejected !== undefined}
    >
      <Handle type="target" position={Position.Bottom} className="kp-handle" />
      <Handle type="source" position={Position.Bottom} className="kp-handle" />
      {level === 'full' ? face : <CompactCard kind="ing" name={data.name} face={face} />}
    </div>
  );
}

export const IngressNode = memo(IngressNodeView);
