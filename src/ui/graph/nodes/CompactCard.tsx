/**
 * A Service, Endpoints or Ingress card zoomed out (levelOfDetail.ts): its kind and name in large type,
 * and the full face, drawn at a readable size, on hover (graph.css, .kp-lod-full).
 */
import type { ReactNode } from 'react';

export function CompactCard({ kind, name, face }: { kind: string; name: string; face: ReactNode }) {
  return (
    <>
      <span className="kp-lod-name kp-lod-card-name">
        <span className="kp-kind">{kind}</span> {name}
      </span>
      <div className="kp-lod-full">{face}</div>
    </>
  );
}
