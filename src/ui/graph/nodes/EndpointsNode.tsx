import { memo } from 'react';
import { Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { EndpointsData } from '../graphData.ts';
import { useIsConsulted } from '../useRequestPath.ts';
import { CompactCard } from './CompactCard.tsx';
import { lodClass, useLevelOfDetail } from './levelOfDetail.ts';
import { useIsSelected } from './useNodeFlags.ts';
import { StaticHandle } from './StaticHandle.tsx';
import { useHover } from './useHover.ts';

/** A Service's Endpoints, one line under it; lit with the Service when its rule is consulted. */
function EndpointsNodeView({ id, data }: NodeProps & { data: EndpointsData }) {
  const selected = useIsSelected(id);
  const consulted = useIsConsulted(id);
  const level = useLevelOfDetail();
  const { hovered, pointer } = useHover();
  const face = (
    <div className="kp-title">
      <span className="kp-kind">ep</span>{' '}
      <span className="kp-name" title={data.name}>
        {data.name}
      </span>
      {/* `1/3 ready` as kubectl's READY column writes it: short, so the name keeps its room. */}
      <span className="kp-ep-count">
        {data.notReady ? `${data.ready}/${data.ready + data.notReady}` : data.ready} ready
      </span>
    </div>
  );
  return (
    <div
      {...pointer}
      className={`kp-card kp-endpoints${selected ? ' kp-selected' : ''}${consulted ? ' kp-consulted' : ''}${lodClass(level)}`}
      data-graph-id={id}
      data-consulted={consulted}
    >
      <StaticHandle type="target" position={Position.Top} className="kp-handle" />
      <StaticHandle type="source" position={Position.Bottom} className="kp-handle" />
      {level === 'full' ? (
        face
      ) : (
        <CompactCard kind="ep" name={`${data.ready} ready`} face={face} level={level} hovered={hovered} />
      )}
    </div>
  );
}

export const EndpointsNode = memo(EndpointsNodeView);
