/**
 * The docked bottom slot. The terminal itself lives in src/ui/terminal (another engineer's folder);
 * it is picked up here when src/ui/terminal/TerminalSlot.tsx exists, as a lazy chunk.
 */
import { lazy, Suspense } from 'react';
import type { ComponentType, KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';

const slots = import.meta.glob<{ TerminalSlot?: ComponentType; default?: ComponentType }>(
  '../terminal/TerminalSlot.tsx',
);
const loadSlot = Object.values(slots)[0];
const TerminalSlot = loadSlot
  ? lazy(async () => {
      const mod = await loadSlot();
      const component = mod.TerminalSlot ?? mod.default;
      return { default: component ?? TerminalNotReady };
    })
  : null;

function TerminalNotReady() {
  const { t } = useTranslation();
  return <p className="kp-muted">{t('app.terminalNotReady')}</p>;
}

const MIN_HEIGHT = 120;
const clamp = (h: number) => Math.max(MIN_HEIGHT, Math.min(Math.round(window.innerHeight * 0.7), h));

/** A horizontal splitter above the terminal: drag or use the arrow keys to give the graph more room. */
function TerminalSplitter() {
  const app = useApp();
  const { t } = useTranslation();
  const height = useView((s) => s.terminalHeight);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startY = event.clientY;
    const start = app.view.getState().terminalHeight;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) =>
      app.view.setState({ terminalHeight: clamp(start + startY - e.clientY) });
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowUp') app.view.setState({ terminalHeight: clamp(height + step) });
    if (event.key === 'ArrowDown') app.view.setState({ terminalHeight: clamp(height - step) });
  };
  return (
    <div
      className="kp-splitter kp-splitter-h"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('app.resizeTerminal')}
      aria-valuenow={height}
      aria-valuemin={MIN_HEIGHT}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

export function TerminalDock() {
  const app = useApp();
  const { t } = useTranslation();
  const open = useView((s) => s.terminalOpen);
  const height = useView((s) => s.terminalHeight);
  // Loaded after the first graph, like the editor: the graph comes first.
  const graphShown = useSimulation((s) => s.sim !== null || s.engineError !== null);
  return (
    <>
      {open && <TerminalSplitter />}
      <section
        className={`kp-terminal${open ? '' : ' kp-collapsed'}`}
        aria-label={t('app.terminal')}
        style={open ? { height } : undefined}
      >
        <div className="kp-panel-bar">
          <h2>{t('panels.terminal')}</h2>
          <button
            type="button"
            onClick={() => app.view.setState({ terminalOpen: !open })}
            aria-expanded={open}
          >
            {open ? t('panels.hide') : t('panels.show')}
          </button>
        </div>
        {open && (
          <div className="kp-terminal-body">
            {TerminalSlot && graphShown ? (
              <Suspense fallback={<p className="kp-muted">{t('app.loadingTerminal')}</p>}>
                <TerminalSlot />
              </Suspense>
            ) : (
              <p className="kp-muted">{TerminalSlot ? t('app.loadingTerminal') : t('app.terminalComing')}</p>
            )}
          </div>
        )}
      </section>
    </>
  );
}
