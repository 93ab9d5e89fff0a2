/**
 * Packets drawn inside the React Flow viewport (ViewportPortal), so panning and zooming cost nothing.
 * React renders a fixed pool of dots once; the frame loop moves them. The focused request's path is
 * drawn faintly (and, with reduced motion, as a static numbered path instead of a moving dot).
 */
import { useEffect, useMemo, useRef } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { startFrameLoop } from './frameLoop.ts';
import { createPacketTimeline } from './packetTimeline.ts';
import type { Point } from './packetTimeline.ts';

export const PACKET_POOL_SIZE = 320;

export interface PacketLayerProps {
  getCenters: () => ReadonlyMap<string, Point>;
}

export function PacketLayer({ getCenters }: PacketLayerProps) {
  const app = useApp();
  const dotsRef = useRef<(SVGGElement | null)[]>([]);
  const labelRef = useRef<SVGTextElement | null>(null);
  const labelGroupRef = useRef<SVGGElement | null>(null);
  const getCentersRef = useRef(getCenters);
  useEffect(() => {
    getCentersRef.current = getCenters;
  }, [getCenters]);

  // The portal mounts its children a frame or two after the viewport exists: wait for the
  // elements, then start the one loop.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let retry = 0;
    const tryStart = () => {
      const status = document.getElementById('kp-trace-status');
      const label = labelRef.current;
      const labelGroup = labelGroupRef.current;
      const dots = dotsRef.current.filter((d): d is SVGGElement => d !== null);
      if (!status || !label || !labelGroup || dots.length === 0) {
        retry = requestAnimationFrame(tryStart);
        return;
      }
      stop = startFrameLoop(app.traffic, app.view, { dots, label, labelGroup, status }, () =>
        getCentersRef.current(),
      );
    };
    tryStart();
    return () => {
      cancelAnimationFrame(retry);
      stop?.();
    };
  }, [app]);

  const focused = useTraffic((s) => s.focused);
  const reducedMotion = useView((s) => s.reducedMotion);
  const path = useMemo(
    () =>
      focused ? createPacketTimeline(focused.trace, getCenters()).waypoints.filter((w) => w.hop >= 0) : [],
    [focused, getCenters],
  );

  return (
    <ViewportPortal>
      <svg className="kp-packets" width="1" height="1" aria-hidden="true">
        {path.length > 1 && (
          <polyline
            className={`kp-path${reducedMotion ? ' kp-path-static' : ''}`}
            points={path.map((w) => `${w.x},${w.y}`).join(' ')}
          />
        )}
        {reducedMotion &&
          path.map((w, i) => (
            <g key={`${w.hop}-${i}`} transform={`translate(${w.x + 14 * (i % 2)} ${w.y - 14})`}>
              <circle r="11" className="kp-path-step" />
              <text className="kp-path-step-text" textAnchor="middle" dy="4">
                {w.hop + 1}
              </text>
            </g>
          ))}
        {Array.from({ length: PACKET_POOL_SIZE }, (_, i) => (
          <g
            key={i}
            ref={(el) => {
              dotsRef.current[i] = el;
            }}
            className="kp-packet"
            style={{ display: 'none' }}
          >
            <circle r="9" />
          </g>
        ))}
        <g ref={labelGroupRef} style={{ display: 'none' }} className="kp-packet-label">
          <text ref={labelRef} textAnchor="middle" />
        </g>
      </svg>
    </ViewportPortal>
  );
}
