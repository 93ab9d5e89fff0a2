/**
 * One hop's text at the chosen narration level: a plain sentence (from the hop's facts, in the page's
 * language) or the engine's note and the rule responsible (as the engine wrote them, in English).
 */
import { useTranslation } from 'react-i18next';
import type { Hop } from '../../engine/index.ts';
import type { NarrationLevel } from '../../store/viewStore.ts';
import { plainHopText } from './plainHop.ts';

export function HopText({
  hop,
  level,
  noteClass,
  testId,
  as: Tag = 'div',
}: {
  hop: Hop;
  level: NarrationLevel;
  noteClass: string;
  testId?: string;
  /** The element the texts go in: `p` in the presenter caption, `div` in the hop list. */
  as?: 'p' | 'div';
}) {
  const { t } = useTranslation();
  if (level === 'plain') {
    return (
      <Tag className={noteClass} data-testid={testId} data-narration="plain">
        {plainHopText(hop, t)}
      </Tag>
    );
  }
  return (
    <>
      <Tag className={noteClass} data-testid={testId} data-narration="details" lang="en">
        {hop.note}
      </Tag>
      {hop.rule && (
        <Tag className="kp-muted kp-small kp-mono" lang="en">
          {hop.rule}
        </Tag>
      )}
    </>
  );
}
