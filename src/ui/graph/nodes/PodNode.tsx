import { memo } from 'react';
import { Handle, Position, useStore } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { PodData } from '../graphData.ts';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useHits, useIsSelected, useRejectedChange } from './useNodeFlags.ts';

/**
 * Below this zoom a pod's name would be drawn under ~7 px: the card collapses to a dot and a short
 * name (level of detail), and shows its full card on hover.
 */
export const POD_LOD_ZOOM = 0.4;

/** `web-7d4b9c8f6-x2k4p` -> `x2k4p`: the part that tells a Deployment's pods apart. */
export function shortPodName(name: string): string {
  const last = name.slice(name.lastIndexOf('-') + 1);
  return last || name;
}

function PodFace({ id, data }: { id: string; data: PodData }) {
  const { t } = useTranslation();
  const hits = useHits(id);
  const rejected = useRejectedChange(id);
  return (
    <>
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
    </>
  );
}

function PodNodeView({ id, data }: NodeProps & { data: PodData }) {
  const { t } = useTranslation();
  const selected = useIsSelected(id);
  const compact = useStore((s) => s.transform[2] < POD_LOD_ZOOM);
  const rejected = useRejectedChange(id);
  return (
    <div
      className={`kp-pod${data.ready ? '' : ' kp-unready'}${selected ? ' kp-selected' : ''}${compact ? ' kp-lod' : ''}`}
      title={data.labels ? t('graphCards.podLabels', { labels: data.labels }) : t('graphCards.podNoLabels')}
      data-graph-id={id}
      data-ready={data.ready}
      data-change-rejected={rejected !== undefined}
    >
      <Handle type="target" position={Position.Top} className="kp-handle" />
      <Handle type="source" position={Position.Top} className="kp-handle" />
      {compact ? (
        <>
          <span className="kp-lod-dot" aria-hidden="true" />
          <span className="kp-lod-name">{shortPodName(data.name)}</span>
          <div className="kp-lod-full">
            <PodFace id={id} data={data} />
          </div>
        </>
      ) : (
        <PodFace id={id} data={data} />
      )}
    </div>
  );
}

export const PodNode = memo(PodNodeView);
