import { memo } from 'react';
import { Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { PodData } from '../graphData.ts';
import { translateOnce, useCardText } from './cardText.ts';
import { lodClass, useLevelOfDetail } from './levelOfDetail.ts';
import { PodName } from './PodName.tsx';
import { RejectedBadge } from './RejectedBadge.tsx';
import { useHits, useIsSelected, useRejectedChange } from './useNodeFlags.ts';
import { StaticHandle } from './StaticHandle.tsx';
import { useHover } from './useHover.ts';

/** Zoomed out, a pod collapses to a dot and a short name, then to the dot (levelOfDetail.ts). */
export { POD_LOD_ZOOM } from './levelOfDetail.ts';

/** `web-7d4b9c8f6-x2k4p` -> `x2k4p`: the part that tells a Deployment's pods apart. */
export function shortPodName(name: string): string {
  const last = name.slice(name.lastIndexOf('-') + 1);
  return last || name;
}

/** `live`: the face is on screen, so its served count follows the traffic (see useHits). */
function PodFace({ id, data, live }: { id: string; data: PodData; live: boolean }) {
  const t = useCardText();
  const hits = useHits(id, live);
  const rejected = useRejectedChange(id);
  return (
    <>
      <div className="kp-title">
        <span className={`kp-dot ${data.ready ? 'kp-dot-ok' : 'kp-dot-bad'}`} aria-hidden="true" />
        <PodName name={data.name} squeeze={`${hits > 0 ? String(hits).length : 0} ${rejected ?? ''}`} />
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
        {data.terminating ? (
          <span className="kp-muted"> · {t('graphCards.podTerminating')}</span>
        ) : (
          !data.ready && <span className="kp-muted"> · not ready</span>
        )}
      </div>
    </>
  );
}

function PodNodeView({ id, data }: NodeProps & { data: PodData }) {
  const t = useCardText();
  const selected = useIsSelected(id);
  const level = useLevelOfDetail();
  const compact = level !== 'full';
  const rejected = useRejectedChange(id);
  // A zoomed-out pod's full face shows only while the pointer is over it (graph.css .kp-lod:hover),
  // so it is mounted only then, and only then follows the served count. With 1,000 pods zoomed out,
  // a crowd's arrival batch re-rendered every hidden face whose count changed, and the style and
  // layout work that followed (docs/performance.md#packets-in-flight); mounted hidden, the 1,000
  // faces tripled the cards' elements for a refit or a redraw (docs/performance.md, "The paste at
  // 1,000 pods"). The pointer is followed at every level, so a pod zoomed out under it shows its face.
  const { hovered, pointer } = useHover();
  return (
    <div
      {...pointer}
      className={`kp-pod${data.ready ? '' : ' kp-unready'}${data.terminating ? ' kp-terminating' : ''}${selected ? ' kp-selected' : ''}${lodClass(level)}`}
      title={
        data.labels
          ? translateOnce(t, 'graphCards.podLabels', 'labels', data.labels)
          : t('graphCards.podNoLabels')
      }
      data-graph-id={id}
      data-ready={data.ready}
      data-terminating={data.terminating}
      data-change-rejected={rejected !== undefined}
    >
      <StaticHandle type="both" position={Position.Top} className="kp-handle" />
      {compact ? (
        <>
          {/* At the mark level the name would be drawn under ~7 px: it is not made at all, and the
              mark is the card's own colour (graph.css), not a dot over it: 2,000 elements and 1,000
              translucent layers fewer when the 1,000-pod scenario is pasted. */}
          {level === 'compact' && (
            <>
              <span className="kp-lod-dot" aria-hidden="true" />
              <span className="kp-lod-name">{shortPodName(data.name)}</span>
            </>
          )}
          {/* The face that says it is mounted only under the pointer; the state stays in the text a
              screen reader or a find reads (the fading says it to the eye). */}
          {data.terminating ? (
            <span className="kp-visually-hidden"> · {t('graphCards.podTerminating')}</span>
          ) : (
            !data.ready && <span className="kp-visually-hidden"> · not ready</span>
          )}
          {hovered && (
            <div className="kp-lod-full">
              <PodFace id={id} data={data} live />
            </div>
          )}
        </>
      ) : (
        <PodFace id={id} data={data} live />
      )}
    </div>
  );
}

export const PodNode = memo(PodNodeView);
