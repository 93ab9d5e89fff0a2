/**
 * One saved scenario in the library, and the gate it passes on the way back out of localStorage.
 * Stored entries are untrusted (another app version, a hand edit, a hostile page on the same origin):
 * each is restored on its own, so one corrupt entry reads as "unreadable" and never hides the others.
 * The scenario itself goes through the share links' restoreScenario, the one gate for scenarios.
 */
import { restoreScenario } from '../../share/index.ts';
import type { SharedScenario } from '../../share/index.ts';

/** What the graph showed when the entry was saved, for the list ("3 pods · 2 Services · 1 Ingress"). */
export interface ClusterCounts {
  pods: number;
  services: number;
  ingresses: number;
}

/** What a save takes from the working copy: everything a share link carries, plus where it came from. */
export interface LibraryContent {
  /** The bundled scenario the YAML started from (`kubia`, …), or `custom`. */
  scenarioId: string;
  scenario: SharedScenario;
  counts?: ClusterCounts;
}

export interface LibraryEntry extends LibraryContent {
  id: string;
  name: string;
  /** Epoch milliseconds of the last save (or duplicate); null when the stored value was unusable. */
  savedAt: number | null;
}

export type LibraryItem =
  | { kind: 'entry'; key: string; entry: LibraryEntry }
  /** Kept as it is in storage (never rewritten or dropped) until the user deletes it. */
  | { kind: 'unreadable'; key: string; name: string | null; reason: string };

export const MAX_NAME_CHARS = 200;
const MAX_ID_CHARS = 100;

/** The stored shape of an entry (what `toStoredEntry` writes). */
export function toStoredEntry(entry: LibraryEntry): Record<string, unknown> {
  return {
    id: entry.id,
    name: entry.name,
    savedAt: entry.savedAt,
    scenarioId: entry.scenarioId,
    ...(entry.counts ? { counts: entry.counts } : {}),
    scenario: entry.scenario,
  };
}

/** The id a stored value goes by, or null (an entry without one is unreadable). */
export function storedIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const id = (value as Record<string, unknown>).id;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_CHARS ? id : null;
}

/** A user's name for an entry: trimmed, not empty, not absurdly long; null when unusable. */
export function toEntryName(text: string): string | null {
  const name = text.trim();
  return name.length > 0 ? name.slice(0, MAX_NAME_CHARS) : null;
}

/** One stored value -> an entry, or an unreadable item saying why. Never throws. */
export function restoreLibraryEntry(value: unknown, key: string): LibraryItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'unreadable', key, name: null, reason: 'not an object' };
  }
  const source = value as Record<string, unknown>;
  const rawName = typeof source.name === 'string' ? toEntryName(source.name) : null;
  const unreadable = (reason: string): LibraryItem => ({ kind: 'unreadable', key, name: rawName, reason });
  const id = storedIdOf(value);
  if (id === null) return unreadable('no id');
  if (rawName === null) return unreadable('no name');
  const restored = restoreScenario(source.scenario);
  if (!restored.ok) return unreadable(restored.error.message);
  const counts = restoreCounts(source.counts);
  return {
    kind: 'entry',
    key,
    entry: {
      id,
      name: rawName,
      savedAt: typeof source.savedAt === 'number' && Number.isFinite(source.savedAt) ? source.savedAt : null,
      scenarioId:
        typeof source.scenarioId === 'string' && source.scenarioId.length <= MAX_ID_CHARS
          ? source.scenarioId
          : 'custom',
      scenario: restored.scenario,
      ...(counts ? { counts } : {}),
    },
  };
}

function restoreCounts(value: unknown): ClusterCounts | null {
  if (typeof value !== 'object' || value === null) return null;
  const { pods, services, ingresses } = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!count(pods) || !count(services) || !count(ingresses)) return null;
  return { pods: pods as number, services: services as number, ingresses: ingresses as number };
}
