import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { PodData } from '../graphData.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useHits, useIsSelected, useRejectedChange } from './useNodeFlags.ts';

function PodNodeView({ id, data }: NodeProps & { data: PodData }) {
  const { t } = useTranslation();
  const selected = useIsSelected(id);
  const hits = useHits(id);
  const rejected = useRejectedChange(id);
  return (
    <div
      className={`kp-pod${data.ready ? '' : ' kp-unready'}${selected ? ' kp-selected' : ''}`}
      title={data.labels ? t('graphCards.podLabels', { labels: data.labels }) : t('graphCards.podNoLabels')}
      data-graph-id={id}
      data-ready={data.ready}
      data-change-rejected={rejected !== undefined}
    >
      <Handle type="target" position={Position.Top} className="kp-handle" />
      <Handle type="source" position={Position.Top} className="kp-handle" />
      <div className="kp-title">
        <span className={`kp-dot ${data.ready ? 'kp-dot-ok' : 'kp-dot-bad'}`} aria-hidden="true" />
        <span className="kp-name">{data.name}</span>
        <RejectedBadge message={rejected} />
        {hits > 0 && (
          <span className="kp-hits" data-hits={hits} aria-label={t('graphCards.podServed', { hits })}>
            {hits}
          </span>
        )}
      </div>
      <div className="kp-mono">
        {data.ip || 'no IP'}
        {data.ingressController && <span className="kp-muted"> · ingress</span>}
        {!data.ready && <span className="kp-muted"> · not ready</span>}
      </div>
    </div>
  );
}

export const PodNode = memo(PodNodeView);
