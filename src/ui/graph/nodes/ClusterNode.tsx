import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useCardText } from './cardText.ts';
import type { ClusterData } from '../graphData.ts';

/** The cluster boundary: a labelled frame; everything inside it is the cluster's. */
function ClusterNodeView({ data }: NodeProps & { data: ClusterData }) {
  const t = useCardText();
  return (
    <div className={`kp-cluster${data.stale ? ' kp-stale' : ''}`}>
      <div className="kp-cluster-title">
        <span className="kp-kind">cluster</span> {data.name}
        <span className="kp-muted">
          pods {data.podSubnet} · services {data.serviceSubnet} · kube-proxy {data.proxyMode}
        </span>
        {data.stale && <span className="kp-badge kp-badge-warn">{t('graphCards.staleCluster')}</span>}
      </div>
    </div>
  );
}

export const ClusterNode = memo(ClusterNodeView);
