/**
 * The column of panel switches at the left edge (VS Code's activity bar): each button shows or hides
 * one panel around the graph, and says so (aria-pressed is true exactly while the panel is shown).
 * The bottom panel's switches are its own tabs (TerminalDock).
 */
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { isGraphOnly, toggleGraphOnly, toggleLessons, togglePanel } from '../../store/viewStore.ts';

/** A line icon drawn in the text colour (no icon font: nothing is fetched, every system draws it). */
function Icon({ d }: { d: string }) {
  return (
    <svg className="kp-activity-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

export function ActivityBar() {
  const app = useApp();
  const { t } = useTranslation();
  const lessonsOpen = useView((s) => s.lessonsOpen);
  const editorOpen = useView((s) => s.editorOpen);
  const detailsOpen = useView((s) => s.detailsOpen);
  const graphOnly = useView(isGraphOnly);
  const problems = useSimulation((s) => s.diagnostics.length);
  return (
    <nav className="kp-activity" aria-label={t('stage.panels')}>
      <button
        type="button"
        aria-pressed={lessonsOpen}
        onClick={() => toggleLessons(app.view)}
        data-testid="lessons-button"
      >
        <Icon d="M4 5h7a3 3 0 0 1 3 3v11a2 2 0 0 0-2-2H4zM20 5h-4a2 2 0 0 0-2 2M20 5v12h-6" />
        {t('header.lessons')}
      </button>
      <button
        type="button"
        aria-pressed={editorOpen}
        onClick={() => togglePanel(app.view, 'editor')}
        title={t('stage.yamlTitle')}
        data-testid="yaml-button"
      >
        <Icon d="M9 4H7a2 2 0 0 0-2 2v4l-2 2 2 2v4a2 2 0 0 0 2 2h2M15 4h2a2 2 0 0 1 2 2v4l2 2-2 2v4a2 2 0 0 1-2 2h-2" />
        {t('stage.yaml')}
        {problems > 0 && (
          <span className="kp-activity-count" data-testid="yaml-problem-count">
            {problems}
            <span className="kp-visually-hidden"> {t('stage.problemWord', { count: problems })}</span>
          </span>
        )}
      </button>
      <button
        type="button"
        aria-pressed={detailsOpen}
        onClick={() => togglePanel(app.view, 'details')}
        title={t('stage.detailsTitle')}
        data-testid="details-button"
      >
        <Icon d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 11v6M12 7.5v.5" />
        {t('panels.details')}
      </button>
      <button
        type="button"
        className="kp-activity-last"
        aria-pressed={graphOnly}
        title={t('header.graphOnlyTitle')}
        onClick={() => toggleGraphOnly(app.view)}
      >
        <Icon d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
        {t('header.graphOnly')}
      </button>
    </nav>
  );
}
