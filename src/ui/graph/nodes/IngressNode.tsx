import { memo } from 'react';
import { Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { IngressData } from '../graphData.ts';
import { CompactCard } from './CompactCard.tsx';
import { lodClass, useLevelOfDetail } from './levelOfDetail.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useIsSelected, useRejectedChange } from './useNodeFlags.ts';
import { StaticHandle } from './StaticHandle.tsx';
import { useHover } from './useHover.ts';

/** IPv4 or IPv6 addresses (comma-separated), as opposed to a load balancer's host name. */
const IP_ADDRESS =
  /^(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-f]*:[\da-f:.]*)(?:,(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-f]*:[\da-f:.]*))*$/i;

function IngressNodeView({ id, data }: NodeProps & { data: IngressData }) {
  const selected = useIsSelected(id);
  const rejected = useRejectedChange(id);
  const level = useLevelOfDetail();
  const { hovered, pointer } = useHover();
  const face = (
    <>
      <div className="kp-title">
        <span className="kp-kind">ing</span> <span className="kp-name">{data.name}</span>
        {data.className && <span className="kp-badge">{data.className}</span>}
        <RejectedBadge message={rejected} />
      </div>
      <div className="kp-mono" title={data.hosts}>
        {data.hosts}
      </div>
      {/* kubectl's ADDRESS column; `address 172.18.255.200` did not fit the card at the size the back
          row reads (graph.css --kp-short-line-size), `IP` and the address in the mono face do. */}
      <div className="kp-small kp-ingress-address" title={data.address || undefined}>
        {data.address ? (
          <>
            <span className="kp-muted">{IP_ADDRESS.test(data.address) ? 'IP ' : 'address '}</span>
            <span className="kp-mono">{data.address}</span>
          </>
        ) : (
          <span className="kp-muted">no address yet</span>
        )}
      </div>
    </>
  );
  return (
    <div
      {...pointer}
      className={`kp-card kp-ingress${selected ? ' kp-selected' : ''}${lodClass(level)}`}
      data-graph-id={id}
      data-change-rejected={rejected !== undefined}
    >
      <StaticHandle type="both" position={Position.Bottom} className="kp-handle" />
      {level === 'full' ? (
        face
      ) : (
        <CompactCard kind="ing" name={data.name} face={face} level={level} hovered={hovered} />
      )}
    </div>
  );
}

export const IngressNode = memo(IngressNodeView);
