/**
 * Text helpers for the SVG: escaping (names come from user YAML) and fitting text into a card's
 * width the way the page's CSS does (titles end in an ellipsis, other lines wrap at spaces).
 */

export interface FontSpec {
  family: 'sans' | 'mono';
  size: number;
  weight: number;
  /** Extra space after every character, in px (CSS letter-spacing). */
  letterSpacing?: number;
}

/** Width of a text in px: canvas measureText in the browser, an estimate in tests. */
export type MeasureText = (text: string, font: FontSpec) => number;

/** Rough advance widths (em) of a system sans face by character class, for the estimate below. */
function sansAdvance(ch: string): number {
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[a-z]/.test(ch)) return /[ijlft]/.test(ch) ? 0.3 : /[mw]/.test(ch) ? 0.85 : 0.56;
  if (/[0-9]/.test(ch)) return 0.6;
  if (/[ .,:;'|!·]/.test(ch)) return 0.3;
  return 0.6;
}

/** A width estimate without a DOM (unit tests): close enough for system sans and monospace faces. */
export const estimateTextWidth: MeasureText = (text, font) => {
  const bold = font.weight >= 600 ? 1.06 : 1;
  let em = 0;
  for (const ch of text) em += font.family === 'mono' ? 0.6 : sansAdvance(ch) * bold;
  return em * font.size + [...text].length * (font.letterSpacing ?? 0);
};

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text and attribute values, escaped. Characters XML 1.0 forbids (control characters, lone
 * surrogates) are dropped, so any name still yields a well-formed document.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

const ELLIPSIS = '…';

/** The longest start of `text` that fits in `width` with an ellipsis after it (CSS text-overflow). */
export function truncateText(text: string, width: number, font: FontSpec, measure: MeasureText): string {
  return measure(text, font) <= width ? text : cutWithEllipsis(text, width, font, measure);
}

function cutWithEllipsis(text: string, width: number, font: FontSpec, measure: MeasureText): string {
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('') + ELLIPSIS, font) <= width) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return measure(ELLIPSIS, font) <= width ? ELLIPSIS : '';
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/** A piece of a line in one style. */
export interface Run {
  text: string;
  font: FontSpec;
  tone: 'text' | 'muted' | 'ok' | 'bad' | 'warn';
}

/**
 * Runs laid into lines of at most `width` px, breaking at spaces as the browser wraps a block. When
 * more lines are needed than `maxLines`, the last one ends in an ellipsis, so nothing vanishes without
 * a sign.
 */
export function wrapRuns(runs: Run[], width: number, maxLines: number, measure: MeasureText): Run[][] {
  const words: Run[] = [];
  for (const run of runs) {
    for (const part of run.text.split(/(?<= )/)) if (part) words.push({ ...run, text: part });
  }
  const lines: Run[][] = [];
  let line: Run[] = [];
  let used = 0;
  for (const word of words) {
    const w = measure(word.text.trimEnd(), word.font);
    if (line.length > 0 && used + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (line.length === 0 && word.text.trim() === '') continue;
    line.push(word);
    used += measure(word.text, word.font);
  }
  if (line.length) lines.push(line);
  if (maxLines <= 0) return [];
  // The overflow joins the last line, which is then too wide and ends in an ellipsis.
  const kept =
    lines.length <= maxLines ? lines : [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).flat()];
  return kept.map((l) => fitLine(mergeRuns(l), width, measure));
}

/** Neighbouring words of one style become one run again (fewer tspans); trailing space goes. */
function mergeRuns(line: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of line) {
    const prev = out[out.length - 1];
    if (prev && prev.tone === run.tone && sameFont(prev.font, run.font)) prev.text += run.text;
    else out.push({ ...run });
  }
  const tail = out[out.length - 1];
  if (tail) tail.text = tail.text.trimEnd();
  return out.filter((r) => r.text !== '');
}

function sameFont(a: FontSpec, b: FontSpec): boolean {
  return (
    a.family === b.family && a.size === b.size && a.weight === b.weight && a.letterSpacing === b.letterSpacing
  );
}

/** Cuts a line to `width` with an ellipsis (a word longer than the card, or the overflowing last line). */
function fitLine(line: Run[], width: number, measure: MeasureText): Run[] {
  const total = line.reduce((sum, r) => sum + measure(r.text, r.font), 0);
  if (total <= width) return line;
  const out: Run[] = [];
  let used = 0;
  for (const run of line) {
    const w = measure(run.text, run.font);
    if (used + w + measure(ELLIPSIS, run.font) <= width) {
      out.push(run);
      used += w;
      continue;
    }
    const cut = cutWithEllipsis(run.text, width - used, run.font, measure);
    if (cut) out.push({ ...run, text: cut });
    break;
  }
  return out;
}
