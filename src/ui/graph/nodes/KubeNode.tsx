import { memo } from 'react';
import { Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { KubeNodeData } from '../graphData.ts';
import { useIsSelected } from './useNodeFlags.ts';
import { StaticHandle } from './StaticHandle.tsx';

/** A Kubernetes node: a group that holds its pods. */
function KubeNodeView({ id, data }: NodeProps & { data: KubeNodeData }) {
  const selected = useIsSelected(id);
  return (
    <div
      className={`kp-knode${data.up ? '' : ' kp-down'}${selected ? ' kp-selected' : ''}`}
      data-graph-id={id}
      data-up={data.up}
    >
      <StaticHandle type="target" position={Position.Top} className="kp-handle" />
      {/* Load balancer routes come up from the gap under the row (loadBalancerRoute.ts). */}
      <StaticHandle type="target" id="lb" position={Position.Bottom} className="kp-handle" />
      <div className="kp-node-header">
        <div className="kp-title">
          <span className="kp-kind">node</span> {data.name}
          <span className={`kp-badge ${data.up ? 'kp-badge-ok' : 'kp-badge-bad'}`}>
            {data.up ? 'up' : 'down'}
          </span>
        </div>
        {/* Two lines: the address and the pod range at the size of the pods' IPs (layoutMetrics KUBE_NODE). */}
        <div className="kp-mono">{data.ip}</div>
        <div className="kp-mono">pods {data.podCIDR}</div>
      </div>
    </div>
  );
}

export const KubeNode = memo(KubeNodeView);
