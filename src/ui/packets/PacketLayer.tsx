/**
 * Packets over the graph. The dots are drawn on one canvas (screen space, see packetCanvas.ts); the
 * focused request's path and its label live inside the React Flow viewport (ViewportPortal), so they
 * pan and zoom for free. With reduced motion the path is a static numbered line and packets do not
 * travel (they land at once). Every packet but the focused one is drawn by a Worker on a canvas of
 * its own, under the focused packet's (crowdClient.ts), where the browser can.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStoreApi, ViewportPortal } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { hopStatusLine } from '../narration/statusLine.ts';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import '../requests/staleTrace.css';
import { startCrowd } from './crowdClient.ts';
import { startFrameLoop } from './frameLoop.ts';
import { createPacketCanvas } from './packetCanvas.ts';
import { createPacketTimeline } from './packetTimeline.ts';
import type { Point } from './packetTimeline.ts';

export interface PacketLayerProps {
  getCenters: () => ReadonlyMap<string, Point>;
}

function readColors(element: Element): { fill: string; ring: string } {
  const style = getComputedStyle(element);
  return {
    fill: style.getPropertyValue('--packet').trim() || '#c2410c',
    ring: style.getPropertyValue('--bg').trim() || '#ffffff',
  };
}

/** The canvas: a sibling of the viewport, covering the pane. */
export function PacketCanvasLayer() {
  return <canvas id="kp-packet-canvas" className="kp-packet-canvas" aria-hidden="true" />;
}

export function PacketLayer({ getCenters }: PacketLayerProps) {
  const app = useApp();
  const flowStore = useStoreApi();
  const labelRef = useRef<SVGTextElement | null>(null);
  const labelGroupRef = useRef<SVGGElement | null>(null);
  const getCentersRef = useRef(getCenters);
  useEffect(() => {
    getCentersRef.current = getCenters;
  }, [getCenters]);
  // The loop outlives renders: it reads the page's language through this ref.
  const { t } = useTranslation();
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);

  // The portal mounts its children a frame or two after the viewport exists: wait for the
  // elements, then start the one loop.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let retry = 0;
    let colors = { fill: '#c2410c', ring: '#ffffff' };
    let crowd: ReturnType<typeof startCrowd> = null;
    const themeWatch = app.view.subscribe((s, p) => {
      if (s.theme !== p.theme)
        requestAnimationFrame(() => {
          colors = readColors(document.documentElement);
          crowd?.setColors(colors);
        });
    });
    const getViewport = () => {
      const { transform, width } = flowStore.getState();
      const [x, y, zoom] = transform;
      return { x, y, zoom, width };
    };
    // The crowd's Worker hears of the viewport when it changes (a pan, a zoom), not per frame.
    const viewportWatch = flowStore.subscribe((s, p) => {
      if (s.transform !== p.transform) crowd?.setViewport(getViewport());
    });
    const tryStart = () => {
      const status = document.getElementById('kp-trace-status');
      const canvasElement = document.getElementById('kp-packet-canvas');
      const label = labelRef.current;
      const labelGroup = labelGroupRef.current;
      if (!status || !label || !labelGroup || !(canvasElement instanceof HTMLCanvasElement)) {
        retry = requestAnimationFrame(tryStart);
        return;
      }
      colors = readColors(document.documentElement);
      const canvas = createPacketCanvas(canvasElement, () => colors);
      const { speed, paused, reducedMotion } = app.view.getState();
      crowd = startCrowd(canvasElement, {
        viewport: getViewport(),
        colors,
        motion: { speed, paused, reducedMotion },
      });
      const stopLoop = startFrameLoop(
        app.traffic,
        app.view,
        { canvas, label, labelGroup, status, crowd },
        {
          getCenters: () => getCentersRef.current(),
          describeHop: (hop, index, total) =>
            hopStatusLine(hop, index, total, app.view.getState().narration, tRef.current),
          getViewport,
        },
      );
      stop = () => {
        stopLoop();
        canvas.dispose();
        crowd?.dispose();
        crowd = null;
      };
    };
    tryStart();
    return () => {
      cancelAnimationFrame(retry);
      themeWatch();
      viewportWatch();
      stop?.();
    };
  }, [app, flowStore]);

  const focused = useTraffic((s) => s.focused);
  const reducedMotion = useView((s) => s.reducedMotion);
  const fullPath = useMemo(
    () =>
      focused ? createPacketTimeline(focused.trace, getCenters()).waypoints.filter((w) => w.hop >= 0) : [],
    [focused, getCenters],
  );
  // The trail grows hop by hop (all of it once landed, or at once with reduced motion): the path
  // is not given away before the packet takes it.
  const landed = useTraffic((s) => s.focusedLanded);
  // Routed on an earlier version of the YAML: the path stays, faded (src/ui/requests/staleTrace.css).
  const stale = useTraffic((s) => s.focusedStale);
  const reached = useTraffic((s) => s.focusedHop);
  const path = landed || reducedMotion ? fullPath : fullPath.filter((w) => w.hop <= reached);

  return (
    <ViewportPortal>
      <svg className="kp-packets" width="1" height="1" aria-hidden="true" data-stale={stale}>
        {path.length > 1 && (
          <polyline
            className={`kp-path${reducedMotion ? ' kp-path-static' : ''}${stale ? ' kp-path-stale' : ''}`}
            points={path.map((w) => `${w.x},${w.y}`).join(' ')}
          />
        )}
        {reducedMotion &&
          path.map((w, i) => {
            // Hops at the same place (a DNAT on the sender's node) sit side by side, not on top.
            const before = path.slice(0, i).filter((o) => o.x === w.x && o.y === w.y).length;
            return (
              <g key={`${w.hop}-${i}`} transform={`translate(${w.x + 24 * before} ${w.y - 18})`}>
                <circle r="11" className="kp-path-step" />
                <text className="kp-path-step-text" textAnchor="middle" dy="4">
                  {w.hop + 1}
                </text>
              </g>
            );
          })}
        <g
          ref={labelGroupRef}
          style={{ display: 'none' }}
          className="kp-packet-label"
          data-testid="packet-label"
        >
          <text ref={labelRef} textAnchor="middle" />
        </g>
      </svg>
    </ViewportPortal>
  );
}
