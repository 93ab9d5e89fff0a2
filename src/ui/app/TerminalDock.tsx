/**
 * The bottom panel, as in VS Code: a strip of tabs (Terminal | Problems (count) | Traffic) that is
 * always on screen, and the panel above it when one is open. Each tab's button opens its panel, or
 * closes it when it is the one shown; the bar above is dragged (or moved with the arrow keys) to
 * resize. The terminal itself lives in src/ui/terminal, loaded as a lazy chunk after the first graph;
 * it opens at least 20 rows tall when used (showTerminal), so a command's output stays readable.
 */
import { lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import {
  hideBottom,
  resizePanel,
  showBottomTab,
  showTerminal,
  TERMINAL_IN_USE_HEIGHT,
  toggleBottomTab,
} from '../../store/viewStore.ts';
import type { BottomTab } from '../../store/viewStore.ts';
import { ProblemsList } from '../panels/ProblemsList.tsx';
import { useWorstSeverity } from '../panels/worstSeverity.ts';
import { SIZE_LIMITS } from './layoutMemory.ts';
import { Resizer } from './Resizer.tsx';

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

// The bottom panel opens closed: the traffic panel loads as its own chunk, right after the first render.
// The problems list (1 KB) is in the first script: a link over the playground's limits opens the page on
// it (src/store/earlyLimits.ts), and a lazy list would show 300 ms or more later (React holds back a
// suspended part's reveal).
const TrafficPanel = lazy(async () => ({
  default: (await import('../requests/TrafficPanel.tsx')).TrafficPanel,
}));

function TerminalNotReady() {
  const { t } = useTranslation();
  return <p className="kp-muted">{t('app.terminalNotReady')}</p>;
}

const ALL_TABS: readonly BottomTab[] = ['terminal', 'problems', 'traffic'];
const TAB_TITLES = {
  terminal: 'panels.terminal',
  problems: 'panels.problems',
  traffic: 'panels.traffic',
} as const;

function TerminalBody() {
  const { t } = useTranslation();
  // Loaded after the first graph, like the editor: the graph comes first.
  const graphShown = useSimulation((s) => s.sim !== null || s.engineError !== null);
  return TerminalSlot && graphShown ? (
    <Suspense fallback={<p className="kp-muted">{t('app.loadingTerminal')}</p>}>
      <TerminalSlot />
    </Suspense>
  ) : (
    <p className="kp-muted">{TerminalSlot ? t('app.loadingTerminal') : t('app.terminalComing')}</p>
  );
}

function TabLabel({ tab }: { tab: BottomTab }) {
  const { t } = useTranslation();
  const problems = useSimulation((s) => s.diagnostics.length);
  const severity = useWorstSeverity();
  if (tab !== 'problems') return <>{t(TAB_TITLES[tab])}</>;
  return (
    <>
      {t(TAB_TITLES.problems)}{' '}
      <span className="kp-badge kp-problem-badge" data-severity={severity} data-testid="problem-count">
        {problems}
      </span>
    </>
  );
}

export function TerminalDock({ tabs = ALL_TABS }: { tabs?: readonly BottomTab[] }) {
  const app = useApp();
  const { t } = useTranslation();
  const open = useView((s) => s.bottomOpen);
  const current = useView((s) => (tabs.includes(s.bottomTab) ? s.bottomTab : (tabs[0] ?? 'terminal')));
  const height = useView((s) => s.bottomHeight);
  const shown = (tab: BottomTab) => open && current === tab;
  const { min, max } = SIZE_LIMITS.bottomHeight;
  const bodies: Record<BottomTab, ReactNode> = {
    // The terminal is mounted only while shown; its shell session outlives it (TerminalSlot).
    terminal: shown('terminal') ? <TerminalBody /> : null,
    // Problems and traffic stay mounted: the list keeps its place, a batch keeps counting.
    problems: <ProblemsList />,
    traffic: (
      <Suspense fallback={null}>
        <TrafficPanel />
      </Suspense>
    ),
  };
  return (
    <section
      className={`kp-bottom${open ? '' : ' kp-collapsed'}`}
      // Named after what it shows: the region is "Terminal" while the terminal is its tab.
      aria-labelledby="kp-bottom-title"
      style={open ? { height } : undefined}
      data-testid="bottom-panel"
    >
      {open && (
        <Resizer
          orientation="horizontal"
          label={current === 'terminal' ? t('app.resizeTerminal') : t('stage.resizeBottom')}
          value={height}
          min={min}
          max={max}
          grows={-1}
          onResize={(h) => resizePanel(app.view, 'bottomHeight', h)}
          testId="bottom-resizer"
        />
      )}
      <h2 id="kp-bottom-title" className="kp-visually-hidden">
        {t(TAB_TITLES[current])}
      </h2>
      <div className="kp-panel-bar kp-bottom-bar">
        <div className="kp-bottom-tabs" role="group" aria-label={t('stage.bottomPanel')}>
          {tabs.map((tab) => (
            <button
              key={tab}
              type="button"
              id={`kp-bottom-tab-${tab}`}
              className="kp-bottom-tab"
              aria-pressed={shown(tab)}
              aria-controls={`kp-bottom-${tab}`}
              onClick={() => toggleBottomTab(app.view, tab)}
              data-testid={`bottom-tab-${tab}`}
            >
              <TabLabel tab={tab} />
            </button>
          ))}
        </div>
        <button
          type="button"
          onClick={() => (open ? hideBottom(app.view) : showBottomTab(app.view, current))}
          aria-expanded={open}
          aria-controls={`kp-bottom-${current}`}
        >
          {open ? t('panels.hide') : t('panels.show')}
        </button>
      </div>
      {tabs.map((tab) => (
        <div
          key={tab}
          id={`kp-bottom-${tab}`}
          // kp-terminal: keys typed there are never presenter shortcuts (presenterKeys.ts).
          className={`kp-bottom-body kp-bottom-${tab}${tab === 'terminal' ? ' kp-terminal kp-terminal-body' : ''}`}
          hidden={!shown(tab)}
          // Typing in the terminal is using it: it grows to 20 rows if it was dragged smaller.
          onFocus={
            tab === 'terminal' && height < TERMINAL_IN_USE_HEIGHT ? () => showTerminal(app.view) : undefined
          }
        >
          {bodies[tab]}
        </div>
      ))}
    </section>
  );
}
