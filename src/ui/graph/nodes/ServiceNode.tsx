import { memo } from 'react';
import { Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ServiceData } from '../graphData.ts';
import { useIsConsulted } from '../useRequestPath.ts';
import { CompactCard } from './CompactCard.tsx';
import { fitPortList, LONG_SERVICE_NAME, servicePortLines } from '../graphLabels.ts';
import { lodClass, useLevelOfDetail } from './levelOfDetail.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useIsSelected, useRejectedChange } from './useNodeFlags.ts';
import { StaticHandle } from './StaticHandle.tsx';
import { useHover } from './useHover.ts';

/** Longer than this, a name needs three lines at the presenting size: it is drawn a little smaller (graph.css). */
const LONG_PRESENTED_NAME = 20;

/** A Service: the rule kube-proxy consults at the DNAT hop (lit up then, see requestPath.ts). */
function ServiceNodeView({ id, data }: NodeProps & { data: ServiceData }) {
  const selected = useIsSelected(id);
  const consulted = useIsConsulted(id);
  const rejected = useRejectedChange(id);
  const level = useLevelOfDetail();
  const { hovered, pointer } = useHover();
  const ports = fitPortList(data.ports, servicePortLines(data));
  // A name on two lines leaves no room for the address line (it was cut in half): a LoadBalancer's
  // address is on its load balancer card beside the cluster, so this card leaves it out.
  const externalOnLbCard = data.type === 'LoadBalancer' && data.name.length > LONG_SERVICE_NAME;
  const face = (
    <>
      {/* The name has the whole width (long Service names are common); the kind leads line two. */}
      <div className="kp-title kp-service-title" title={`${data.namespace}/${data.name}`}>
        <span className={`kp-name${data.name.length > LONG_PRESENTED_NAME ? ' kp-name-long' : ''}`}>
          {data.name}
        </span>
        <RejectedBadge message={rejected} />
        {consulted && <span className="kp-consulted-tag">rule</span>}
      </div>
      <div className="kp-small">
        <span className="kp-kind">svc</span> <strong>{data.type}</strong>{' '}
        <span className="kp-mono">{data.clusterIP || '—'}</span>
      </div>
      {ports.lines.map((line, i) => (
        <div key={i} className="kp-mono kp-service-ports" title={ports.more > 0 ? data.ports : undefined}>
          {line}
          {ports.more > 0 && i === ports.lines.length - 1 && (
            <span className="kp-ports-more"> +{ports.more} more</span>
          )}
        </div>
      ))}
      {data.externalIP && !externalOnLbCard && (
        <div className="kp-mono kp-service-external">
          <span className="kp-addr-label">external</span> {data.externalIP}
        </div>
      )}
      {data.notes && <div className="kp-muted kp-small">{data.notes}</div>}
    </>
  );
  return (
    <>
      <div
        {...pointer}
        className={`kp-card kp-service${selected ? ' kp-selected' : ''}${consulted ? ' kp-consulted' : ''}${lodClass(level)}`}
        data-graph-id={id}
        data-consulted={consulted}
        data-change-rejected={rejected !== undefined}
      >
        <StaticHandle type="target" position={Position.Top} className="kp-handle" />
        <StaticHandle type="source" position={Position.Bottom} className="kp-handle" />
        {level === 'full' ? (
          face
        ) : (
          <CompactCard kind="svc" name={data.name} face={face} level={level} hovered={hovered} />
        )}
      </div>
      {/* The whole PORT(S) list, over the card on hover and keyboard focus (graph.css). */}
      {ports.more > 0 && (
        <div className="kp-ports-all kp-mono" aria-hidden="true">
          {data.ports.split(',').join(', ')}
        </div>
      )}
    </>
  );
}

export const ServiceNode = memo(ServiceNodeView);
