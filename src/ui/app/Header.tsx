import { useApp, useScenario, useView } from '../../store/react.ts';
import { requestFit, resetLayout, toggleTheme } from '../../store/viewStore.ts';
import { ShareButton } from './ShareButton.tsx';

export function Header() {
  const app = useApp();
  const scenarioId = useScenario((s) => s.scenarioId);
  const theme = useView((s) => s.theme);
  const editorOpen = useView((s) => s.editorOpen);
  const graphOnly = useView((s) => !s.editorOpen && !s.terminalOpen);
  const known = app.scenarios.some((s) => s.id === scenarioId);
  const notice = useView((s) => s.notice);
  const showSystem = useView((s) => s.showSystem);
  return (
    <header className="kp-header">
      <h1 className="kp-logo">
        kube<span>play</span>
      </h1>
      <label className="kp-field kp-inline">
        <span>Scenario</span>
        <select
          value={known ? scenarioId : ''}
          onChange={(e) => app.chooseScenario(e.target.value)}
          data-testid="scenario-picker"
        >
          {!known && <option value="">Your own YAML</option>}
          {app.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {notice && (
        <p className="kp-notice" role="status">
          {notice}{' '}
          <button type="button" onClick={() => app.view.setState({ notice: null })} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      <div className="kp-row kp-graph-tools" role="group" aria-label="Graph">
        <label className="kp-check kp-chip">
          <input
            type="checkbox"
            checked={showSystem}
            onChange={(e) => app.view.setState({ showSystem: e.target.checked })}
          />
          System pods
        </label>
        <button type="button" onClick={() => resetLayout(app.view)}>
          Reset layout
        </button>
        <button type="button" onClick={() => requestFit(app.view)}>
          Fit
        </button>
      </div>
      <div className="kp-header-actions">
        <ShareButton />
        <button
          type="button"
          aria-pressed={graphOnly}
          title="Hide the editor and the terminal: the graph fills the screen (for a projector)"
          onClick={() => app.view.setState({ editorOpen: graphOnly, terminalOpen: graphOnly })}
        >
          Graph only
        </button>
        <button
          type="button"
          aria-pressed={editorOpen}
          onClick={() => app.view.setState({ editorOpen: !editorOpen })}
        >
          {editorOpen ? 'Hide YAML' : 'Show YAML'}
        </button>
        <button
          type="button"
          onClick={() => toggleTheme(app.view)}
          aria-label={`Switch to ${theme === 'light' ? 'dark' : 'light'} theme`}
        >
          {theme === 'light' ? '☾ Dark' : '☀ Light'}
        </button>
        <button type="button" onClick={() => app.view.setState({ helpOpen: true })}>
          ? Help
        </button>
      </div>
    </header>
  );
}
