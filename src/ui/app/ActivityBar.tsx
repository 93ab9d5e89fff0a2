/**
 * The column of panel switches at the left edge (VS Code's activity bar): each button shows or hides
 * one panel around the graph, and says so (aria-pressed is true exactly while the panel is shown).
 * The bottom panel's switches are its own tabs (TerminalDock).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { useWorstSeverity } from '../panels/worstSeverity.ts';
import { isGraphOnly, toggleGraphOnly, toggleLessons, togglePanel } from '../../store/viewStore.ts';

/** A line icon drawn in the text colour (no icon font: nothing is fetched, every system draws it). */
function Icon({ d }: { d: string }) {
  return (
    <svg className="kp-activity-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

interface ActivityButtonProps {
  pressed: boolean;
  onToggle: () => void;
  icon: string;
  label: string;
  title?: string;
  testId?: string;
  className?: string;
  children?: ReactNode;
}

/** One switch: pressed exactly while its panel is shown. */
function ActivityButton({
  pressed,
  onToggle,
  icon,
  label,
  title,
  testId,
  className,
  children,
}: ActivityButtonProps) {
  return (
    <button
      type="button"
      className={className}
      aria-pressed={pressed}
      onClick={onToggle}
      title={title}
      data-testid={testId}
    >
      <Icon d={icon} />
      {label}
      {children}
    </button>
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
  const severity = useWorstSeverity();
  return (
    <nav className="kp-activity" aria-label={t('stage.panels')}>
      <ActivityButton
        pressed={lessonsOpen}
        onToggle={() => toggleLessons(app.view)}
        icon="M4 5h7a3 3 0 0 1 3 3v11a2 2 0 0 0-2-2H4zM20 5h-4a2 2 0 0 0-2 2M20 5v12h-6"
        label={t('header.lessons')}
        testId="lessons-button"
      />
      <ActivityButton
        pressed={editorOpen}
        onToggle={() => togglePanel(app.view, 'editor')}
        icon="M9 4H7a2 2 0 0 0-2 2v4l-2 2 2 2v4a2 2 0 0 0 2 2h2M15 4h2a2 2 0 0 1 2 2v4l2 2-2 2v4a2 2 0 0 1-2 2h-2"
        label={t('stage.yaml')}
        title={t('stage.yamlTitle')}
        testId="yaml-button"
      >
        {problems > 0 && (
          <span className="kp-activity-count" data-severity={severity} data-testid="yaml-problem-count">
            {problems}
            <span className="kp-visually-hidden"> {t('stage.problemWord', { count: problems })}</span>
          </span>
        )}
      </ActivityButton>
      <ActivityButton
        pressed={detailsOpen}
        onToggle={() => togglePanel(app.view, 'details')}
        icon="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 11v6M12 7.5v.5"
        label={t('panels.details')}
        title={t('stage.detailsTitle')}
        testId="details-button"
      />
      <ActivityButton
        className="kp-activity-last"
        pressed={graphOnly}
        onToggle={() => toggleGraphOnly(app.view)}
        icon="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"
        label={t('header.graphOnly')}
        title={t('header.graphOnlyTitle')}
      />
    </nav>
  );
}
