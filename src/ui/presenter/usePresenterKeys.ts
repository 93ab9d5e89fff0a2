/**
 * Presenter shortcuts on the window: P toggles, Esc leaves, N/PageDown send, arrows/PageDown step,
 * F fits. Ignored while the person types in a field, the YAML editor, the terminal or a dialog
 * (isTypingTarget), and with Ctrl/Alt/Meta held (browser and OS shortcuts keep working).
 */
import { useEffect, useRef } from 'react';
import { readHops } from '../../engine/index.ts';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import { useApp } from '../../store/react.ts';
import { requestFit, setPresenter } from '../../store/viewStore.ts';
import { stepToHop } from '../../store/viewActions.ts';
import { toRequestSpec } from '../requests/RequestBar.tsx';
import { isTypingTarget } from '../keyboard/isTypingTarget.ts';
import { getPresenterCommand } from './presenterKeys.ts';
import type { PresenterCommand } from './presenterKeys.ts';

function run(app: KubeplayApp, command: PresenterCommand): void {
  const view = app.view.getState();
  switch (command.kind) {
    case 'toggle':
      setPresenter(app.view, !view.presenter);
      return;
    case 'leave':
      setPresenter(app.view, false);
      return;
    case 'send':
      if (view.draft.url.trim()) void app.sendRequest(toRequestSpec(view.draft));
      return;
    case 'step':
      stepToHop(app.view, command.hop);
      return;
    case 'fit':
      requestFit(app.view);
      return;
  }
}

export function usePresenterKeys(): void {
  const app = useApp();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      // An IME composing text sends its keys as 'Process' with isComposing; they are text too.
      if (event.isComposing || isTypingTarget(event)) return;
      const view = app.view.getState();
      if (view.helpOpen) return;
      const traffic = app.traffic.getState();
      const command = getPresenterCommand(event.key, {
        presenter: view.presenter,
        stepMode: view.stepMode,
        stepHop: view.stepHop,
        hopCount: traffic.focused ? readHops(traffic.focused.trace).length : 0,
        reachedHop: traffic.focusedHop,
        landed: traffic.focusedLanded,
      });
      if (!command) return;
      event.preventDefault();
      run(app, command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [app]);
}

/**
 * The graph changes size when presenter mode hides the panels, and again when the caption grows:
 * React Flow keeps its zoom on resize, so while presenting, fit whenever the graph area changes size.
 */
export function useFitOnPresenterChange(presenter: boolean): void {
  const app = useApp();
  const first = useRef(true);
  useEffect(() => {
    document.documentElement.dataset.presenter = presenter ? 'on' : 'off';
    // The first layout fits itself; only a switch needs a new fit.
    if (first.current && !presenter) {
      first.current = false;
      return;
    }
    first.current = false;
    let frame = requestAnimationFrame(() => requestFit(app.view));
    const graph = document.querySelector('.kp-graph');
    if (!presenter || !graph) return () => cancelAnimationFrame(frame);
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => requestFit(app.view));
    });
    observer.observe(graph);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [app, presenter]);
}
