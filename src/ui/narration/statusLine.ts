/**
 * The live status line under the step list while a request travels ("Hop 2 of 5 · …"), at the chosen
 * narration level: the plain sentence in the reader's language, or the engine's kind, place and note
 * (in English, as the engine wrote them). The frame loop writes it once per hop; screen readers hear it.
 */
import type { TFunction } from 'i18next';
import type { Hop } from '../../engine/index.ts';
import type { NarrationLevel } from '../../store/viewStore.ts';
import { plainHopText } from './plainHop.ts';

export function hopStatusLine(
  hop: Hop,
  index: number,
  total: number,
  level: NarrationLevel,
  t: TFunction,
): string {
  const position = t('presenter.hopOf', { hop: index + 1, count: total });
  if (level === 'plain') return `${position} · ${plainHopText(hop, t)}`;
  return `${position} · ${hop.kind} at ${hop.at}: ${hop.note}`;
}
