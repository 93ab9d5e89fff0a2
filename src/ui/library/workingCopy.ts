/**
 * The working copy as the library stores it, and whether replacing it could lose something. Pure, so
 * it is unit tested without a DOM. No Kubernetes logic: the counts are read off the engine's state.
 */
import { isTerminating } from '../../engine/index.ts';
import type { ClusterState } from '../../engine/index.ts';
import type { SharedScenario } from '../../share/index.ts';
import { actionsWithoutWaits, isSameContent } from '../../store/library/libraryContent.ts';
import type { ClusterCounts, LibraryEntry, LibraryContent } from '../../store/library/libraryEntry.ts';
import type { ScenarioState } from '../../store/scenarioStore.ts';
import type { ViewState } from '../../store/viewStore.ts';
import { isSystemObject } from '../graph/systemObjects.ts';
import { toSharedScenario } from '../share/shareLinks.ts';

type WorkingView = Pick<ViewState, 'positions' | 'selection' | 'draft'>;

/**
 * An entry keeps what a link carries about the cluster and the user's arrangement: the layout and the
 * request bar. A lesson in progress is not part of a saved scenario (the lessons panel keeps its own).
 * (A variable, not a literal, so options the share dialog adds later default to off here.)
 */
const LIBRARY_SHARE_OPTIONS = { layout: true, request: true, lesson: false };

/** The working copy as a share link would carry it. */
export function toWorkingScenario(scenario: ScenarioState, view: WorkingView): SharedScenario {
  return toSharedScenario(scenario, view, LIBRARY_SHARE_OPTIONS);
}

/** Everything a share link carries (layout and request included), plus the bundled id and the counts. */
export function toLibraryContent(
  scenario: ScenarioState,
  view: WorkingView,
  cluster: ClusterState | null,
): LibraryContent {
  return {
    scenarioId: scenario.scenarioId,
    scenario: toWorkingScenario(scenario, view),
    ...(cluster ? { counts: toClusterCounts(cluster) } : {}),
  };
}

/**
 * What the graph shows by default: the cluster's own DNS pods and Services left out, and pods on their
 * way out (Terminating for their grace period) not counted among the scenario's pods.
 */
export function toClusterCounts(cluster: ClusterState): ClusterCounts {
  return {
    pods: cluster.pods.filter(
      (p) => !isSystemObject(p.metadata.namespace, p.metadata.name, 'pod') && !isTerminating(p),
    ).length,
    services: cluster.services.filter(
      (s) => !isSystemObject(s.manifest.metadata.namespace, s.manifest.metadata.name, 'svc'),
    ).length,
    ingresses: cluster.ingresses.length,
  };
}

export type WorkingCopyStatus =
  /** The working copy is the open entry, unchanged. */
  | { kind: 'same'; entry: LibraryEntry }
  /** It came from the open entry and has changed since. */
  | { kind: 'changed'; entry: LibraryEntry }
  /** No entry is open (or it was deleted). */
  | { kind: 'none' };

export function getWorkingCopyStatus(
  working: SharedScenario,
  open: LibraryEntry | null,
  pristineExample: boolean,
): WorkingCopyStatus {
  if (!open) return { kind: 'none' };
  if (isSameContent(working, open.scenario)) return { kind: 'same', entry: open };
  // A bundled example picked afresh is no longer the open entry's work: never offer to save it over that.
  return pristineExample ? { kind: 'none' } : { kind: 'changed', entry: open };
}

/**
 * Replacing the working copy loses nothing when it is kept in the library already, or is a bundled
 * example as it ships (the rule openSharedLink's link choice follows). Anything else: ask first.
 */
export function canReplaceWithoutAsking(
  working: SharedScenario,
  scenarioId: string,
  entries: LibraryEntry[],
  bundled: { id: string; yaml: string }[],
): boolean {
  if (entries.some((entry) => isSameContent(working, entry.scenario))) return true;
  return isPristineExample(working, scenarioId, bundled);
}

/** A bundled example as it ships: its YAML untouched, no actions, the default seed, nothing dragged. */
export function isPristineExample(
  working: SharedScenario,
  scenarioId: string,
  bundled: { id: string; yaml: string }[],
): boolean {
  const example = bundled.find((s) => s.id === scenarioId);
  return (
    example !== undefined &&
    example.yaml === working.yaml &&
    working.seed === 1 &&
    actionsWithoutWaits(working.actions).length === 0 &&
    Object.keys(working.layout ?? {}).length === 0
  );
}

/** The name offered when saving: the bundled example's title, else the open entry's, else a default. */
export function toDefaultName(
  scenarioId: string,
  bundled: { id: string; title: string }[],
  open: LibraryEntry | null,
  fallback: string,
): string {
  return bundled.find((s) => s.id === scenarioId)?.title ?? open?.name ?? fallback;
}
