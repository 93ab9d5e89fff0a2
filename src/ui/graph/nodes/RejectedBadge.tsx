/**
 * The mark on an object whose latest edit the API server refused: it keeps its last accepted version
 * (docs/editing.md). The reason is the tooltip; the editor shows it at the document's line.
 */
import { useCardText } from './cardText.ts';

export function RejectedBadge({ message }: { message: string | undefined }) {
  const t = useCardText();
  if (message === undefined) return null;
  return (
    <span
      className="kp-badge kp-badge-warn"
      title={t('graphCards.changeRejectedWhy', { message })}
      data-testid="change-rejected"
    >
      {t('graphCards.changeRejected')}
    </span>
  );
}
