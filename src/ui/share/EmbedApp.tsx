/**
 * Embed mode (`?embed`, `?embed=terminal`, `?embed=yaml`, `?embed=terminal,yaml`, or a link's embed
 * flag): the graph, optionally with the terminal and the YAML to read, sized to whatever iframe holds
 * it. The YAML cannot be edited and nothing is autosaved (main.tsx starts the app without storage),
 * so a slide never overwrites the viewer's own work. "Open in kubeplay" leads to the full playground
 * with the same scenario.
 */
import { useEffect } from 'react';
import { Trans } from 'react-i18next';
import { useApp, useView } from '../../store/react.ts';
import { closePanel, hideBottom, resizePanel, showTerminal } from '../../store/viewStore.ts';
import { ClusterGraph } from '../graph/ClusterGraph.tsx';
import { TerminalDock } from '../app/TerminalDock.tsx';
import type { EmbedMode } from './embedMode.ts';
import { ReadOnlyYaml } from './ReadOnlyYaml.tsx';
import './share.css';
import '../../i18n/laterTexts.ts';

export function EmbedApp({ mode, fullPageUrl }: { mode: EmbedMode; fullPageUrl: string }) {
  const app = useApp();
  const theme = useView((s) => s.theme);
  const notice = useView((s) => s.notice);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    closePanel(app.view, 'editor');
    closePanel(app.view, 'details');
    if (mode.terminal) {
      showTerminal(app.view);
      // A slide's frame is small: the terminal takes a third of it, the graph the rest.
      resizePanel(app.view, 'bottomHeight', Math.max(160, window.innerHeight / 3));
    } else hideBottom(app.view);
  }, [app, mode]);
  return (
    <div
      className="kp-app kp-embed"
      data-embed={[mode.terminal && 'terminal', mode.yaml && 'yaml'].filter(Boolean).join(' ') || 'graph'}
    >
      <main className="kp-main">
        <div className="kp-stage">
          <ClusterGraph />
          <div className="kp-embed-bar">
            {notice && (
              <p className="kp-notice" role="status">
                {notice}
              </p>
            )}
            <a
              className="kp-embed-open"
              href={fullPageUrl}
              target="_blank"
              rel="noopener"
              data-testid="embed-open"
            >
              <Trans i18nKey="share.openFull" components={{ brand: <span /> }} />
            </a>
          </div>
        </div>
        {mode.terminal && <TerminalDock tabs={['terminal']} />}
      </main>
      {mode.yaml && <ReadOnlyYaml />}
    </div>
  );
}
