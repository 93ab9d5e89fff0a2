/**
 * What the page says when the watchdog stopped a simulation: which input it was, as closely as the
 * text allows. No Kubernetes knowledge here: what makes a simulation slow is a large count somewhere,
 * so among the lines that changed since the last input that finished (every line for a first run),
 * the one with the largest number is named; without numbers, the first changed line.
 */
import type { SimulationInput } from '../engine/index.ts';

export interface HangReportInput {
  /** The input the engine did not finish in time. */
  input: SimulationInput;
  /** The last input that finished, if any. */
  lastGood: SimulationInput | null;
  budgetMs: number;
  /** The Worker failed (out of memory, say) instead of running past the budget. */
  crashed?: boolean;
}

export interface HangCulprit {
  file: string;
  /** 1-based. */
  line: number;
  text: string;
}

const MAX_LINE_CHARS = 120;

export function findHangCulprit(
  input: SimulationInput,
  lastGood: SimulationInput | null,
): HangCulprit | null {
  let best: (HangCulprit & { size: number }) | null = null;
  for (const file of input.files) {
    const before = new Set(
      (lastGood?.files.find((f) => f.file === file.file)?.text ?? '').split('\n').map((l) => l.trim()),
    );
    const lines = file.text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const text = (lines[index] ?? '').trim();
      if (text === '' || before.has(text)) continue;
      const size = Math.max(0, ...(text.match(/\d+/g) ?? []).map((n) => Number(n.slice(0, 15))));
      if (!best || size > best.size) best = { file: file.file, line: index + 1, text, size };
    }
  }
  if (!best) return null;
  const { file, line, text } = best;
  return { file, line, text: text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text };
}

export function describeHang({ input, lastGood, budgetMs, crashed }: HangReportInput): string {
  const seconds = budgetMs / 1000;
  const culprit = findHangCulprit(input, lastGood);
  const where = culprit
    ? ` The input that caused it: ${culprit.file} line ${culprit.line}: ${culprit.text}`
    : input.actions && input.actions.length > 0
      ? ` The input that caused it: the last action (${input.actions[input.actions.length - 1]?.type ?? '?'}).`
      : '';
  const kept = lastGood ? ' The cluster shown is the last one that finished.' : '';
  const what = crashed
    ? 'The simulation failed (the engine ran out of memory or crashed) and was restarted.'
    : `The simulation took longer than ${seconds} s and was stopped.`;
  return `${what}${kept}${where}`;
}
