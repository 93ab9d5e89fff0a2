/**
 * "The first graph is on screen": what the page loads only after it (the editor's Monaco, the lessons'
 * parser, the service worker's precache) waits for this, so none of it competes with the first graph
 * for the main thread or the network (navigation to first graph in `npm run bench:ui`,
 * docs/performance.md). The engine's first answer (a cluster or an error) has been rendered, the
 * browser has painted it (two animation frames) and had a quiet moment; a page that gets no frames
 * (a background tab) goes on after a second and a half all the same.
 */
import { useEffect, useState } from 'react';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import { useApp } from '../../store/react.ts';
import type { SimulationState } from '../../store/simulationStore.ts';

const PATIENCE_MS = 1500;
const shownOnce = new WeakMap<KubeplayApp, Promise<void>>();

const answered = (s: SimulationState) => s.sim !== null || s.engineError !== null;

function afterPaintAndIdle(done: () => void): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done();
  };
  const timer = setTimeout(finish, PATIENCE_MS);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(finish, { timeout: 500 });
      else setTimeout(finish, 0);
    }),
  );
}

/** Resolves once, when the first graph (or the engine's error) has been drawn. */
export function afterFirstGraph(app: KubeplayApp): Promise<void> {
  let shown = shownOnce.get(app);
  if (!shown) {
    shown = new Promise<void>((resolve) => {
      if (answered(app.simulation.getState())) {
        afterPaintAndIdle(resolve);
        return;
      }
      const stop = app.simulation.subscribe((s) => {
        if (!answered(s)) return;
        stop();
        afterPaintAndIdle(resolve);
      });
    });
    shownOnce.set(app, shown);
  }
  return shown;
}

/** False until the first graph has been drawn (afterFirstGraph), then true. */
export function useAfterFirstGraph(): boolean {
  const app = useApp();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let mounted = true;
    void afterFirstGraph(app).then(() => {
      if (mounted) setShown(true);
    });
    return () => {
      mounted = false;
    };
  }, [app]);
  return shown;
}
