/**
 * A Service, Endpoints or Ingress card zoomed out (levelOfDetail.ts): its kind and name in large type,
 * and the full face, drawn at a readable size, while the pointer is over the card (graph.css,
 * .kp-lod-full; mounted only then, useHover.ts). At the mark level the name would be drawn under ~7 px,
 * so it is not made, as a pod's is not.
 */
import type { ReactNode } from 'react';
import type { LevelOfDetail } from './levelOfDetail.ts';

export interface CompactCardProps {
  kind: string;
  name: string;
  face: ReactNode;
  level: Exclude<LevelOfDetail, 'full'>;
  hovered: boolean;
}

export function CompactCard({ kind, name, face, level, hovered }: CompactCardProps) {
  return (
    <>
      {level === 'compact' && (
        <span className="kp-lod-name kp-lod-card-name">
          <span className="kp-kind">{kind}</span> {name}
        </span>
      )}
      {hovered && <div className="kp-lod-full">{face}</div>}
    </>
  );
}
