/**
 * A NetworkPolicy card, next to its namespace's Services: its name, how many pods it selects (the
 * engine counts them) and which directions it isolates them for. No edges to the pods: the count is
 * enough to read. A lesson lights the card up by its id, `netpol/<ns>/<name>`, and so does an
 * explanation that blames the policy (its Blame.object is that id).
 */
import { memo } from 'react';
import { useTraffic } from '../../../store/react.ts';
import type { NodeProps } from '@xyflow/react';
import type { NetworkPolicyData } from '../graphData.ts';
import { policySelectsText } from '../networkPolicyLabel.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useIsSelected, useRejectedChange } from './useNodeFlags.ts';
import './networkPolicy.css';

/**
 * True once the focused request has arrived and its explanation blames this policy: the card the
 * "Why did this request fail?" text names is outlined (not before it lands: students predict first).
 */
function useIsBlamed(id: string): boolean {
  return useTraffic((s) => s.focusedLanded && s.focused?.trace.explanation?.blame?.object === id);
}

function NetworkPolicyNodeView({ id, data }: NodeProps & { data: NetworkPolicyData }) {
  const selected = useIsSelected(id);
  const rejected = useRejectedChange(id);
  const blamed = useIsBlamed(id);
  return (
    <div
      className={`kp-card kp-netpol${selected ? ' kp-selected' : ''}${blamed ? ' kp-netpol-blamed' : ''}`}
      data-graph-id={id}
      data-change-rejected={rejected !== undefined}
      data-selects={data.selects}
      data-blamed={blamed}
    >
      <div className="kp-title">
        <span className="kp-kind">netpol</span> <span className="kp-name">{data.name}</span>
        <RejectedBadge message={rejected} />
      </div>
      <div className="kp-small kp-netpol-line">
        <span>{policySelectsText(data.selects)}</span>
        <span className="kp-visually-hidden">, isolated for</span>
        {data.policyTypes.map((type) => (
          <span key={type} className="kp-badge kp-netpol-type">
            {type}
          </span>
        ))}
      </div>
    </div>
  );
}

export const NetworkPolicyNode = memo(NetworkPolicyNodeView);
