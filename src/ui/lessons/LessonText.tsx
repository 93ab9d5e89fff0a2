/**
 * A lesson text as the file writes it: paragraphs split on blank lines, `**bold**` and `` `code` ``
 * inline (README: "keep them short and plain"). Rendered as React text, never as HTML.
 */
import type { ReactNode } from 'react';

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`)/g;

function renderInline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return <code key={i}>{part.slice(1, -1)}</code>;
    return part;
  });
}

export function LessonText({ text }: { text: string }) {
  // Lines inside a paragraph are wrapped for the file's width, not the reader's: join them.
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' '));
  return (
    <div className="kp-lesson-text" data-testid="lesson-text">
      {paragraphs.map((p, i) => (
        <p key={i}>{renderInline(p)}</p>
      ))}
    </div>
  );
}
