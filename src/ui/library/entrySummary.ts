/** The one-line "at a glance" of an entry: counts, actions, the example it started from, the size. */
import type { TFunction } from 'i18next';
import { actionsWithoutWaits } from '../../store/library/libraryContent.ts';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import '../../i18n/laterTexts.ts';

export function formatEntrySummary(
  entry: LibraryEntry,
  bundled: { id: string; title: string }[],
  t: TFunction,
): string {
  const parts: string[] = [];
  if (entry.counts) {
    parts.push(t('library.pods', { count: entry.counts.pods }));
    parts.push(t('library.services', { count: entry.counts.services }));
    if (entry.counts.ingresses > 0) parts.push(t('library.ingresses', { count: entry.counts.ingresses }));
  }
  const actions = actionsWithoutWaits(entry.scenario.actions).length;
  if (actions > 0) parts.push(t('library.actions', { count: actions }));
  const example = bundled.find((s) => s.id === entry.scenarioId);
  parts.push(example ? t('library.from', { title: example.title }) : t('library.ownYaml'));
  const kilobytes = new TextEncoder().encode(entry.scenario.yaml).length / 1024;
  parts.push(t('library.size', { size: kilobytes < 10 ? kilobytes.toFixed(1) : Math.round(kilobytes) }));
  return parts.join(' · ');
}

export function formatSavedAt(savedAt: number | null, language: string, t: TFunction): string {
  if (savedAt === null) return t('library.savedUnknown');
  try {
    const time = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      savedAt,
    );
    return t('library.savedAt', { time });
  } catch {
    return t('library.savedUnknown');
  }
}
