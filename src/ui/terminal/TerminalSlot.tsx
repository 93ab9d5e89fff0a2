/**
 * The docked terminal (a lazy chunk, loaded by TerminalDock): xterm.js on screen, the controller
 * behind it, and the app running each line where the simulation lives. Requests a line makes animate
 * on the graph (the app hands their traces to the packet layer); actions it takes join the scenario.
 */
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { ShellSession } from '../../engine/index.ts';
import './terminal.css';
import { useApp, useView } from '../../store/react.ts';
import { createTerminalController } from './terminalController.ts';
import type { TerminalStatus } from './terminalController.ts';
import { receiveTerminalPastes } from './terminalInbox.ts';
import { getTerminalTheme, TERMINAL_FONT_FAMILY, TERMINAL_FONT_SIZE } from './terminalTheme.ts';
import { createTerminalKeyFilter } from './terminalKeys.ts';
import { getBrowserStorage } from '../browserStorage.ts';
import '../../i18n/laterTexts.ts';

function showStatus(element: HTMLElement | null, status: TerminalStatus): void {
  if (!element) return;
  element.dataset.busy = String(status.busy);
  element.dataset.runs = String(status.runs);
  element.dataset.prompt = status.prompt;
  if (status.lastExitCode === null) delete element.dataset.exitCode;
  else element.dataset.exitCode = String(status.lastExitCode);
}

/**
 * The shell's place survives hiding the panel (the component unmounts): showing it again continues
 * inside the same pod, as a terminal window that was only minimised would.
 */
let lastSession: ShellSession | null = null;

export function TerminalSlot() {
  const app = useApp();
  const { t } = useTranslation();
  const theme = useView((s) => s.theme);
  const frameRef = useRef<HTMLDivElement | null>(null);
  const screenRef = useRef<HTMLDivElement | null>(null);
  const termRef = useRef<Terminal | null>(null);

  useEffect(() => {
    const host = screenRef.current;
    if (!host) return;
    const term = new Terminal({
      fontSize: TERMINAL_FONT_SIZE,
      fontFamily: TERMINAL_FONT_FAMILY,
      lineHeight: 1.15,
      cursorBlink: true,
      screenReaderMode: true,
      scrollback: 5000,
      theme: getTerminalTheme(app.view.getState().theme),
    });
    termRef.current = term;
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // Hidden (zero-sized) panel: keep the old size until it shows again.
      }
    };
    refit();

    // A reply can arrive after the panel closed (or StrictMode's first mount went away): drop it.
    let disposed = false;
    const screen = {
      write: (data: string) => {
        if (!disposed) term.write(data);
      },
      get cols() {
        return term.cols;
      },
    };
    const controller = createTerminalController({
      screen,
      backend: app,
      storage: getBrowserStorage(),
      // Announce a finished line only once xterm has parsed and painted it, so whoever waits on
      // data-runs (a test, an assistive tool) reads the screen as it is.
      onStatus: (status) => {
        if (disposed) return;
        term.write('', () =>
          requestAnimationFrame(() => requestAnimationFrame(() => showStatus(frameRef.current, status))),
        );
      },
      session: lastSession,
      onSession: (session) => {
        lastSession = session;
      },
    });
    // Start first, so names pasted while the panel was hidden land after the prompt.
    void controller.start();
    const data = term.onData((text) => void controller.input(text));
    const copy = (text: string) => void navigator.clipboard?.writeText(text).catch(() => {});
    term.attachCustomKeyEventHandler(createTerminalKeyFilter(term, copy));
    const resize = new ResizeObserver(() => {
      refit();
      controller.resize();
    });
    resize.observe(host);
    const stopPastes = receiveTerminalPastes((text) => {
      void controller.insert(text);
      term.focus();
    });
    // Another scenario means another cluster: the pod the shell was in may not exist there.
    const stopScenario = app.scenario.subscribe((next, previous) => {
      if (next.scenarioId !== previous.scenarioId)
        void controller.restart(`(opened another scenario: back on the laptop)`);
    });
    return () => {
      disposed = true;
      stopScenario();
      stopPastes();
      resize.disconnect();
      data.dispose();
      term.dispose();
      termRef.current = null;
    };
  }, [app]);

  useEffect(() => {
    const term = termRef.current;
    if (term) term.options.theme = getTerminalTheme(theme);
  }, [theme]);
  const background = getTerminalTheme(theme).background ?? '#ffffff';

  return (
    <div
      className="kp-term"
      ref={frameRef}
      data-testid="terminal"
      data-busy="true"
      style={{ '--kp-term-bg': background } as CSSProperties}
    >
      <div className="kp-term-screen" ref={screenRef} role="group" aria-label={t('terminalUi.screen')} />
      <p className="kp-term-hint" id="kp-term-hint">
        {t('terminalUi.hint')}
      </p>
    </div>
  );
}
