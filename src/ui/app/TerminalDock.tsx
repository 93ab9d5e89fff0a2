/**
 * The docked bottom slot. The terminal itself lives in src/ui/terminal (another engineer's folder);
 * it is picked up here when src/ui/terminal/TerminalSlot.tsx exists, as a lazy chunk.
 */
import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { useApp, useView } from '../../store/react.ts';

const slots = import.meta.glob<{ TerminalSlot?: ComponentType; default?: ComponentType }>(
  '../terminal/TerminalSlot.tsx',
);
const loadSlot = Object.values(slots)[0];
const TerminalSlot = loadSlot
  ? lazy(async () => {
      const mod = await loadSlot();
      const component = mod.TerminalSlot ?? mod.default;
      return { default: component ?? (() => <p className="kp-muted">The terminal is not ready yet.</p>) };
    })
  : null;

export function TerminalDock() {
  const app = useApp();
  const open = useView((s) => s.terminalOpen);
  return (
    <section className={`kp-terminal${open ? '' : ' kp-collapsed'}`} aria-label="Terminal">
      <div className="kp-panel-bar">
        <h2>Terminal</h2>
        <button type="button" onClick={() => app.view.setState({ terminalOpen: !open })} aria-expanded={open}>
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      {open && (
        <div className="kp-terminal-body">
          {TerminalSlot ? (
            <Suspense fallback={<p className="kp-muted">Loading the terminal…</p>}>
              <TerminalSlot />
            </Suspense>
          ) : (
            <p className="kp-muted">
              The terminal (kubectl, curl, nslookup) will appear here. Meanwhile, use the request bar above
              the graph.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
